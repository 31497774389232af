/**
 * The account page's server-rendered recommendations and Buy again list
 * (theme/snippets/encore-account-recommendations.liquid, encore-account-buy-again.liquid)
 * against the domain core: `recommendProducts(…, signals: liquidSignals)`
 * (test/support/liquid-signals.ts) and `buyAgain`, for every customer of
 * every bundled store. Also that signal set itself, on hand-built catalogs.
 */
import { describe, expect, it } from 'vitest';
import type { Collection, Order, Product } from '@encore/core/model.ts';
import { buyAgain, recommendProducts, type RecommendInput } from '@encore/core/recommendations.ts';
import { Storefront } from '@encore/studio/storefront.ts';
import { scaledStore } from '@encore/cli/bench/scaled-store.ts';
import { loadBundledStores } from '@encore/fixtures/bundled.ts';
import type { Store } from '@encore/fixtures/types.ts';
import { collection, product } from '../core/catalog-builder.ts';
import { LIQUID_HISTORY_LIMIT, liquidSignals } from '../support/liquid-signals.ts';
import { corePicks, renderedBuyAgain, renderedPicks, tagsOf } from '../support/theme-parity.ts';
import { line, order as buildOrder, refund, transaction } from '../core/order-builder.ts';

/** What the template asks for (templates/customers/account.json). */
const LIMIT = 4;
const TEMPLATE = 'templates/customers/account.json';

/** A storefront whose account template saves `fallback_collection` by handle, as the theme editor does; the engine hands Liquid the collection. */
function storefrontWith(store: Store, fallback: string | null): Storefront {
  const storefront = new Storefront({ store });
  const theme = storefront.theme;
  const readJson = theme.readJson.bind(theme);
  theme.readJson = ((relative: string) => {
    const json = readJson(relative);
    if (relative !== TEMPLATE) return json;
    const template = structuredClone(json) as { sections: { main: { settings: Record<string, unknown> } } };
    template.sections.main.settings.fallback_collection = fallback;
    return template;
  }) as typeof theme.readJson;
  return storefront;
}

const stores = loadBundledStores();
const scenarios = stores.flatMap(({ name, store }) =>
  store.customers.flatMap((customer) =>
    [null, ...store.collections.map((c) => c.handle)].map((fallback) => ({
      label: `${name} ${customer.handle}, fallback ${fallback ?? 'none'}`,
      store,
      customer: customer.handle,
      fallback,
    })),
  ),
);

describe('the Liquid recommendations equal recommendProducts(signals: liquidSignals) for every customer of every bundled store', () => {
  const storefronts = new Map<string, Storefront>();
  const storefrontFor = (store: Store, fallback: string | null) => {
    const key = `${store.shop.domain} ${fallback}`;
    let storefront = storefronts.get(key);
    if (!storefront) storefronts.set(key, (storefront = storefrontWith(store, fallback)));
    return storefront;
  };

  it.each(scenarios.map((s) => [s.label, s] as const))('%s', async (_label, { store, customer: handle, fallback }) => {
    const customer = store.customers.find((c) => c.handle === handle)!;
    const now = store.shop.now!;
    const { body } = await storefrontFor(store, fallback).render({ template: 'customers/account', customer: handle });
    const shownAgain = tagsOf(body, 'encore-buy-again__item').map((a) => a['data-encore-product-handle']);
    const popular = fallback === null ? [] : store.collections.find((c) => c.handle === fallback)!.products;
    const noOrders = customer.orders.length === 0;
    const expected = recommendProducts({
      products: store.products,
      collections: store.collections,
      history: customer.orders,
      now,
      limit: LIMIT,
      signals: liquidSignals,
      exclude: buyAgain({ products: store.products, history: customer.orders, now }).map((item) => item.product.handle),
      popular,
      // The empty state shows the merchant's collection without the diversity cap.
      perCollectionCap: noOrders ? LIMIT : undefined,
      // …and only that collection, under its "Start with" heading.
      fillFromCatalog: !noOrders,
    });
    expect(renderedPicks(body)).toEqual(corePicks(expected));
    // The block leaves out exactly what Buy again shows.
    for (const pick of renderedPicks(body)) expect(shownAgain).not.toContain(pick.handle);
  });

  it('has scenarios where the picks are affinity picks, fallback fills and empty', async () => {
    const kinds = new Set<string>();
    let empty = 0;
    for (const { store, customer, fallback } of scenarios) {
      const { body } = await storefrontFor(store, fallback).render({ template: 'customers/account', customer });
      const picks = renderedPicks(body);
      if (picks.length === 0) empty++;
      for (const pick of picks) kinds.add(pick.kind ?? '');
    }
    expect([...kinds].sort()).toEqual(['collection', 'popular', 'tag', 'type'].filter((kind) => kinds.has(kind)));
    expect(kinds.has('collection')).toBe(true);
    expect(kinds.has('popular')).toBe(true);
    expect(empty).toBeGreaterThan(0);
  });
});

