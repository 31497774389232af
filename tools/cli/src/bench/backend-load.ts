/**
 * The backend as a shop's traffic meets it: `npm run serve` in a process of its own, over 32 kept-alive
 * connections, each request for a purchase of its own, with the state already past 100,000 signed purchases and
 * growing. Once on the embedded database (a file, as a one-instance deployment keeps it) and once on PostgreSQL
 * when ENCORE_BENCH_DATABASE_URL (else ENCORE_TEST_DATABASE_URL) names one. Per route, two runs of 60 s:
 *
 * - flat out (each connection sends its next request when the last is answered): the throughput, and whether it
 *   falls as the state grows (goal: the last 10 s within 20% of the first 10 s);
 * - paced at 1,000 requests/s (each request has its time; its latency counts from then, so a server that falls
 *   behind is charged for the wait): sign p99 ≤ 20 ms.
 *
 * Memory: the server runs with its heap capped at 192 MB; a leak would end it (answers not 200) within the runs.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openEmbedded } from '../../../../app/node/embedded.ts';
import { openPostgres } from '../../../../app/node/postgres.ts';
import { migrate } from '../../../../app/storage/migrations.ts';
import type { Sql } from '../../../../app/storage/sql.ts';
import { postPurchaseInput, signInputToken } from '@encore/fixtures/adapters/post-purchase.ts';
import { studioVisitReference } from '@encore/fixtures/offers/studio-visit.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { findOrder } from '@encore/fixtures/names.ts';
import { residentMb, serveProcess, standInProcess } from '../serve-process.ts';

export const CONNECTIONS = 32;
export const SECONDS = 60;
export const SEEDED_PURCHASES = 100_000;
const P99_GOAL_MS = 20;
const THROUGHPUT_GOAL = 1000;
const FALL_GOAL = 0.2;
const HEAP_CAP_MB = 192;

const CREDENTIALS = { SHOPIFY_API_KEY: 'bench-api-key', SHOPIFY_API_SECRET: 'bench-app-secret' };

interface Phase {
  route: 'sign-changeset' | 'offers';
  /** Requests a second the run was paced at; null flat out. */
  paced: number | null;
  requests: number;
  perSecond: number[];
  p50: number;
  p99: number;
  wrong: number;
  rssStartMb: number;
  rssEndMb: number;
}

