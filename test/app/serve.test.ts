import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_API_SECRET } from '../../app/secrets.ts';
import { backendFromEnvironment, backendState, isBackendPath } from '@encore/studio/backend.ts';
import { nodeListener } from '../../app/node/listener.ts';
import type { NodeBackendState } from '../../app/node/state.ts';
import { SECRET, signedInput } from './support.ts';

describe('the backend on node:http (npm run serve, npm start)', () => {
  const warnings: string[] = [];
  const logs: string[] = [];
  let server: http.Server;
  let base: string;
  let state: NodeBackendState;

  beforeAll(async () => {
    state = await backendState({});
    const handler = backendFromEnvironment({
      env: { SHOPIFY_API_SECRET: SECRET },
      development: true,
      warn: (line) => warnings.push(line),
      log: (line) => logs.push(line),
      state,
    });
    server = http.createServer(nodeListener(handler, (line) => logs.push(line)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await state.close();
  });

  it('says where its state is: the embedded database in memory and the rate counted in this process, with nothing configured', () => {
    expect(state.describe()).toBe(
      'the embedded database in memory (DATABASE_URL unset: nothing is kept past this process); rate limit counted in this process (REDIS_URL unset)',
    );
  });

  it('warns once about the development API key, naming the variable and never a value', () => {
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('SHOPIFY_API_KEY not set');
    expect(warnings[0]).not.toContain('SHOPIFY_API_SECRET');
    expect(warnings[0]).not.toContain(SECRET);
    expect(warnings[0]).not.toContain(DEVELOPMENT_API_SECRET);
  });

  it("serves casey #1004's offer and signs it over loopback", async () => {
    // A real clock here: the token is issued now.
    const { token } = await signedInput('1004', undefined, SECRET, new Date());
    const post = (path: string, body: unknown) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const offers = await post('/api/post-purchase/offers', { token });
    expect(offers.status).toBe(200);
    expect(offers.headers.get('access-control-allow-origin')).toBe('*');
    expect(((await offers.json()) as { offers: { id: string }[] }).offers.map((offer) => offer.id)).toEqual(['wick-trimmer-first-candle']);
    const signed = await post('/api/post-purchase/sign-changeset', { token, offerId: 'wick-trimmer-first-candle', variantId: 4006, quantity: 1 });
    expect(signed.status).toBe(200);
    expect(((await signed.json()) as { token: string }).token.split('.')).toHaveLength(3);
    // The record is in the database: the same offer again is a replay.
    const again = await post('/api/post-purchase/sign-changeset', { token, offerId: 'wick-trimmer-first-candle', variantId: 4006, quantity: 1 });
    expect([again.status, ((await again.json()) as { error: { code: string } }).error.code]).toEqual([429, 'replayed']);
    const rows = await state.sql.query('SELECT shop, reference_id, offer_id, step, amount_cents, currency FROM encore_signatures');
    // The wick trimmer at $18.00 with the offer's 15% off: 1530 cents.
    expect(rows).toEqual([
      { shop: 'ember-and-wick.myshopify.com', reference_id: '6004', offer_id: 'wick-trimmer-first-candle', step: 1, amount_cents: 1530, currency: 'USD' },
    ]);
  });

  it('refuses a 20 KB body with 413 and stays up', async () => {
    const big = await fetch(`${base}/api/post-purchase/offers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(20 * 1024),
    });
    expect([big.status, ((await big.json()) as { error: { code: string } }).error.code]).toEqual([413, 'body_too_large']);
    const again = await fetch(`${base}/api/post-purchase/offers`, { method: 'OPTIONS' });
    expect(again.status).toBe(204);
  });

  it('npm start sends /api/ and /webhooks/ to the backend and the rest to the preview', () => {
    expect(['/api/post-purchase/offers', '/webhooks/compliance', '/account', '/', '/apiary'].map(isBackendPath)).toEqual([true, true, false, false, false]);
  });
});
