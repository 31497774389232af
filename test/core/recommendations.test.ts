import { describe, expect, it } from 'vitest';
import type { Order, Product, Variant } from '@encore/core/model.ts';
import { isReplenishable } from '@encore/core/catalog.ts';
import {
  buyAgain,
  recommendProducts,
  RECENCY_HALF_LIFE_DAYS,
  storeWideSignals,
  WEIGHT_BOUGHT_TOGETHER,
  WEIGHT_COLLECTION,
  WEIGHT_TAG,
  WEIGHT_TYPE,
  WEIGHT_VENDOR,
  type Recommendation,
  type RecommendInput,
} from '@encore/core/recommendations.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { collection, product, variant } from './catalog-builder.ts';
import { line, order as buildOrder } from './order-builder.ts';

const NOW = '2026-03-19T12:00:00Z';
const DAY = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.parse(NOW) - days * DAY).toISOString();

/** An order placed at `placed` of `[product, quantity]` (first variant unless `[product, quantity, variant]`). */
function order(id: number, placed: string, lines: Array<[Product, number] | [Product, number, Variant]>, extra: Partial<Order> = {}): Order {
  const line_items = lines.map(([p, quantity, v = p.variants[0]], k) => line(id * 100 + k, quantity, { product: p.handle, variant_id: v.id, price: v.price }));
  return buildOrder({ id, name: `#${id}`, created_at: placed, processed_at: placed, line_items, ...extra });
}

/** [handle, score, reason kind, because, detail] per pick: the whole answer in one readable row. */
function picks(input: Partial<RecommendInput> & Pick<RecommendInput, 'products'>) {
  return summary(recommendProducts({ collections: [], history: [], now: NOW, ...input }));
}

function summary(recommendations: Recommendation[]) {
  return recommendations.map((r) => [r.product.handle, r.score, r.reason.kind, r.reason.because?.handle, r.reason.detail]);
}

describe('the documented weights', () => {
  it('rank a shared collection over type over tag over vendor, with a 180-day half-life', () => {
    expect([WEIGHT_COLLECTION, WEIGHT_TYPE, WEIGHT_TAG, WEIGHT_VENDOR, WEIGHT_BOUGHT_TOGETHER]).toEqual([3, 2, 1, 0.5, 2]);
    expect(RECENCY_HALF_LIFE_DAYS).toBe(180);
  });
});

describe("a caller's signal set", () => {
  const amber = product('amber', { vendor: 'Ember', product_type: 'Candle' });
  const snuffer = product('snuffer', { vendor: 'Ember' });
  const matches = product('matches');
  const cedar = product('cedar', { product_type: 'Candle' });
  const own = order(1, NOW, [[amber, 1]]);
  const other = order(2, daysAgo(3), [
    [amber, 1],
    [matches, 1],
  ]);
  const input = { products: [amber, snuffer, matches], history: [own], storeOrders: [own, other], limit: 2 };

  it("defaults to the store-wide signals: the history and other shoppers' orders", () => {
    // matches: one other order holds both, 2 × log2(2) = 2; snuffer: the vendor, 0.5.
    expect(picks(input)).toEqual([
      ['matches', 2, 'bought_together', 'amber', undefined],
      ['snuffer', 0.5, 'vendor', 'amber', 'Ember'],
    ]);
    expect(picks({ ...input, signals: storeWideSignals(input.storeOrders) })).toEqual(picks(input));
  });

  it('counts only what the set keeps: {} reads no other orders, vendor: false drops the vendor', () => {
    expect(picks({ ...input, signals: {} })).toEqual([
      ['snuffer', 0.5, 'vendor', 'amber', 'Ember'],
      ['matches', 0, 'popular', undefined, undefined],
    ]);
    expect(picks({ ...input, signals: { vendor: false }, fillFromCatalog: false })).toEqual([]);
    // The catalog fill reads the first catalogLimit products only: amber is bought, so nothing.
    expect(picks({ ...input, signals: { vendor: false, catalogLimit: 1 } })).toEqual([]);
  });

  it('weighs old purchases as much as new ones with recency: false', () => {
    const old = order(3, daysAgo(2 * RECENCY_HALF_LIFE_DAYS), [[amber, 4]]);
    const products = [amber, cedar];
    // Two half-lives: 4 units count as 1; without recency all 4 count. cedar shares amber's type: 2 per unit.
    expect(picks({ products, history: [old], signals: {} })).toEqual([['cedar', 2, 'type', 'amber', 'Candle']]);
    expect(picks({ products, history: [old], signals: { recency: false } })).toEqual([['cedar', 8, 'type', 'amber', 'Candle']]);
  });

  it('ships no Liquid set: the core exports nothing for one surface', async () => {
    const names = [...Object.keys(await import('@encore/core/recommendations.ts')), ...Object.keys(await import('@encore/core/recommendation-picks.ts'))];
    expect(names.filter((name) => /liquid/i.test(name))).toEqual([]);
  });
});