describe('the Liquid Buy again list equals buyAgain for every customer of every bundled store', () => {
  it.each(stores.flatMap(({ name, store }) => store.customers.map((c) => [`${name} ${c.handle}`, store, c.handle] as const)))(
    '%s',
    async (_label, store, handle) => {
      const customer = store.customers.find((c) => c.handle === handle)!;
      const { body } = await new Storefront({ store }).render({ template: 'customers/account', customer: handle });
      const rendered = renderedBuyAgain(body);
      const expected = buyAgain({ products: store.products, history: customer.orders, now: store.shop.now! }).map((item) => ({
        handle: item.product.handle,
        variant: item.variant.id,
        quantity: item.quantity,
        due: item.due,
      }));
      expect(rendered).toEqual(expected);
    },
  );
});

describe('a customer whose orders hold a product on several lines (the benchmark store)', () => {
  // bench-customer's orders repeat variants of one product in the same order (#9001 cycles through every
  // variant for 100 lines), so Buy again must sum each order's lines rather than read one line per order.
  const store = scaledStore(100, 20);
  const history = store.customers.find((c) => c.handle === 'bench-customer')!.orders;
  const now = store.shop.now!;

  it('gets the Buy again list and the picks the core computes', async () => {
    const { body } = await new Storefront({ store }).render({ template: 'customers/account', customer: 'bench-customer' });
    const again = buyAgain({ products: store.products, history, now });
    expect(
      tagsOf(body, 'encore-buy-again__item').map((a) => [a['data-encore-product-handle'], Number(a['data-encore-quantity']), a['data-encore-due'] === 'true']),
    ).toEqual(again.map((item) => [item.product.handle, item.quantity, item.due]));
    expect(again.length).toBeGreaterThan(0);
    const expected = recommendProducts({
      products: store.products,
      collections: store.collections,
      history,
      now,
      limit: LIMIT,
      signals: liquidSignals,
      exclude: again.map((item) => item.product.handle),
      popular: [],
    });
    expect(renderedPicks(body)).toEqual(corePicks(expected));
  });
});

