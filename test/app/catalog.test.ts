/**
 * The shop's catalog and buyers from its Admin API (app/catalog/), here Shopify's stand-in answering from the store
 * fixture (tools/fixtures/src/admin-api/): what the backend reads, how it waits out throttling, and how long it
 * keeps what it read.
 */
import { describe, expect, it } from 'vitest';
import { adminApi, AdminApiError } from '../../app/catalog/admin-api.ts';
import { CatalogCache } from '../../app/catalog/cache.ts';
import { OFFERED_VARIANTS } from '../../app/catalog/queries.ts';
import { adminCatalog } from '../../app/catalog/shop-catalog.ts';
import { signInputToken } from '@encore/fixtures/adapters/post-purchase.ts';
import { findBundledStore } from '@encore/fixtures/bundled.ts';
import { findOrder } from '@encore/fixtures/names.ts';
import { parseOffers } from '@encore/fixtures/offers/load.ts';
import { studioVisitReference } from '@encore/fixtures/offers/studio-visit.ts';
import { fixtureShopify } from '@encore/fixtures/shopify-stand-in.ts';
import type { Store } from '@encore/fixtures/types.ts';
import { API_KEY, backend, call, embeddedState, offersOf, PURCHASED_AT, SECRET, signedInput, store, webhookRequest } from './support.ts';

const SHOP = 'ember-and-wick.myshopify.com';
const APP = { apiKey: API_KEY, apiSecret: SECRET };
const NO_NEEDS = { orderedProductIds: [], offeredVariantIds: [], collectionHandles: [] };

function catalogOf(from: Store, options: Parameters<typeof fixtureShopify>[2] = {}) {
  const shop = from.shop.permanent_domain;
  const shopify = fixtureShopify(APP, [from], options);
  const token = shopify.issued.get(shop)!;
  return { shopify, catalog: adminCatalog({ shop, version: '1', query: adminApi(shop, token, { fetch: shopify.fetch }), cache: new CatalogCache() }) };
}

const checkoutToken = (name: string) => {
  const { order } = findOrder(store, name)!;
  return order.token ?? String(order.id);
};

describe('what the backend reads of the shop', () => {
  it("the shop's money format: the EUR store writes €{{amount_with_comma_separator}}", async () => {
    const eur = findBundledStore({ order: '3002' })!.store;
    const slice = await catalogOf(eur).catalog.slice(NO_NEEDS);
    expect(slice.moneyFormat).toEqual({ currency: 'EUR', format: '€{{amount_with_comma_separator}}' });
  });

  it('an offered variant with its product: $18.00 is 1800 cents, 25 in stock, the product image on the CDN', async () => {
    const slice = await catalogOf(store).catalog.slice({ ...NO_NEEDS, offeredVariantIds: [4006] });
    const [product] = slice.products;
    expect(product).toMatchObject({ id: 7004, handle: 'wick-trimmer', title: 'Wick Trimmer', tags: ['accessory'] });
    expect(product!.variants).toEqual([
      expect.objectContaining({ id: 4006, title: 'Default Title', price: 1800, inventory_quantity: 25, inventory_policy: 'deny' }),
    ]);
    expect(slice.imageUrl(product!, product!.variants[0]!)).toBe('https://ember-and-wick.example/cdn/shop/files/wick-trimmer.jpg');
    expect(slice.primaryLocale).toBe('en');
  });

  it('a variant the shop does not have is left out, the others kept', async () => {
    const slice = await catalogOf(store).catalog.slice({ ...NO_NEEDS, offeredVariantIds: [4006, 999_999] });
    expect(slice.products.flatMap((product) => product.variants.map((variant) => variant.id))).toEqual([4006]);
  });

  it('collections a trigger names hold only the ordered products they really hold', async () => {
    // #1145 bought an amber candle (7001) and refill oil (7008); home-fragrance holds the oil, candles the candle.
    const slice = await catalogOf(store).catalog.slice({
      ...NO_NEEDS,
      orderedProductIds: [7001, 7008],
      collectionHandles: ['home-fragrance', 'candles', 'no-such'],
    });
    expect(slice.collections.map((collection) => [collection.handle, collection.products])).toEqual([
      ['home-fragrance', ['diffuser-refill-oil']],
      ['candles', ['amber-candle']],
    ]);
  });

  it("the buyer's orders before this one: 0 before loyal-customer's #1101, 44 before #1145, a studio visit the same", async () => {
    const { catalog } = catalogOf(store);
    expect((await catalog.purchase(checkoutToken('1101'), '9002')).customer).toEqual({ orderCount: 0, tags: ['VIP', 'wholesale-interest'] });
    expect((await catalog.purchase(checkoutToken('1145'), '9002')).customer?.orderCount).toBe(44);
    expect((await catalog.purchase(studioVisitReference(checkoutToken('1101'), 3), '9002')).customer?.orderCount).toBe(0);
  });

  it('no buyer for a guest checkout or an id the shop does not know', async () => {
    const { catalog } = catalogOf(store);
    expect((await catalog.purchase(checkoutToken('1101'), null)).customer).toBeNull();
    expect((await catalog.purchase(checkoutToken('1101'), '1')).customer).toBeNull();
  });

  it("the order's side of Shopify's rule: #1014 was bought for a company on terms, #1002 paid by no card", async () => {
    const { catalog } = catalogOf(store);
    expect((await catalog.purchase(checkoutToken('1014'), '9005')).order).toMatchObject({ company: true, paymentTerms: true });
    const pending = (await catalog.purchase(checkoutToken('1002'), '9003')).order!;
    expect(pending.payments.some((payment) => payment.card && payment.succeeded)).toBe(false);
    expect((await catalog.purchase('not-a-checkout-token', '9003')).order).toBeNull();
  });
});