describe('rule 1: affinity with what the customer bought', () => {
  it('adds up shared collections, type, tags and vendor, times the units bought', () => {
    const amber = product('amber', { product_type: 'Candle', vendor: 'Ember & Wick', tags: ['warm', 'soy'] });
    const cedar = product('cedar', { product_type: 'Candle', vendor: 'Ember & Wick', tags: ['woody', 'soy'] });
    const tray = product('tray', { product_type: 'Accessory', vendor: 'Ember & Wick', tags: ['warm'] });
    const mug = product('mug', { product_type: 'Mug', vendor: 'Other Co' });
    // Two amber candles today, interest 2:
    //   cedar: 2 × (collection 3 + type 2 + tag "soy" 1 + vendor 0.5) = 13
    //   tray:  2 × (tag "warm" 1 + vendor 0.5) = 3
    //   mug shares nothing; with no store orders it comes in as a popular pick with 0 units.
    //   amber itself is bought and not replenishable: left out.
    expect(
      picks({
        products: [amber, cedar, tray, mug],
        collections: [collection('Candles', [amber, cedar]), collection('Accessories', [tray])],
        history: [order(1, NOW, [[amber, 2]])],
        limit: 3,
      }),
    ).toEqual([
      ['cedar', 13, 'collection', 'amber', 'Candles'],
      ['tray', 3, 'tag', 'amber', 'warm'],
      ['mug', 0, 'popular', undefined, undefined],
    ]);
  });

  it('weighs each purchase by its units: three trimmers outweigh one candle', () => {
    const amber = product('amber', { product_type: 'Candle' });
    const trimmer = product('trimmer', { product_type: 'Accessory' });
    const cedar = product('cedar', { product_type: 'Candle' });
    const snuffer = product('snuffer', { product_type: 'Accessory' });
    // cedar: type 2 × 1 candle = 2; snuffer: type 2 × 3 trimmers = 6.
    expect(
      picks({
        products: [amber, trimmer, cedar, snuffer],
        history: [
          order(1, NOW, [
            [amber, 1],
            [trimmer, 3],
          ]),
        ],
        limit: 2,
      }),
    ).toEqual([
      ['snuffer', 6, 'type', 'trimmer', 'Accessory'],
      ['cedar', 2, 'type', 'amber', 'Candle'],
    ]);
  });
});

