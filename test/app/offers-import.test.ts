/**
 * Offers per shop: the merchant imports app/offers.json's format from the admin (PUT /api/admin/offers, session
 * token), checked for shape and rules and against the shop's own catalog; the admin's report (GET) says what in
 * the stored offers the catalog lacks now, and buyers are served only the shop's own offers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatorSource, VALIDATOR_FILE } from '@encore/fixtures/offers/write-validator.ts';
import { loadOffers } from '@encore/fixtures/offers/load.ts';
import { sessionTokenFor } from '@encore/fixtures/shopify-stand-in.ts';
import { API_KEY, backend, call, dkkCardStore, embeddedState, offersOf, SECRET, signedInput, store, type TestBackend } from './support.ts';

const SHOP = 'ember-and-wick.myshopify.com';
const APP = { apiKey: API_KEY, apiSecret: SECRET };

async function admin(b: TestBackend, method: 'GET' | 'PUT', body?: unknown, shop = SHOP) {
  const headers: Record<string, string> = { authorization: `Bearer ${await sessionTokenFor(shop, APP)}`, 'content-type': 'application/json' };
  return call(
    b,
    new Request('http://localhost/api/admin/offers', {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

/** app/offers.json with its first offer's fields changed. */
function withFirstOffer(change: (offer: Record<string, any>) => void) {
  const config = structuredClone(loadOffers(undefined, store)) as unknown as { offers: Record<string, any>[] };
  change(config.offers[0]!);
  return config;
}

describe('PUT /api/admin/offers: the merchant imports the shop’s offers', () => {
  it('keeps the generated validator in step with app/offers/schema.ts (run tools/fixtures/src/offers/write-validator.ts)', async () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(await validatorSource());
  });

  it('stores a config whose every reference the shop has, and the admin reads it back with no problem', async () => {
    const b = backend({ offers: { offers: [] } });
    const config = loadOffers(undefined, store);
    const put = await admin(b, 'PUT', config);
    expect([put.status, put.body]).toEqual([200, { shop: SHOP, offers: 6, updatedAt: b.clock.now }]);
    const got = await admin(b, 'GET');
    expect(got.body).toEqual({ shop: SHOP, updatedAt: b.clock.now, offers: config.offers, problems: [] });
    expect((await offersOf(b, (await signedInput('1004')).token)).body.offers.map((offer: { id: string }) => offer.id)).toEqual(['wick-trimmer-first-candle']);
  });

  it('refuses a malformed config with every problem at its JSON path, and keeps what was stored', async () => {
    const b = backend();
    const before = (await admin(b, 'GET')).body;
    const { status, body } = await admin(
      b,
      'PUT',
      withFirstOffer((offer) => {
        offer.action.quantity = { default: 3, max: 2 };
        offer.priorty = 1;
      }),
    );
    expect([status, body.error.code]).toEqual([422, 'invalid_offers']);
    expect(body.error.problems).toEqual([
      {
        path: 'offers[0].priorty',
        message: 'is not a known field; did you mean "priority"? expected one of id, title, priority, trigger, action, next, countdown_seconds',
      },
    ]);
    expect((await admin(b, 'GET')).body).toEqual(before);
  });

  it('refuses a config naming a variant, product or collection the shop does not have, each named', async () => {
    const b = backend();
    const { status, body } = await admin(
      b,
      'PUT',
      withFirstOffer((offer) => {
        offer.action.variant_id = 999_999;
        offer.trigger = { product: ['wick-trimmer', 'no-such-candle'], collection: ['no-such-shelf'] };
      }),
    );
    expect(status).toBe(422);
    expect(body.error.problems).toEqual([
      { path: 'offers[0].trigger.product[1]', message: 'unknown product "no-such-candle" in the store' },
      { path: 'offers[0].trigger.collection[0]', message: 'unknown collection "no-such-shelf" in the store' },
      { path: 'offers[0].action.variant_id', message: 'unknown variant 999999 in the store' },
    ]);
    expect(body.error.message.split('\n')[0]).toBe('offers[0].trigger.product[1]: unknown product "no-such-candle" in the store');
  });

  it('answers 400 for a body that is not JSON, 413 past 256 KB, 401 without a session token, 405 for POST', async () => {
    const b = backend();
    expect((await admin(b, 'PUT', '{"offers": [')).body.error.code).toBe('malformed_json');
    expect((await admin(b, 'PUT', `{"offers": [], "pad": "${'x'.repeat(256 * 1024)}"}`)).status).toBe(413);
    const bare = await call(b, new Request('http://localhost/api/admin/offers'));
    expect([bare.status, bare.body.error.code]).toEqual([401, 'invalid_session_token']);
    const post = await call(b, new Request('http://localhost/api/admin/offers', { method: 'POST' }));
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, PUT']);
  });

  it('a shop that has not installed the app: 403, nothing stored', async () => {
    const b = backend({ state: embeddedState(undefined, []) });
    const { status, body } = await admin(b, 'PUT', { offers: [] });
    expect([status, body.error.code]).toEqual([403, 'shop_not_installed']);
  });
});

describe('stored offers over time, and per shop', () => {
  it('a product the shop deleted since: reported to the admin, never served to a buyer', async () => {
    const shop = structuredClone(store);
    const b = backend({ store: shop });
    shop.products = shop.products.filter((product) => product.handle !== 'wick-trimmer');
    const report = (await admin(b, 'GET')).body;
    expect(report.problems).toEqual([{ path: 'offers[1].action.variant_id', message: 'unknown variant 4006 in the store' }]);
    expect((await offersOf(b, (await signedInput('1004')).token)).body.offers).toEqual([]);
  });

  it("serves each shop only its own offers: the DKK shop imported none, so its buyers get none and Shopify's API is not asked", async () => {
    const b = backend();
    const { status, body } = await offersOf(b, (await signedInput('2004', dkkCardStore)).token);
    expect([status, body]).toEqual([200, { offers: [] }]);
    expect(b.shopify.admin.calls).toEqual([]);
  });
});

describe('the app page in the admin', () => {
  it('shows the stored offers in the text area, every character escaped', async () => {
    const b = backend({
      offers: withFirstOffer((offer) => {
        offer.title = 'Snuff it </textarea><script>alert(1)</script> & go';
      }) as never,
    });
    const page = await b.handler(new Request(`http://localhost/?shop=${SHOP}&id_token=${await sessionTokenFor(SHOP, APP)}`));
    const html = await page.text();
    expect(html).toContain('<p id="encore-offers-count">6 offers stored.</p>');
    expect(html).toContain('&#34;title&#34;: &#34;Snuff it &#60;/textarea&#62;&#60;script&#62;alert(1)&#60;/script&#62; &#38; go&#34;');
    expect(html).not.toContain('<script>alert(1)');
  });
});
