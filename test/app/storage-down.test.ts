// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { BackendState } from '../../app/handler.ts';
import { openBackendState } from '../../app/node/state.ts';
import { memoryRateCounter } from '../../app/storage/rate.ts';
import type { Sql } from '../../app/storage/sql.ts';
import { backend, embeddedState, offersOf, signedInput, signOf } from './support.ts';

const WICK = { offerId: 'wick-trimmer-first-candle', variantId: 4006, quantity: 1 };

/** A database that answers nothing: every statement fails as a lost connection does. */
function unreachable(): Sql {
  const fail = async (): Promise<never> => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  };
  return { kind: 'postgres', query: fail, lock: fail, transaction: fail, close: async () => {} };
}

describe('when the database cannot answer, nothing is signed', () => {
  it('offers and sign-changeset answer 503 storage_unavailable with Retry-After: whether the shop is installed is unknown', async () => {
    const state: BackendState = { sql: unreachable(), rate: memoryRateCounter(60_000) };
    const b = backend({ state });
    const { token } = await signedInput('1004');
    const offers = await offersOf(b, token);
    expect([offers.status, offers.body.error.code]).toEqual([503, 'storage_unavailable']);
    const signed = await signOf(b, { token, ...WICK });
    expect([signed.status, signed.body.error.code, signed.headers.get('retry-after')]).toEqual([503, 'storage_unavailable', '5']);
    expect(signed.body.token).toBeUndefined();
    // The log names the kind of fault, never its text (it may hold a host or a query).
    expect(b.logs.filter((line) => line.includes('"error"'))).toEqual([
      '{"route":"offers","error":"StorageError"}',
      '{"route":"sign-changeset","error":"StorageError"}',
    ]);
  });

  it('a rate counter that fails answers 503 too, for offers and signatures alike', async () => {
    const { sql } = await embeddedState();
    const rate = { kind: 'redis' as const, hit: async (): Promise<number> => Promise.reject(new Error('The client is closed')), close: async () => {} };
    const b = backend({ state: { sql, rate } });
    const { token } = await signedInput('1004');
    expect((await offersOf(b, token)).status).toBe(503);
    expect((await signOf(b, { token, ...WICK })).status).toBe(503);
  });

  it('a state that never opened (PostgreSQL not listening) fails each request with 503, and the handler lives on', async () => {
    const opening = openBackendState({ env: { DATABASE_URL: 'postgres://encore:secret@127.0.0.1:1/encore' }, windowMs: 60_000 });
    await expect(opening).rejects.toThrow('the PostgreSQL server could not be reached (ECONNREFUSED)');
    await expect(opening).rejects.not.toThrow('secret');
    const b = backend({ state: opening });
    const { token } = await signedInput('1004');
    expect((await signOf(b, { token, ...WICK })).status).toBe(503);
    expect((await signOf(b, { token, ...WICK })).status).toBe(503);
  });
});