describe('rule 2: bought together by other shoppers', () => {
  it('scores products sharing other orders with a purchase, never counting the customer’s own orders', () => {
    const amber = product('amber', { product_type: 'Candle' });
    const matches = product('matches', { product_type: 'Matches' });
    const snuffer = product('snuffer', { product_type: 'Snuffer' });
    const trimmer = product('trimmer', { product_type: 'Trimmer' });
    const refill = product('refill', { product_type: 'Refill', tags: ['replenishable'] });
    const own = order(1, NOW, [
      [amber, 1],
      [refill, 1],
    ]);
    const storeOrders = [
      own,
      order(2, daysAgo(5), [
        [amber, 1],
        [matches, 1],
      ]),
      order(3, daysAgo(6), [
        [amber, 2],
        [matches, 1],
      ]),
      order(4, daysAgo(7), [
        [amber, 1],
        [snuffer, 1],
      ]),
      order(5, daysAgo(8), [
        [trimmer, 2],
        [snuffer, 1],
      ]),
    ];
    // matches: 2 orders with amber → 2 × log2(1 + 2) = 3.169925; snuffer: 1 order → 2 × log2(2) = 2.
    // Order #5 holds none of the customer's purchases, and #1 is the customer's own: refill gains nothing from
    // amber, so refill and trimmer only come in as popular picks (units kept across the store: trimmer 2, refill 1).
    expect(picks({ products: [amber, matches, snuffer, trimmer, refill], history: [own], storeOrders })).toEqual([
      ['matches', 3.169925, 'bought_together', 'amber', undefined],
      ['snuffer', 2, 'bought_together', 'amber', undefined],
      ['trimmer', 2, 'popular', undefined, undefined],
      ['refill', 1, 'popular', undefined, undefined],
    ]);
  });
});

describe('rule 3: recency', () => {
  const amber = product('amber', { product_type: 'Candle' });
  const trimmer = product('trimmer', { product_type: 'Accessory' });
  const cedar = product('cedar', { product_type: 'Candle' });
  const snuffer = product('snuffer', { product_type: 'Accessory' });
  const catalog = [amber, trimmer, cedar, snuffer];

  it('counts a candle bought two years ago less than a trimmer bought last month', () => {
    // cedar: 2 × 0.5^(730/180) = 0.120278; snuffer: 2 × 0.5^(30/180) = 1.781797.
    const history = [order(1, daysAgo(730), [[amber, 1]]), order(2, daysAgo(30), [[trimmer, 1]])];
    expect(picks({ products: catalog, history, limit: 2 })).toEqual([
      ['snuffer', 1.781797, 'type', 'trimmer', 'Accessory'],
      ['cedar', 0.120278, 'type', 'amber', 'Candle'],
    ]);
  });

  it('lets even three old candles weigh less than one recent trimmer', () => {
    // cedar: 2 × 3 × 0.5^(730/180) = 0.360834 < snuffer 1.781797.
    const history = [order(1, daysAgo(730), [[amber, 3]]), order(2, daysAgo(30), [[trimmer, 1]])];
    expect(picks({ products: catalog, history, limit: 2 }).map((row) => row.slice(0, 2))).toEqual([
      ['snuffer', 1.781797],
      ['cedar', 0.360834],
    ]);
  });

  it('halves a purchase every 180 days', () => {
    // One candle 180 days ago: cedar = type 2 × 0.5 = 1; 360 days ago: 2 × 0.25 = 0.5.
    expect(picks({ products: [amber, cedar], history: [order(1, daysAgo(180), [[amber, 1]])] })).toEqual([['cedar', 1, 'type', 'amber', 'Candle']]);
    expect(picks({ products: [amber, cedar], history: [order(1, daysAgo(360), [[amber, 1]])] })).toEqual([['cedar', 0.5, 'type', 'amber', 'Candle']]);
  });
});