describe('the Admin API as Shopify runs it', () => {
  it('validates every query against its schema: a field the API lacks is an error, never a guess', async () => {
    const { shopify } = catalogOf(store);
    const query = adminApi(SHOP, shopify.issued.get(SHOP)!, { fetch: shopify.fetch });
    const failed = await query('query { shop { currencyCode madeUpField } }').catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(AdminApiError);
    expect((failed as AdminApiError).message).toBe(`The Admin API answered ${SHOP} with an error (HTTP 200, GRAPHQL_VALIDATION_FAILED).`);
  });

  it('refuses a token it did not issue: HTTP 401', async () => {
    const { shopify } = catalogOf(store);
    const failed = await adminApi(SHOP, 'shpat_forged', { fetch: shopify.fetch })('query { shop { currencyCode } }').catch((error: unknown) => error);
    expect((failed as AdminApiError).reason).toBe('unauthorized');
  });

  it('waits out a THROTTLED answer for exactly as long as the bucket needs, then asks again', async () => {
    const clock = { now: PURCHASED_AT };
    const shopify = fixtureShopify(APP, [store], { bucket: { maximumAvailable: 60, restoreRate: 10 }, now: () => clock.now });
    const slept: number[] = [];
    const sleep = async (ms: number) => {
      slept.push(ms);
      clock.now += ms;
    };
    const query = adminApi(SHOP, shopify.issued.get(SHOP)!, { fetch: shopify.fetch, sleep, maxThrottleWaitMs: 10_000 });
    const variables = { variants: ['gid://shopify/ProductVariant/4006', 'gid://shopify/ProductVariant/4007', 'gid://shopify/ProductVariant/4011'] };
    await query(OFFERED_VARIANTS, variables);
    const cost = shopify.admin.calls[0]!.cost;
    // 3 × 11 (each variant 1, its inventory item 1, options 1, image 4, product with its image 4) + shop 2 + locales 1.
    expect(cost).toBe(36);
    await query(OFFERED_VARIANTS, variables);
    // 60 − 36 = 24 left after the first; the second needs 36: 12 more points at 10 a second is 1.2 s.
    expect(slept).toEqual([1200]);
    expect(shopify.admin.calls.map((call) => call.throttled)).toEqual([false, true, false]);
  });

  it('gives up when the wait is past its budget: the buyer is not kept waiting', async () => {
    // 24 points left, 36 wanted, 1 point a second back: 12 s, past a 2 s budget.
    const shopify = fixtureShopify(APP, [store], { bucket: { maximumAvailable: 60, restoreRate: 1 }, now: () => PURCHASED_AT });
    const query = adminApi(SHOP, shopify.issued.get(SHOP)!, { fetch: shopify.fetch, maxThrottleWaitMs: 2000, sleep: async () => {} });
    const variables = { variants: ['gid://shopify/ProductVariant/4006', 'gid://shopify/ProductVariant/4007', 'gid://shopify/ProductVariant/4011'] };
    await query(OFFERED_VARIANTS, variables);
    const failed = await query(OFFERED_VARIANTS, variables).catch((error: unknown) => error);
    expect((failed as AdminApiError).reason).toBe('throttled');
  });
});

