/**
 * The signing backend under load, as the issue asks: 2,000 sign-changeset
 * requests over loopback to the handler served by node:http, 10% of them
 * malformed JSON. Goals: no crash (no 5xx, no dropped connection, the server
 * still answers afterwards), every answer the expected status and code, p99
 * latency ≤ 20 ms, and a heap that ends where it started (measured after a
 * forced GC before and after the run).
 *
 * Each well-formed request signs the refill-oil offer for its own purchase
 * (casey's #1003 under a fresh referenceId), since a purchase may have each
 * offer signed once and each token is rate limited.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createHandler, DEFAULT_LIMITS } from '../../../../app/handler.ts';
import { openBackendState } from '../../../../app/node/state.ts';
import { fixtureShopify } from '@encore/fixtures/shopify-stand-in.ts';
import { saveShop } from '../../../../app/storage/shops.ts';
import { saveOffers } from '../../../../app/storage/offers.ts';
import { nodeListener } from '../../../../app/node/listener.ts';
import { loadOffers } from '@encore/fixtures/offers/load.ts';
import { postPurchaseInput, signInputToken } from '@encore/fixtures/adapters/post-purchase.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { findOrder } from '@encore/fixtures/names.ts';

export const SIGN_REQUESTS = 2000;
export const MALFORMED_SHARE = 0.1;
export const P99_GOAL_MS = 20;
/** Heap growth over the run that still counts as stable, after GC. */
export const HEAP_GROWTH_GOAL_MB = 16;

const SECRET = 'bench-app-secret';

export interface PostPurchaseBenchResult {
  lines: string[];
  withinGoals: boolean;
}

export async function benchPostPurchase(requests = SIGN_REQUESTS): Promise<PostPurchaseBenchResult> {
  const store = loadStore();
  // The state `npm run serve` has with no DATABASE_URL: the embedded database in memory.
  const state = await openBackendState({ env: {}, windowMs: DEFAULT_LIMITS.windowMs });
  // The fixture's shop, installed, its Admin API Shopify's stand-in.
  const shopify = fixtureShopify({ apiKey: 'bench-api-key', apiSecret: SECRET }, [store]);
  const shop = store.shop.permanent_domain;
  await saveShop(state.sql, { shop, accessToken: shopify.issued.get(shop)!, scope: '', installedAt: Date.now() });
  await saveOffers(state.sql, shop, loadOffers(undefined, store), Date.now());
  const handler = createHandler({
    apiKey: 'bench-api-key',
    apiSecret: SECRET,
    adminFetch: shopify.fetch,
    log: () => {},
    state,
  });
  const server = http.createServer(nodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/post-purchase/sign-changeset`;

  const { order, customer } = findOrder(store, '1003')!;
  const input = postPurchaseInput(store, order, customer);
  const malformedEvery = Math.round(1 / MALFORMED_SHARE);
  const bodies: { body: string; expect: [number, string | null] }[] = [];
  for (let i = 0; i < requests; i++) {
    if (i % malformedEvery === malformedEvery - 1) {
      bodies.push({ body: `{"token": "eyJ${i}", "offerId": `, expect: [400, 'malformed_json'] });
      continue;
    }
    const purchase = { ...input, initialPurchase: { ...input.initialPurchase, referenceId: `bench-${i}` } };
    const token = await signInputToken(purchase, SECRET);
    bodies.push({ body: JSON.stringify({ token, offerId: 'refill-oil-for-diffuser', variantId: 4011, quantity: 1 }), expect: [200, null] });
  }

  const send = async (body: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = (await response.json()) as { token?: string; error?: { code: string } };
    return [response.status, answer.error?.code ?? (typeof answer.token === 'string' ? null : 'no_token')] as const;
  };
  // Warm the JIT and the connection pool on requests outside the measured run.
  for (let i = 0; i < 50; i++) await send('{');

  const gc = exposeGc();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const times: number[] = [];
  let wrong = 0;
  let crashes = 0;
  for (const { body, expect } of bodies) {
    const start = performance.now();
    try {
      const [status, code] = await send(body);
      times.push(performance.now() - start);
      if (status >= 500) crashes++;
      if (status !== expect[0] || code !== expect[1]) wrong++;
    } catch {
      crashes++;
    }
  }
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const stillUp = await send('{').then(
    ([status]) => status === 400,
    () => false,
  );
  if (!stillUp) crashes++;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await state.close();

  times.sort((a, b) => a - b);
  const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))];
  const growthMb = (heapAfter - heapBefore) / 1024 / 1024;
  const withinGoals = crashes === 0 && wrong === 0 && at(0.99) <= P99_GOAL_MS && growthMb <= HEAP_GROWTH_GOAL_MB;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return {
    withinGoals,
    lines: [
      `${requests} sign requests over loopback, ${bodies.filter((entry) => entry.expect[0] === 400).length} malformed: ${crashes} crashes, ${wrong} wrong status or code`,
      `latency p50 ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms (goal ≤ ${P99_GOAL_MS} ms), max ${times[times.length - 1].toFixed(2)} ms`,
      `heap after GC: ${mb(heapBefore)} before, ${mb(heapAfter)} after (${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(1)} MB; goal ≤ +${HEAP_GROWTH_GOAL_MB} MB; the growth is the replay ledger and rate windows of ${requests - Math.floor(requests / malformedEvery)} purchases, both bounded)`,
    ],
  };
}

/** `global.gc` without restarting node with --expose-gc. */
function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