describe('rule 4: exclusions', () => {
  it('leaves out what cannot or should not be offered, and never lets a replenishable product recommend itself', () => {
    const lamp = product('lamp');
    const refill = product('refill', { tags: ['replenishable'] });
    const giftCard = product('gift', { gift_card: true });
    const freeSample = product('free-sample', { variants: [variant({ price: 0 })] });
    const soldOut = product('sold-out', { variants: [variant({ inventory_quantity: 0 })] });
    const backorder = product('backorder', { variants: [variant({ inventory_quantity: 0, inventory_policy: 'continue' })] });
    const hidden = product('hidden', { published_at: null });
    const scheduled = product('scheduled', { published_at: '2026-04-01T00:00:00Z' });
    const sentBack = product('sent-back', { tags: ['replenishable'] });
    const vase = product('vase');
    const halfKept = product('half-kept');
    const cup = product('cup');
    const everything = [lamp, refill, giftCard, freeSample, soldOut, backorder, hidden, scheduled, sentBack, vase, halfKept, cup];
    const refunded = order(
      2,
      daysAgo(3),
      [
        [sentBack, 2],
        [halfKept, 2],
      ],
      {
        refunds: [
          {
            id: 1,
            created_at: daysAgo(2),
            note: null,
            restock: true,
            line_items: [
              { line_item: 200, quantity: 2 },
              { line_item: 201, quantity: 1 },
            ],
            amount: 3000,
          },
        ],
      },
    );
    const cancelled = order(3, daysAgo(4), [[vase, 1]], { cancelled_at: daysAgo(4), cancel_reason: 'customer' });
    const history = [
      order(1, NOW, [
        [lamp, 1],
        [refill, 1],
      ]),
      refunded,
      cancelled,
    ];
    // One collection "Shop" holds everything. Interest: lamp 1 and refill 1 (today), half-kept 0.5^(3/180) =
    // 0.988514 (1 of 2 units kept, 3 days ago); the fully refunded sent-back and the cancelled vase carry none.
    //   backorder, cup: 3 × (1 + 1 + 0.988514) = 8.965542
    //   refill:         3 × (1 + 0.988514) = 5.965542, its own purchase left out
    // Bought and not replenishable: lamp, half-kept. Sent back: sent-back (replenishable, still out), vase. Never
    // offered: gift card, free sample, sold out, unpublished, scheduled.
    const result = picks({ products: everything, collections: [collection('Shop', everything)], history, limit: 20, perCollectionCap: 20 });
    expect(result).toEqual([
      ['backorder', 8.965542, 'collection', 'lamp', 'Shop'],
      ['cup', 8.965542, 'collection', 'lamp', 'Shop'],
      ['refill', 5.965542, 'collection', 'lamp', 'Shop'],
    ]);
  });
});

describe('rule 5: diversity', () => {
  const seed = product('seed', { product_type: 'T' });
  const [a1, a2, a3, b1, x] = ['a1', 'a2', 'a3', 'b1', 'x'].map((handle) => product(handle));
  const u = product('u', { product_type: 'T' });
  const products = [seed, a1, a2, a3, b1, x, u];
  // x is listed by B before A inside B's list, but A comes first in `collections`: A is x's primary collection.
  const collections = [collection('A', [seed, a1, a2, a3, x]), collection('B', [seed, x, b1])];
  const history = [order(1, NOW, [[seed, 1]])];
  // Scores: x 6 (A and B), a1 a2 a3 b1 3 each (one collection), u 2 (type T, in no collection).

  it('takes at most two picks whose primary collection is the same', () => {
    expect(picks({ products, collections, history }).map((row) => row.slice(0, 2))).toEqual([
      ['x', 6],
      ['a1', 3],
      ['b1', 3],
      ['u', 2],
    ]);
  });

  it('goes by score alone when the cap allows it', () => {
    expect(picks({ products, collections, history, perCollectionCap: 10 }).map((row) => row[0])).toEqual(['x', 'a1', 'a2', 'a3']);
  });

  it('counts a product against its primary collection only', () => {
    // Cap 1: x fills A, b1 still fits in B; u has no collection and is never capped.
    expect(picks({ products, collections, history, perCollectionCap: 1 }).map((row) => row[0])).toEqual(['x', 'b1', 'u']);
  });
});