describe('recommendProducts with the Liquid signal set', () => {
  const NOW = '2026-03-19T12:00:00Z';
  const DAY = 86_400_000;
  const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * DAY).toISOString();
  let nextOrder = 500;
  const order = (placed: string, lines: Array<[Product, number]>, extra: Partial<Order> = {}): Order => {
    const id = nextOrder++;
    const line_items = lines.map(([p, quantity], k) =>
      line(id * 100 + k, quantity, { product: p.handle, variant_id: p.variants[0].id, price: p.variants[0].price }),
    );
    return buildOrder({ id, name: `#${id}`, created_at: placed, processed_at: placed, line_items, ...extra });
  };
  const picks = (input: Partial<RecommendInput> & Pick<RecommendInput, 'products'>) =>
    recommendProducts({ collections: [], history: [], now: NOW, ...input }).map((r) => [r.product.handle, r.score, r.reason.kind, r.reason.because?.handle]);

  it('counts units without recency: a candle two years ago weighs as much as one today', () => {
    const old = product('old', { product_type: 'Candle' });
    const fresh = product('fresh', { product_type: 'Diffuser' });
    const candle = product('candle', { product_type: 'Candle' });
    const diffuser = product('diffuser', { product_type: 'Diffuser' });
    const candles = collection('Candles', [old, candle]);
    const diffusers = collection('Diffusers', [fresh, diffuser]);
    const input = {
      products: [old, fresh, candle, diffuser],
      collections: [candles, diffusers],
      history: [order(daysAgo(730), [[old, 1]]), order(NOW, [[fresh, 1]])],
      limit: 2,
    };
    // Each candidate shares a collection (3) and a type (2) with one unit: 5 apiece, so the handle decides.
    expect(picks({ ...input, signals: liquidSignals })).toEqual([
      ['candle', 5, 'collection', 'old'],
      ['diffuser', 5, 'collection', 'fresh'],
    ]);
    // The default halves the two-year-old candle about four times over: the diffuser leads.
    expect(picks(input).map(([handle]) => handle)).toEqual(['diffuser', 'candle']);
  });

  it('leaves out vendor and bought-together, which the default counts', () => {
    const amber = product('amber', { vendor: 'Ember' });
    const snuffer = product('snuffer', { vendor: 'Ember' });
    const matches = product('matches');
    const own = order(NOW, [[amber, 1]]);
    const others = [
      order(
        daysAgo(3),
        [
          [amber, 1],
          [matches, 1],
        ],
        { id: 9001 },
      ),
    ];
    const input = { products: [amber, snuffer, matches], history: [own], storeOrders: [own, ...others], limit: 2 };
    expect(picks(input)).toEqual([
      ['matches', 2, 'bought_together', 'amber'],
      ['snuffer', 0.5, 'vendor', 'amber'],
    ]);
    // Nothing a theme can compute links them: only the catalog fill, in catalog order.
    expect(picks({ ...input, signals: liquidSignals })).toEqual([
      ['snuffer', 0, 'popular', undefined],
      ['matches', 0, 'popular', undefined],
    ]);
    expect(picks({ ...input, signals: liquidSignals, fillFromCatalog: false })).toEqual([]);
  });

  it('only scores what Liquid reaches: the purchases and their collections', () => {
    const amber = product('amber', { product_type: 'Candle' });
    const cedar = product('cedar', { product_type: 'Candle' });
    const fig = product('fig', { product_type: 'Candle' });
    // fig shares the type but no collection with amber: Liquid never meets it.
    const input = {
      products: [amber, cedar, fig],
      collections: [collection('Woody', [amber, cedar]), collection('Fruity', [fig])],
      history: [order(NOW, [[amber, 2]])],
    };
    expect(picks({ ...input, signals: liquidSignals, fillFromCatalog: false })).toEqual([['cedar', 10, 'collection', 'amber']]);
    // The catalog fill then meets fig, but only as a fill.
    expect(picks({ ...input, signals: liquidSignals })).toEqual([
      ['cedar', 10, 'collection', 'amber'],
      ['fig', 0, 'popular', undefined],
    ]);
    expect(picks(input)).toEqual([
      ['cedar', 10, 'collection', 'amber'],
      ['fig', 4, 'type', 'amber'],
    ]);
  });

  it('reads orders as Liquid does: no per-line refunds; cancelled or fully refunded orders keep nothing', () => {
    const snuffer = product('snuffer', { product_type: 'Accessory', tags: ['brass'] });
    const trimmer = product('trimmer', { product_type: 'Accessory', tags: ['brass'] });
    const amber = product('amber', { product_type: 'Candle' });
    const cedar = product('cedar', { product_type: 'Candle' });
    const accessories = collection('Accessories', [snuffer, trimmer]);
    const candles = collection('Candles', [amber, cedar]);
    // The snuffer was refunded line by line on an order that otherwise stands; amber's order was refunded in full.
    const partly = order(NOW, [
      [snuffer, 1],
      [cedar, 1],
    ]);
    partly.refunds = [refund(1, [[partly.line_items[0].id, 1]], 1000)];
    partly.transactions.push(transaction(2, 'refund', 1000));
    const full = order(daysAgo(1), [[amber, 1]]);
    full.refunds = [refund(2, [[full.line_items[0].id, 1]], 1000)];
    full.transactions.push(transaction(3, 'refund', 1000));
    const input = { products: [snuffer, trimmer, amber, cedar], collections: [accessories, candles], history: [partly, full], limit: 3 };
    // Liquid sees the snuffer kept (trimmer: collection 3 + type 2 + tag 1 = 6); amber's order keeps nothing.
    expect(picks({ ...input, signals: liquidSignals })).toEqual([['trimmer', 6, 'collection', 'snuffer']]);
    // The core's default reads the line refund: the snuffer adds no interest, the trimmer only comes in as a popular fill.
    expect(picks(input)).toEqual([['trimmer', 0, 'popular', undefined]]);
  });

  it(`reads only the ${LIQUID_HISTORY_LIMIT} newest orders, as a Liquid for loop does`, () => {
    const amber = product('amber', { product_type: 'Candle', tags: ['replenishable'] });
    const cedar = product('cedar', { product_type: 'Candle' });
    const snuffer = product('snuffer', { product_type: 'Accessory' });
    const trimmer = product('trimmer', { product_type: 'Accessory' });
    const history = [order(daysAgo(400), [[snuffer, 1]]), ...Array.from({ length: LIQUID_HISTORY_LIMIT }, (_, k) => order(daysAgo(k), [[amber, 1]]))];
    const collections: Collection[] = [collection('Candles', [amber, cedar]), collection('Accessories', [snuffer, trimmer])];
    const input = { products: [amber, cedar, snuffer, trimmer], collections, history, limit: 4 };
    // The snuffer order is the 51st newest: Liquid never sees it, so it is neither bought nor a reason.
    expect(picks({ ...input, signals: liquidSignals, fillFromCatalog: false })).toEqual([['cedar', 250, 'collection', 'amber']]);
    // The default reads all 51: the trimmer is the snuffer's collection mate; amber (replenishable) is the catalog fill.
    expect(picks(input).map(([handle, , kind]) => `${handle} ${kind}`)).toEqual(['cedar collection', 'trimmer collection', 'amber popular']);
  });

  it('fills from the popular list in its order, under the same rules, in either mode', () => {
    const amber = product('amber');
    const gift = product('gift', { gift_card: true });
    const sold = product('sold', { variants: [{ ...product('x').variants[0], inventory_quantity: 0 }] });
    const fig = product('fig');
    const cedar = product('cedar');
    const products = [amber, gift, sold, fig, cedar];
    const popular = ['missing', 'gift', 'sold', 'fig', 'amber', 'cedar'];
    const history = [order(NOW, [[amber, 1]])];
    expect(picks({ products, history, popular, signals: liquidSignals, fillFromCatalog: false })).toEqual([
      ['fig', 0, 'popular', undefined],
      ['cedar', 0, 'popular', undefined],
    ]);
    expect(picks({ products, history, popular })).toEqual(picks({ products, history, popular, signals: liquidSignals }));
    // Without a list, both modes fall back on the catalog; only `fillFromCatalog: false` leaves the list empty.
    expect(picks({ products, history }).map(([handle]) => handle)).toEqual(['fig', 'cedar']);
    expect(picks({ products, history, signals: liquidSignals }).map(([handle]) => handle)).toEqual(['fig', 'cedar']);
    expect(picks({ products, history, signals: liquidSignals, fillFromCatalog: false })).toEqual([]);
  });
});