export async function benchBackendLoad(): Promise<{ lines: string[]; withinGoals: boolean }> {
  const targets: { name: string; url: string; seed: () => Promise<Sql>; cleanup: () => Promise<void> }[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-bench-db-'));
  const file = path.join(dir, 'encore.db');
  targets.push({
    name: 'embedded (file)',
    url: `file:${file}`,
    seed: async () => openEmbedded(file),
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  });
  const postgres = process.env.ENCORE_BENCH_DATABASE_URL?.trim() || process.env.ENCORE_TEST_DATABASE_URL?.trim();
  if (postgres) {
    const schema = `encore_bench_${process.pid}`;
    const scoped = new URL(postgres);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    targets.push({
      name: 'PostgreSQL',
      url: scoped.href,
      seed: async () => {
        const admin = await openPostgres(postgres);
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.query(`CREATE SCHEMA ${schema}`);
        await admin.close();
        return openPostgres(scoped.href);
      },
      cleanup: async () => {
        const admin = await openPostgres(postgres);
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.close();
      },
    });
  }

  const lines: string[] = [];
  let withinGoals = true;
  const tokens = await purchaseTokens();
  // Shopify in a process of its own: the server waits on its answers as a deployed one waits on Shopify's.
  const shopify = await standInProcess(CREDENTIALS);
  for (const target of targets) {
    const sql = await target.seed();
    await migrate(sql);
    await seed(sql, SEEDED_PURCHASES);
    await sql.close();
    const server = await startServe(target.url, shopify.base);
    try {
      for (const route of ['sign-changeset', 'offers'] as const) {
        for (const paced of [null, THROUGHPUT_GOAL]) {
          if (paced !== null) await tokens.refill(paced * SECONDS + 1_000);
          const phase = await load(server.port, server.child.pid!, route, tokens, paced);
          const first = average(phase.perSecond.slice(0, 10));
          const last = average(phase.perSecond.slice(-10));
          const fell = first > 0 ? (first - last) / first : 1;
          const rate = phase.requests / SECONDS;
          const ok =
            phase.wrong === 0 && (paced === null ? fell <= FALL_GOAL : rate >= paced * 0.98 && (route !== 'sign-changeset' || phase.p99 <= P99_GOAL_MS));
          withinGoals &&= ok;
          lines.push(
            `${target.name}, ${route}, ${paced === null ? 'flat out' : `paced at ${paced}/s`}: ${Math.round(rate)} requests/s, p50 ${phase.p50.toFixed(1)} ms, p99 ${phase.p99.toFixed(1)} ms; first 10 s ${Math.round(first)}/s, last 10 s ${Math.round(last)}/s; server RSS ${phase.rssStartMb} → ${phase.rssEndMb} MB; ${phase.wrong} answers not 200 — ${ok ? 'within' : 'OVER'} goals`,
          );
        }
      }
    } finally {
      server.child.kill();
      await target.cleanup();
    }
  }
  shopify.child.kill();
  lines.push(
    `goals: flat out, the last 10 s within ${FALL_GOAL * 100}% of the first; paced at ${THROUGHPUT_GOAL}/s, sign p99 ≤ ${P99_GOAL_MS} ms; every answer 200 with the server's heap capped at ${HEAP_CAP_MB} MB; state seeded with ${SEEDED_PURCHASES.toLocaleString('en')} signed purchases${postgres ? '' : '; PostgreSQL skipped (no ENCORE_BENCH_DATABASE_URL or ENCORE_TEST_DATABASE_URL)'}`,
  );
  return { lines, withinGoals };
}

interface PurchaseTokens {
  (): Promise<string>;
  /** Signs tokens ahead until `count` are waiting, so a paced run's client never signs while it measures. */
  refill(count: number): Promise<void>;
}

/**
 * Input tokens for casey's #1003, each a purchase never used before (the studio's visit marker keeps the order
 * findable): signed ahead where the run is timed, on demand when the ones ahead run out.
 */
async function purchaseTokens(): Promise<PurchaseTokens> {
  const store = loadStore();
  const { order, customer } = findOrder(store, '1003')!;
  const input = postPurchaseInput(store, order, customer);
  const base = input.initialPurchase.referenceId;
  let visit = 0;
  const sign = () =>
    signInputToken(
      { ...input, initialPurchase: { ...input.initialPurchase, referenceId: studioVisitReference(base, visit++) } },
      CREDENTIALS.SHOPIFY_API_SECRET,
    );
  const ahead: string[] = [];
  const next = (async () => ahead.pop() ?? sign()) as PurchaseTokens;
  next.refill = async (count) => {
    while (ahead.length < count) ahead.push(await sign());
  };
  await next.refill(50_000);
  return next;
}

/** `count` signed purchases of another shop's, as a long-running deployment accumulates them. */
async function seed(sql: Sql, count: number): Promise<void> {
  const far = Date.now() + 86_400_000;
  for (let start = 0; start < count; start += 1000) {
    await sql.transaction(async (tx) => {
      for (let i = start; i < Math.min(count, start + 1000); i++) {
        await tx.query(
          'INSERT INTO encore_signatures (shop, reference_id, offer_id, step, amount_cents, currency, signed_at, expires_at) VALUES ($1, $2, $3, 1, 1000, $4, $5, $6)',
          ['seeded-shop.myshopify.com', `seeded-${i}`, 'seeded-offer', 'USD', Date.now(), far],
        );
      }
    });
  }
}

/**
 * The server under load, its heap capped. In development mode, the one way a shop can be served offline: the
 * fixture's shop installed at the Shopify stand-in `shopify` (a process of its own), which answers its Admin API.
 */
function startServe(databaseUrl: string, shopify: string) {
  return serveProcess({ ...CREDENTIALS, DATABASE_URL: databaseUrl, ENCORE_SHOPIFY_STAND_IN: shopify, NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` });
}

async function load(port: number, pid: number, route: Phase['route'], token: PurchaseTokens, paced: number | null): Promise<Phase> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const send = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: `/api/post-purchase/${route}`,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  const body = async () =>
    route === 'offers'
      ? JSON.stringify({ token: await token() })
      : JSON.stringify({ token: await token(), offerId: 'refill-oil-for-diffuser', variantId: 4011, quantity: 1 });
  for (let i = 0; i < 200; i++) await send(await body());
  const rssStartMb = residentMb(pid);
  const times: number[] = [];
  const perSecond = new Array<number>(SECONDS).fill(0);
  let wrong = 0;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, connection) => {
      for (let k = 0; performance.now() < end; k++) {
        const payload = await body();
        // Paced: this request's own time; a late start counts against the server, not out of the figures.
        const due = paced === null ? performance.now() : start + ((k * CONNECTIONS + connection) * 1000) / paced;
        if (due >= end) break;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const sent = paced === null ? performance.now() : due;
        const status = await send(payload).catch(() => 0);
        const done = performance.now();
        if (status !== 200) wrong++;
        times.push(done - sent);
        const second = Math.floor((done - start) / 1000);
        if (second < SECONDS) perSecond[second]!++;
      }
    }),
  );
  agent.destroy();
  times.sort((a, b) => a - b);
  const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))] ?? 0;
  return { route, paced, requests: times.length, perSecond, p50: at(0.5), p99: at(0.99), wrong, rssStartMb, rssEndMb: residentMb(pid) };
}

const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