describe('rule 6: deterministic ties', () => {
  it('orders equal scores by handle, whatever the order of the catalog', () => {
    const bought = product('bought', { product_type: 'Tea' });
    const [zinnia, birch, aspen] = ['zinnia', 'birch', 'aspen'].map((handle) => product(handle, { product_type: 'Tea' }));
    const history = [order(1, NOW, [[bought, 1]])];
    const first = recommendProducts({ products: [zinnia, birch, bought, aspen], collections: [], history, now: NOW });
    const again = recommendProducts({ products: [aspen, bought, birch, zinnia], collections: [], history, now: NOW });
    expect(summary(first)).toEqual([
      ['aspen', 2, 'type', 'bought', 'Tea'],
      ['birch', 2, 'type', 'bought', 'Tea'],
      ['zinnia', 2, 'type', 'bought', 'Tea'],
    ]);
    expect(summary(again)).toEqual(summary(first));
    expect(summary(recommendProducts({ products: [zinnia, birch, bought, aspen], collections: [], history, now: NOW }))).toEqual(summary(first));
  });

  it('names the purchase with the smaller handle when two contribute the same', () => {
    const [maple, elm, oak] = ['maple', 'elm', 'oak'].map((handle) => product(handle));
    const history = [
      order(1, NOW, [
        [maple, 1],
        [elm, 1],
      ]),
    ];
    expect(picks({ products: [maple, elm, oak], collections: [collection('Trees', [maple, elm, oak])], history })).toEqual([
      ['oak', 6, 'collection', 'elm', 'Trees'],
    ]);
  });
});

describe('rule 7: each pick says why', () => {
  const amber = product('amber-candle', { product_type: 'Candle', vendor: 'Ember & Wick' });
  const tray = product('tray', { product_type: 'Accessory', tags: ['gift'] });
  const cedar = product('cedar-candle', { product_type: 'Candle', tags: ['gift'] });
  const candles = collection('Candles', [amber, cedar]);

  it('names the purchase contributing most: "Because you bought Amber Candle"', () => {
    // amber ×1 gives cedar 3 (Candles) + 2 (Candle) = 5; tray ×3 gives 1 (tag gift) × 3 = 3. Score 8, because amber.
    const [pick] = recommendProducts({
      products: [amber, tray, cedar],
      collections: [candles],
      history: [
        order(1, NOW, [
          [amber, 1],
          [tray, 3],
        ]),
      ],
      now: NOW,
    });
    expect(pick.score).toBe(8);
    expect(pick.reason).toEqual({ kind: 'collection', because: amber, detail: 'Candles' });
    expect(`Because you bought ${pick.reason.because!.title}`).toBe('Because you bought Amber Candle');
  });

  it('switches to the other purchase once it contributes more', () => {
    // tray ×6 now gives 6 > amber's 5: because tray, through the shared tag. Score 11.
    expect(
      picks({
        products: [amber, tray, cedar],
        collections: [candles],
        history: [
          order(1, NOW, [
            [amber, 1],
            [tray, 6],
          ]),
        ],
      }),
    ).toEqual([['cedar-candle', 11, 'tag', 'tray', 'gift']]);
  });

  it('names the vendor when that is all they share, and bought together when it outweighs a collection', () => {
    const jar = product('jar', { vendor: 'Ember & Wick' });
    const wick = product('wick');
    const others = [1, 2, 3].map((n) =>
      order(10 + n, daysAgo(n), [
        [amber, 1],
        [wick, 1],
      ]),
    );
    // jar: vendor 0.5. wick: Candles 3 + bought together in 3 orders 2 × log2(4) = 4, the stronger signal: 7.
    expect(
      picks({
        products: [amber, jar, wick],
        collections: [collection('Candles', [amber, wick])],
        history: [order(1, NOW, [[amber, 1]])],
        storeOrders: others,
        limit: 2,
      }),
    ).toEqual([
      ['wick', 7, 'bought_together', 'amber-candle', undefined],
      ['jar', 0.5, 'vendor', 'amber-candle', 'Ember & Wick'],
    ]);
  });
});

