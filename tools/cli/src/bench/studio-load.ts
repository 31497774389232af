/**
 * The studio under a minute of mixed traffic (`npm run bench -- --studio`): `npm start` in a process of its own on
 * a copy of the theme with one hostile page, while ordinary pages are asked over kept-alive connections, hostile
 * requests arrive (malformed Host, a fragment bomb, oversized bodies, asset names that are no file, pages over
 * the render budget) and live-reload streams open, stay and close. Reports the ordinary pages' p50 and p99 and
 * every answer that was not what it should be, and the studio's resident memory before, at its peak and after
 * ten quiet seconds (goal: back within 20% of where it started, once a first run of the same traffic warmed it).
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { besideModule } from '@encore/liquid/paths.ts';
import { residentMb, studioProcess } from '../serve-process.ts';

export const STUDIO_SECONDS = 60;
const ORDINARY_CONNECTIONS = 4;
const OPEN_STREAMS = 20;
const MEMORY_GOAL = 0.2;
const QUIET_MS = 10_000;
const WARM_SECONDS = 20;

/** The pages a developer looks at, and the assets they load. */
const ORDINARY = ['/account?customer=casey', '/account/orders/1003', '/da/account/orders/1004', '/', '/cdn/shop/t/1/assets/encore-order.css'];

/** A page over the render budget: `/account/addresses` renders this theme's template. */
const HOSTILE_TEMPLATE = '{% for i in (1..2000) %}{% for j in (1..2000) %}{{ i }}{% endfor %}{% endfor %}';

export async function benchStudioLoad(): Promise<{ lines: string[]; withinGoals: boolean }> {
  const theme = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-studio-load-'));
  fs.cpSync(besideModule(import.meta.url, '../../../../theme'), theme, { recursive: true });
  fs.mkdirSync(path.join(theme, 'templates', 'customers'), { recursive: true });
  fs.writeFileSync(path.join(theme, 'templates', 'customers', 'addresses.liquid'), HOSTILE_TEMPLATE);
  const studio = await studioProcess(['--theme', theme], {});
  const base = studio.base;
  const pid = studio.child.pid!;
  let sampler: NodeJS.Timeout | undefined;
  try {
    // Warm under the same mix first: the heaps and the compiled code grow to what this traffic needs, and only
    // growth past that (a leak, a cache without bound) counts against the goal.
    await mixedLoad(base, WARM_SECONDS);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const rssStart = residentMb(pid);
    let rssPeak = rssStart;
    sampler = setInterval(() => (rssPeak = Math.max(rssPeak, residentMb(pid))), 250);
    sampler.unref();
    const { times, wrong, hostile } = await mixedLoad(base, STUDIO_SECONDS);
    clearInterval(sampler);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const rssEnd = residentMb(pid);
    times.sort((a, b) => a - b);
    const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))] ?? 0;
    const grew = (rssEnd - rssStart) / rssStart;
    const withinGoals = wrong.length === 0 && grew <= MEMORY_GOAL;
    const lines = [
      `ordinary pages and assets (${ORDINARY_CONNECTIONS} connections): ${times.length} answered, p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms`,
      `meanwhile: ${hostile.pages} pages over the render budget, ${hostile.requests} hostile requests, ${hostile.streams} live-reload streams opened and closed, ${OPEN_STREAMS} kept open`,
      `answers not as they should be: ${wrong.length}${wrong.length > 0 ? ` (first: ${wrong.slice(0, 3).join('; ')})` : ''}`,
      `studio resident memory: ${rssStart} MB after ${WARM_SECONDS} s of the same traffic and ${QUIET_MS / 1000} quiet seconds, ${rssPeak} MB at most, ${rssEnd} MB after ${QUIET_MS / 1000} quiet seconds (${grew >= 0 ? '+' : ''}${Math.round(grew * 100)}%; goal within ${MEMORY_GOAL * 100}%) — ${withinGoals ? 'within' : 'OVER'} goals`,
    ];
    return { lines, withinGoals };
  } finally {
    clearInterval(sampler);
    studio.child.kill();
    fs.rmSync(theme, { recursive: true, force: true });
  }
}

