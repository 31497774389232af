// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { memoryRateCounter, type RateCounter } from '../../app/storage/rate.ts';
import { redisRateCounter } from '../../app/node/redis-rate.ts';
import { REDIS_URL } from './databases.ts';

const WINDOW = 60_000;
const START = Date.UTC(2026, 11, 7, 12, 0, 0);

const redis = REDIS_URL;
const counters: { name: string; open: () => Promise<RateCounter> }[] = [
  { name: 'memory', open: async () => memoryRateCounter(WINDOW) },
  ...(redis === null ? [] : [{ name: 'Redis', open: () => redisRateCounter(redis, WINDOW) }]),
];

describe.each(counters)('the $name rate counter', ({ open }) => {
  it('counts each key in its own window and starts again in the next', async () => {
    const counter = await open();
    try {
      // A key of its own per run: a Redis server may hold an earlier run's counts.
      const key = `candle-co.myshopify.com:${crypto.randomUUID()}`;
      const other = `candle-co.myshopify.com:${crypto.randomUUID()}`;
      const counts = [];
      for (let i = 0; i < 5; i++) counts.push(await counter.hit(key, START + i * 1000));
      expect(counts).toEqual([1, 2, 3, 4, 5]);
      expect(await counter.hit(other, START + 5000)).toBe(1);
      expect(await counter.hit(key, START + WINDOW - 1)).toBe(6);
      expect(await counter.hit(key, START + WINDOW)).toBe(1);
    } finally {
      await counter.close();
    }
  });

  it('holds a key at its count while 10,050 other keys come and go in the same window', async () => {
    const counter = await open();
    try {
      const key = `limited:${crypto.randomUUID()}`;
      for (let i = 0; i < 20; i++) await counter.hit(key, START);
      await Promise.all(Array.from({ length: 10_050 }, (_, i) => counter.hit(`other:${i}:${crypto.randomUUID()}`, START + 10)));
      expect(await counter.hit(key, START + 20)).toBe(21);
    } finally {
      await counter.close();
    }
  }, 60_000);
});