describe('rule 8: a new customer gets the best sellers', () => {
  it('ranks by units kept across the store, then catalog order, within the collection cap', () => {
    const amber = product('amber');
    const cedar = product('cedar');
    const matches = product('matches');
    const tray = product('tray');
    const giftCard = product('gift-card', { gift_card: true });
    const snuffer = product('snuffer');
    const storeOrders = [
      order(1, daysAgo(1), [[matches, 5]]),
      order(2, daysAgo(2), [
        [amber, 2],
        [giftCard, 9],
      ]),
      order(3, daysAgo(3), [[cedar, 2]], {
        refunds: [{ id: 1, created_at: daysAgo(2), note: null, restock: true, line_items: [{ line_item: 300, quantity: 2 }], amount: 2000 }],
      }),
      order(4, daysAgo(4), [[tray, 10]], { cancelled_at: daysAgo(4), cancel_reason: 'customer' }),
    ];
    // Kept units: matches 5, amber 2, gift card 9 (never offered); cedar's were refunded and tray's order cancelled.
    // Candles holds amber, cedar and matches: after matches and amber it is full, so cedar waits and the catalog
    // order brings tray and snuffer.
    const result = recommendProducts({
      products: [amber, cedar, matches, tray, giftCard, snuffer],
      collections: [collection('Candles', [amber, cedar, matches])],
      history: [],
      storeOrders,
      now: NOW,
    });
    expect(summary(result)).toEqual([
      ['matches', 5, 'popular', undefined, undefined],
      ['amber', 2, 'popular', undefined, undefined],
      ['tray', 0, 'popular', undefined, undefined],
      ['snuffer', 0, 'popular', undefined, undefined],
    ]);
    expect(result[0].reason).toEqual({ kind: 'popular' });
  });
});

describe('rule 9: buy again', () => {
  const small = variant({ title: 'Small' });
  const large = variant({ title: 'Large' });
  const soap = product('soap', {
    tags: ['replenishable'],
    variants: [small, large],
    metafields: [{ namespace: 'encore', key: 'replenish_days', type: 'number_integer', value: 14 }],
  });
  const oilFirst = variant();
  const oilGone = variant({ inventory_quantity: 0 });
  const oil = product('oil', { variants: [oilFirst, oilGone], metafields: [{ namespace: 'encore', key: 'replenishable', type: 'boolean', value: true }] });
  const salt = product('salt', { tags: ['replenishable'], metafields: [{ namespace: 'encore', key: 'replenish_days', type: 'number_integer', value: 10 }] });
  const wax = product('wax', { tags: ['replenishable'] });
  const tea = product('tea', { tags: ['replenishable'] });
  const vase = product('vase');
  const history = [
    order(1, daysAgo(100), [
      [soap, 2, small],
      [oil, 1, oilGone],
    ]),
    order(2, daysAgo(40), [
      [soap, 2, small],
      [vase, 1],
    ]),
    order(
      3,
      daysAgo(20),
      [
        [soap, 1, large],
        [oil, 1, oilGone],
        [tea, 3],
      ],
      {
        refunds: [{ id: 1, created_at: daysAgo(19), note: null, restock: true, line_items: [{ line_item: 302, quantity: 3 }], amount: 3000 }],
      },
    ),
    order(4, daysAgo(10), [
      [salt, 1],
      [wax, 1],
    ]),
  ];
  const products = [soap, oil, salt, wax, tea, vase];

  it('lists replenishable products, due ones first, then the most recent', () => {
    // salt: last 10 days ago, lasts 10 days → due (exactly today). soap: 20 days ago, lasts 14 → due.
    // wax: 10 days ago, lasts the default 30 → not yet. oil: 20 days ago, 30 days → not yet.
    // The vase is not replenishable; the tea was all refunded.
    const items = buyAgain({ products, history, now: NOW });
    expect(items.map((item) => [item.product.handle, item.due, item.lastOrderedAt, item.timesOrdered, item.quantity])).toEqual([
      ['salt', true, daysAgo(10), 1, 1],
      ['soap', true, daysAgo(20), 3, 2],
      ['wax', false, daysAgo(10), 1, 1],
      ['oil', false, daysAgo(20), 2, 1],
    ]);
  });

  it('offers the variant bought last when it can still be bought, else the first that can', () => {
    const items = buyAgain({ products, history, now: NOW });
    expect(items.find((item) => item.product === soap)!.variant.title).toBe('Large');
    expect(items.find((item) => item.product === oil)!.variant).toBe(oilFirst);
  });

  it('keeps to the limit', () => {
    expect(buyAgain({ products, history, now: NOW, limit: 2 }).map((item) => item.product.handle)).toEqual(['salt', 'soap']);
  });

  it('takes the more recent habit when two quantities recur equally', () => {
    const wick = product('wick', { tags: ['replenishable'] });
    const [item] = buyAgain({ products: [wick], history: [order(1, daysAgo(50), [[wick, 1]]), order(2, daysAgo(5), [[wick, 3]])], now: NOW });
    expect([item.timesOrdered, item.quantity, item.due]).toEqual([2, 3, false]);
  });
});