/** The mixed traffic for `seconds`: ordinary answers' times, answers that were wrong, and what hostile work was done. */
async function mixedLoad(
  base: string,
  seconds: number,
): Promise<{ times: number[]; wrong: string[]; hostile: { pages: number; requests: number; streams: number } }> {
  const end = performance.now() + seconds * 1000;
  const times: number[] = [];
  const wrong: string[] = [];
  const hostile = { pages: 0, requests: 0, streams: 0 };
  const agent = new http.Agent({ keepAlive: true, maxSockets: ORDINARY_CONNECTIONS });
  const streams = await Promise.all(Array.from({ length: OPEN_STREAMS }, () => openStream(base)));
  await Promise.all([
    ...Array.from({ length: ORDINARY_CONNECTIONS }, async (_, connection) => {
      for (let k = connection; performance.now() < end; k++) {
        const target = ORDINARY[k % ORDINARY.length]!;
        const started = performance.now();
        const status = await get(base, target, agent).catch(() => 0);
        times.push(performance.now() - started);
        if (status !== 200) wrong.push(`${target}: ${status}`);
      }
    }),
    (async () => {
      while (performance.now() < end) {
        const status = await get(base, '/account/addresses?customer=casey').catch(() => 0);
        if (status !== 500) wrong.push(`hostile page: ${status}, not the budget's 500`);
        hostile.pages++;
      }
    })(),
    (async () => {
      for (let k = 0; performance.now() < end; k++) {
        const [label, expected, status] = await hostileRequest(base, k);
        if (status !== expected) wrong.push(`${label}: ${status}, not ${expected}`);
        hostile.requests++;
      }
    })(),
    (async () => {
      while (performance.now() < end) {
        const stream = await openStream(base);
        await new Promise((resolve) => setTimeout(resolve, 100));
        stream.close();
        hostile.streams++;
      }
    })(),
  ]);
  for (const stream of streams) stream.close();
  agent.destroy();
  return { times, wrong, hostile };
}

function get(base: string, target: string, agent?: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(target, base), { agent: agent ?? false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
  });
}

/** The k-th hostile request of a rotation: its label, the status it must get, and the status it got. */
async function hostileRequest(base: string, k: number): Promise<[string, number, number]> {
  const fragments = ['fragment F0 on Customer { id }'];
  for (let level = 1; level <= 30; level++) fragments.push(`fragment F${level} on Customer { ...F${level - 1} ...F${level - 1} }`);
  switch (k % 5) {
    case 0:
      return ['Host "a b"', 400, await raw(base, 'GET /account/orders/1003 HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n')];
    case 1:
      return [
        'fragment bomb',
        200,
        await post(base, '/__encore/ext/customer-account?customer=casey', JSON.stringify({ query: `query { customer { ...F30 } } ${fragments.join(' ')}` })),
      ];
    case 2:
      return ['2 MB GraphQL body', 200, await post(base, '/__encore/ext/storefront', ' '.repeat(2 * 1024 * 1024))];
    case 3:
      return ['an asset name that is no file', 404, await get(base, `/cdn/shop/t/1/assets/missing-${k}.css`).catch(() => 0)];
    default:
      return ['text/plain GraphQL', 415, await post(base, '/__encore/ext/storefront', '{"query":"{ __typename }"}', 'text/plain')];
  }
}

/**
 * A POST; its status once answered. The studio may answer an oversized body before it has all of it, and close
 * the connection: the write then fails (EPIPE), which is the answer working, not a fault.
 */
function post(base: string, target: string, body: string, type = 'application/json'): Promise<number> {
  return new Promise((resolve) => {
    let status = 0;
    const request = http.request(new URL(target, base), { method: 'POST', agent: false, headers: { 'content-type': type } }, (response) => {
      status = response.statusCode ?? 0;
      response.resume();
      response.on('end', () => resolve(status));
    });
    request.on('error', () => resolve(status));
    request.end(body);
  });
}

function raw(base: string, head: string): Promise<number> {
  const { port } = new URL(base);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(head));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    // A reset after the answer is still the answer; none at all reads as 0.
    socket.on('error', () => {});
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)));
  });
}

/** A live-reload stream held open until closed. */
function openStream(base: string): Promise<{ close: () => void }> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL('/__encore/reload', base), { agent: false }, (response) => {
      response.on('data', () => {});
      resolve({ close: () => request.destroy() });
    });
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
  });
}