describe('the backend over the Admin API', () => {
  const catalogWebhook = (topic: string) =>
    webhookRequest(topic, JSON.stringify({ admin_graphql_api_id: 'gid://shopify/Product/7004' }), { path: '/webhooks/catalog' });

  it('asks once per purchase, keeps the answers, and reads again after a products/update webhook', async () => {
    const b = backend();
    const { token } = await signedInput('1004');
    expect((await offersOf(b, token)).body.offers.map((offer: { id: string }) => offer.id)).toEqual(['wick-trimmer-first-candle']);
    const asked = b.shopify.admin.calls.map((call) => call.operation).sort();
    expect(asked).toEqual(['EncoreOfferedVariants', 'EncoreOrderedProducts', 'EncorePurchase']);
    await offersOf(b, token);
    expect(b.shopify.admin.calls).toHaveLength(3);
    expect((await call(b, catalogWebhook('products/update'))).status).toBe(200);
    await offersOf(b, token);
    expect(b.shopify.admin.calls).toHaveLength(6);
  });

  it('a new purchase costs the shop 20 points of its Admin API budget, once its catalog is kept', async () => {
    const b = backend();
    await offersOf(b, (await signedInput('1004')).token);
    await offersOf(b, (await signedInput('1003')).token);
    const purchase = b.shopify.admin.calls.filter((call) => call.operation === 'EncorePurchase').map((call) => call.cost);
    // The orders connection 1, the order 1, its terms 1, company 1, duties 2, five transactions with their details
    // 10, its buyer with the last order 2; the buyer asked by id 2.
    expect(purchase).toEqual([20, 20]);
  });

  it('a webhook to one instance reaches the other: the wick trimmer sold out is offered by neither', async () => {
    const shared = structuredClone(store);
    const state = embeddedState();
    const [one, two] = [backend({ store: shared, state }), backend({ store: shared, state })];
    const { token } = await signedInput('1004');
    for (const b of [one, two]) expect((await offersOf(b, token)).body.offers).toHaveLength(1);
    shared.products.find((product) => product.handle === 'wick-trimmer')!.variants[0]!.inventory_quantity = 0;
    // Until Shopify says so, each keeps what it read; once one hears it, both read again.
    expect((await offersOf(two, token)).body.offers).toHaveLength(1);
    for (const topic of ['inventory_levels/update']) expect((await call(one, catalogWebhook(topic))).status).toBe(200);
    for (const b of [one, two]) expect((await offersOf(b, token)).body.offers).toEqual([]);
  });

  it('triggers on a collection from what the shop says it holds', async () => {
    const offers = parseOffers(
      {
        offers: [
          {
            id: 'snuffer-with-home-fragrance',
            title: 'A snuffer for your diffuser shelf',
            priority: 1,
            trigger: { collection: ['home-fragrance'] },
            action: { variant_id: 4007, quantity: { default: 1, max: 1 }, discount: null },
          },
        ],
      },
      'test.json',
      store,
    );
    const b = backend({ offers });
    expect((await offersOf(b, (await signedInput('1145')).token)).body.offers.map((offer: { id: string }) => offer.id)).toEqual([
      'snuffer-with-home-fragrance',
    ]);
    expect((await offersOf(b, (await signedInput('1004')).token)).body.offers).toEqual([]);
  });

  it("an order the Admin API cannot find yet: Shopify's own decision stands, it showed the page", async () => {
    const b = backend();
    const input = await signedInput('1002');
    const unseen = { ...input, initialPurchase: { ...input.initialPurchase, referenceId: 'c0ffee00c0ffee00c0ffee00c0ffee00' } };
    const { body } = await offersOf(b, await signInputToken(unseen, SECRET, new Date(PURCHASED_AT)));
    // Found, #1002 gets nothing (its bank deposit is pending); not found, its candle gets the matches.
    expect((await offersOf(b, input.token)).body.offers).toEqual([]);
    expect(body.offers.map((offer: { id: string }) => offer.id)).toContain('matches-with-candle');
  });

  it('a shop whose token Shopify refuses: 503 shop_unavailable, logged with why, nothing offered from a guess', async () => {
    const b = backend();
    b.shopify.issued.set(SHOP, 'shpat_rotated');
    const { status, body, headers } = await offersOf(b, (await signedInput('1004')).token);
    expect([status, body.error.code, headers.get('retry-after')]).toEqual([503, 'shop_unavailable', '5']);
    expect(b.logs[0]).toBe('{"route":"offers","error":"AdminApiError","reason":"unauthorized"}');
  });
});

describe('a shop that has not granted protected customer data', () => {
  it('is still offered what needs no customer: the API refuses orders and customers, the rest is read', async () => {
    const shopify = fixtureShopify(APP, [store], { denyProtectedCustomerData: true });
    const b = backend({ shopify });
    shopify.issued.set(SHOP, 'shpat_test_ember-and-wick');
    // #1145: the matches need no customer condition; #1004's first-order offer needs the buyer's history.
    expect((await offersOf(b, (await signedInput('1145')).token)).body.offers.map((offer: { id: string }) => offer.id)).toEqual(['matches-with-candle']);
    expect(await offersOf(b, (await signedInput('1004')).token)).toMatchObject({ status: 200, body: { offers: [] } });
    expect(shopify.admin.calls.filter((call) => call.operation === 'EncorePurchase')).toHaveLength(2);
  });
});