describe('the default store', () => {
  const store = loadStore();
  const now = store.shop.now!;
  const storeOrders = store.customers.flatMap((customer) => customer.orders);
  const customer = (handle: string) => store.customers.find((c) => c.handle === handle)!;
  const bought = (handle: string) => new Set(customer(handle).orders.flatMap((o) => o.line_items.map((line) => line.product)));

  it('lists loyal-customer’s candles, matches and refill oil to buy again', () => {
    // Last orders: amber and refill oil #1145 (2026-01-24), cedar #1142 (2025-12-07), fig #1141 (2025-11-21),
    // matches #1143 (2025-12-23). Lasting 45, 30, 45, 40 and 90 days: all due by 2026-03-19 but the matches
    // (due 2026-03-23). Amber: 19 orders, mostly 2 at a time, last the 8 oz (variant 4001).
    const items = buyAgain({ products: store.products, history: customer('loyal-customer').orders, now });
    expect(items.map((item) => [item.product.handle, item.due])).toEqual([
      ['amber-candle', true],
      ['diffuser-refill-oil', true],
      ['cedar-candle', true],
      ['fig-candle', true],
      ['long-matches', false],
    ]);
    expect([items[0].timesOrdered, items[0].quantity, items[0].variant.id, items[0].lastOrderedAt]).toEqual([19, 2, 4001, '2026-01-24T20:00:00Z']);
    // Amber lasts 45 days: 2026-01-24 20:00 UTC + 45 days. The matches (90 days from 2025-12-23) run out after "now".
    expect(items[0].dueAt).toBe('2026-03-10T20:00:00.000Z');
    expect(items.find((item) => item.product.handle === 'long-matches')!.dueAt.slice(0, 10)).toBe('2026-03-23');
  });

  it('leaves out what the page already shows: beside buy again, loyal-customer is offered something new', () => {
    const history = customer('loyal-customer').orders;
    const again = buyAgain({ products: store.products, history, now }).map((item) => item.product.handle);
    const result = recommendProducts({ products: store.products, collections: store.collections, history, storeOrders, now, exclude: again });
    expect(result.length).toBeGreaterThan(0);
    for (const pick of result) {
      expect(again).not.toContain(pick.product.handle);
      expect(bought('loyal-customer').has(pick.product.handle)).toBe(false);
    }
  });

  it('never recommends loyal-customer or casey a product they bought unless it is replenishable and kept', () => {
    for (const handle of ['loyal-customer', 'casey']) {
      const result = recommendProducts({ products: store.products, collections: store.collections, history: customer(handle).orders, storeOrders, now });
      expect(result).toHaveLength(4);
      for (const pick of result) {
        if (bought(handle).has(pick.product.handle)) expect(isReplenishable(pick.product)).toBe(true);
        expect(pick.product.gift_card ?? false).toBe(false);
        expect(pick.reason.because === undefined || bought(handle).has(pick.reason.because.handle)).toBe(true);
      }
      if (handle === 'casey') {
        // casey sent back the snuffer (#1007) and the refill oil (cancelled #1006); the trimmer, diffuser, tray,
        // gift set and guide were bought and are not replenishable.
        const handles = result.map((pick) => pick.product.handle);
        for (const never of [
          'candle-snuffer',
          'diffuser-refill-oil',
          'wick-trimmer',
          'reed-diffuser',
          'ceramic-tray',
          'discovery-gift-set',
          'candle-making-guide',
        ]) {
          expect(handles).not.toContain(never);
        }
      }
    }
  });
});