describe("the stand-in's answers carry the shapes shopify.dev documents", () => {
  const raw = async (shopify: ReturnType<typeof fixtureShopify>, query: string, token = shopify.issued.get(SHOP)!, variables = {}) => {
    const response = await shopify.fetch(`https://${SHOP}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': token },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('ids and counts as UnsignedInt64 strings, prices as Money decimal strings, and extensions.cost beside the data', async () => {
    const shopify = fixtureShopify(APP, [store]);
    const { status, body } = await raw(
      shopify,
      'query { nodes(ids: ["gid://shopify/ProductVariant/4006"]) { ... on ProductVariant { legacyResourceId price } } customer(id: "gid://shopify/Customer/9002") { numberOfOrders } }',
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({ nodes: [{ legacyResourceId: '4006', price: '18.00' }], customer: { numberOfOrders: '45' } });
    // The documented example's keys: requestedQueryCost, actualQueryCost, throttleStatus { maximumAvailable, currentlyAvailable, restoreRate }.
    // Two objects (the variant, the customer) at 1 point each; the leaves are free.
    expect(body.extensions.cost).toEqual({
      requestedQueryCost: 2,
      actualQueryCost: 2,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 998, restoreRate: 50 },
    });
  });

  it('THROTTLED as the documented example has it: HTTP 200, no data, actualQueryCost null', async () => {
    const shopify = fixtureShopify(APP, [store], { bucket: { maximumAvailable: 1, restoreRate: 1 }, now: () => PURCHASED_AT });
    const { status, body } = await raw(
      shopify,
      'query { nodes(ids: ["gid://shopify/ProductVariant/4006"]) { ... on ProductVariant { legacyResourceId } } customer(id: "gid://shopify/Customer/9002") { id } }',
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
      extensions: { cost: { requestedQueryCost: 2, actualQueryCost: null, throttleStatus: { maximumAvailable: 1, currentlyAvailable: 1, restoreRate: 1 } } },
    });
  });

  it("an unknown token: HTTP 401 with the API's own words", async () => {
    const { status, body } = await raw(fixtureShopify(APP, [store]), 'query { shop { currencyCode } }', 'shpat_forged');
    expect([status, body]).toEqual([401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }]);
  });
});

describe('what an instance keeps', () => {
  it('keeps what every request reads past any number of purchases, and at most its size in all', async () => {
    const cache = new CatalogCache({ maxEntries: 10, now: () => 0 });
    let asked = 0;
    const answer = (key: string) => cache.get(key, async () => `${key}#${++asked}`);
    await answer('catalog');
    for (let purchase = 1; purchase <= 100; purchase++) {
      expect(await answer('catalog')).toBe('catalog#1');
      await answer(`p${purchase}`);
      expect(cache.size).toBeLessThanOrEqual(10);
    }
    // One catalog read, then one read per purchase.
    expect(asked).toBe(101);
    // Purchase 100 is kept; purchase 1 was dropped long ago and is read again.
    expect(await answer('p100')).toBe('p100#101');
    expect(await answer('p1')).toBe('p1#102');
  });

  it('keeps a purchase for at least half its size in newer purchases after it was last read', async () => {
    const cache = new CatalogCache({ maxEntries: 10, now: () => 0 });
    let asked = 0;
    const answer = (key: string) => cache.get(key, async () => `${key}#${++asked}`);
    await answer('offers seen');
    for (let purchase = 1; purchase <= 4; purchase++) await answer(`p${purchase}`);
    // The buyer accepts after four other purchases (fewer than 10 / 2 + 1): the facts read for the offers serve the sign.
    expect(await answer('offers seen')).toBe('offers seen#1');
    expect(asked).toBe(5);
  });

  it('asks again after the time limit, and forgets a failed answer at once', async () => {
    const clock = { now: 0 };
    const cache = new CatalogCache({ ttlMs: 1000, now: () => clock.now });
    let asked = 0;
    const answer = () => cache.get('k', async () => ++asked);
    expect(await answer()).toBe(1);
    clock.now = 999;
    expect(await answer()).toBe(1);
    clock.now = 1000;
    expect(await answer()).toBe(2);
    await expect(cache.get('bad', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('bad', async () => 'up')).toBe('up');
  });
});