describe('input that is off', () => {
  const amber = product('amber', { product_type: 'Candle' });
  const cedar = product('cedar', { product_type: 'Candle' });

  it('names `now` when it is not a date, and takes a Date', () => {
    expect(() => recommendProducts({ products: [], collections: [], history: [], now: 'yesterday' })).toThrow(
      /recommendProducts: now: not a date: "yesterday"/,
    );
    expect(() => buyAgain({ products: [], history: [], now: 'soon' })).toThrow(/buyAgain: now: not a date/);
    expect(picks({ products: [amber, cedar], history: [order(1, NOW, [[amber, 1]])], now: new Date(NOW) })).toEqual([['cedar', 2, 'type', 'amber', 'Candle']]);
  });

  it('ignores order lines for products no longer in the catalog, and an order whose date cannot be read adds no weight', () => {
    const gone = { ...order(1, NOW, [[amber, 1]]), line_items: [{ ...order(1, NOW, [[amber, 1]]).line_items[0], product: 'discontinued' }] };
    expect(picks({ products: [amber, cedar], history: [gone], limit: 2 }).map((row) => row[2])).toEqual(['popular', 'popular']);
    const undated = order(2, 'not a date', [[amber, 1]]);
    // amber is still bought (so not offered back), but nothing is reached from it.
    expect(picks({ products: [amber, cedar], history: [undated] })).toEqual([['cedar', 0, 'popular', undefined, undefined]]);
  });

  it('returns nothing for limit 0 and copes with missing lists', () => {
    expect(recommendProducts({ products: [amber], collections: [], history: [], now: NOW, limit: 0 })).toEqual([]);
    const loose = { products: [amber, cedar], now: NOW } as unknown as RecommendInput;
    expect(summary(recommendProducts(loose)).map((row) => row[0])).toEqual(['amber', 'cedar']);
    expect(buyAgain({ products: [amber], now: NOW } as unknown as Parameters<typeof buyAgain>[0])).toEqual([]);
  });
});

describe('work grows linearly', () => {
  /** Counts every property read on the catalog's products and on the orders and their lines. */
  function countedRun(catalogSize: number, orderCount: number): number {
    const counter = { reads: 0 };
    const watch = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(object, key, receiver) {
          counter.reads++;
          return Reflect.get(object, key, receiver);
        },
      });
    const raw = Array.from({ length: catalogSize }, (_, i) =>
      product(`p-${i}`, { product_type: `type-${i % 5}`, vendor: `vendor-${i % 3}`, tags: [`tag-${i % 7}`, i % 4 === 0 ? 'replenishable' : 'plain'] }),
    );
    const collections = Array.from({ length: 10 }, (_, c) =>
      collection(
        `C${c}`,
        raw.filter((_, i) => i % 10 === c),
      ),
    );
    const at = (n: number) => raw[n % catalogSize];
    // Each order buys five different products, so the customer's distinct purchases grow with the history too.
    const history = Array.from({ length: orderCount }, (_, n) =>
      order(
        1_000 + n,
        daysAgo(n),
        [0, 1, 2, 3, 4].map((k) => [at(n * 5 + k), 1] as [Product, number]),
      ),
    );
    const others = Array.from({ length: orderCount }, (_, n) =>
      order(50_000 + n, daysAgo(n), [
        [at(n * 7), 1],
        [at(n * 7 + 3), 2],
      ]),
    );
    const products = raw.map(watch);
    recommendProducts({ products, collections, history: history.map(watch), storeOrders: others.map(watch), now: NOW });
    buyAgain({ products, history: history.map(watch), now: NOW });
    return counter.reads;
  }

  it('doubling both the catalog and the history about doubles the reads (O(catalog × history) would quadruple them)', () => {
    const small = countedRun(400, 40);
    const large = countedRun(800, 80);
    expect(large / small).toBeGreaterThan(1.5);
    expect(large / small).toBeLessThan(2.3);
  });
});
