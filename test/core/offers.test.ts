import { describe, expect, it } from 'vitest';
import type { Offer, OfferAction, OfferTrigger } from '@encore/core/offer-config.ts';
import { MAX_OFFERS_PER_ORDER, offerPrice, selectOffers, type OfferCustomer, type OfferInput } from '@encore/core/offers.ts';
import { loadOffers } from '@encore/fixtures/offers/load.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import type { Product } from '@encore/fixtures/types.ts';

// Ember & Wick: amber-candle 4001 (8 oz, $24) / 4002 (16 oz); cedar-candle 4003 / 4004; wick-trimmer 4006 ($18);
// candle-snuffer 4007 ($16); long-matches 4008 ($6); diffuser-refill-oil 4011 ($22); candle-making-guide 4015 ($12);
// ceramic-tray 4016 ($34). Stock tests set the stock they depend on.
const store = loadStore();

const FIRST_TIMER: OfferCustomer = { orderCount: 0, tags: [] };

let nextId = 0;
function offer(trigger: OfferTrigger, action: Partial<OfferAction> = {}, extra: Partial<Offer> = {}): Offer {
  nextId++;
  return {
    id: `offer-${String(nextId).padStart(3, '0')}`,
    title: 'An offer',
    priority: 0,
    trigger,
    action: { variant_id: 4008, quantity: { default: 1, max: 3 }, discount: null, ...action },
    ...extra,
  };
}

interface Scenario {
  offers: Offer[];
  /** Product handles bought, one of each; the first variant of each. */
  bought?: string[];
  subtotal?: number;
  currency?: string;
  country?: string | null;
  customer?: OfferCustomer | null;
  products?: Product[];
}

function select(scenario: Scenario) {
  const products = scenario.products ?? store.products;
  const input: OfferInput = {
    config: { offers: scenario.offers },
    products,
    collections: store.collections,
    order: {
      lines: (scenario.bought ?? ['amber-candle']).map((handle) => ({
        product: handle,
        variant_id: products.find((product) => product.handle === handle)!.variants[0].id,
        quantity: 1,
      })),
      subtotal: scenario.subtotal ?? 2400,
      currency: scenario.currency ?? 'USD',
      country: scenario.country === undefined ? 'US' : scenario.country,
    },
    customer: scenario.customer === undefined ? FIRST_TIMER : scenario.customer,
  };
  return selectOffers(input);
}

/** Whether an offer with only this trigger shows for the scenario. */
function shows(trigger: OfferTrigger, scenario: Omit<Scenario, 'offers'> = {}): boolean {
  return select({ ...scenario, offers: [offer(trigger)] }).length === 1;
}

/** The products with one variant changed. */
function withVariant(id: number, change: Partial<Product['variants'][number]>, productChange: Partial<Product> = {}): Product[] {
  return structuredClone(store.products).map((product) =>
    product.variants.some((variant) => variant.id === id)
      ? { ...product, ...productChange, variants: product.variants.map((variant) => (variant.id === id ? { ...variant, ...change } : variant)) }
      : product,
  );
}

describe('each trigger condition', () => {
  it('an empty trigger accepts every order', () => {
    expect(shows({}, { bought: ['gift-card'], customer: null, country: null })).toBe(true);
  });

  it('product: some line is one of the handles', () => {
    expect(shows({ product: ['reed-diffuser', 'fig-candle'] }, { bought: ['amber-candle', 'reed-diffuser'] })).toBe(true);
    expect(shows({ product: ['reed-diffuser', 'fig-candle'] }, { bought: ['amber-candle'] })).toBe(false);
  });

  it('collection: some line is in one of the collections', () => {
    expect(shows({ collection: ['home-fragrance'] }, { bought: ['diffuser-refill-oil'] })).toBe(true);
    expect(shows({ collection: ['home-fragrance'] }, { bought: ['amber-candle', 'wick-trimmer'] })).toBe(false);
  });

  it('tag: some line carries one of the product tags, whatever its case', () => {
    expect(shows({ tag: ['woody'] }, { bought: ['cedar-candle'] })).toBe(true);
    expect(shows({ tag: ['WOODY'] }, { bought: ['cedar-candle'] })).toBe(true);
    expect(shows({ tag: ['woody'] }, { bought: ['amber-candle'] })).toBe(false);
  });

  it('product_type: some line is of one of the types, whatever its case', () => {
    expect(shows({ product_type: ['Home fragrance'] }, { bought: ['reed-diffuser'] })).toBe(true);
    expect(shows({ product_type: ['home fragrance'] }, { bought: ['reed-diffuser'] })).toBe(true);
    expect(shows({ product_type: ['Home fragrance'] }, { bought: ['amber-candle'] })).toBe(false);
  });

  it('order_value: min is inclusive, max exclusive, in subunits', () => {
    const band = { order_value: { min: 6000, max: 10000 } };
    expect(shows(band, { subtotal: 5999 })).toBe(false);
    expect(shows(band, { subtotal: 6000 })).toBe(true);
    expect(shows(band, { subtotal: 9999 })).toBe(true);
    expect(shows(band, { subtotal: 10000 })).toBe(false);
    expect(shows({ order_value: { min: 6000 } }, { subtotal: 250000 })).toBe(true);
    expect(shows({ order_value: { max: 3000 } }, { subtotal: 0 })).toBe(true);
  });

  it('customer_order_count: orders before this one, min inclusive, max exclusive', () => {
    const band = { customer_order_count: { min: 1, max: 10 } };
    expect(shows(band, { customer: { orderCount: 0, tags: [] } })).toBe(false);
    expect(shows(band, { customer: { orderCount: 1, tags: [] } })).toBe(true);
    expect(shows(band, { customer: { orderCount: 9, tags: [] } })).toBe(true);
    expect(shows(band, { customer: { orderCount: 10, tags: [] } })).toBe(false);
  });

  it('first_order true: no orders before this one', () => {
    expect(shows({ first_order: true }, { customer: { orderCount: 0, tags: [] } })).toBe(true);
    expect(shows({ first_order: true }, { customer: { orderCount: 1, tags: [] } })).toBe(false);
  });

  it('first_order false: the customer has ordered before', () => {
    expect(shows({ first_order: false }, { customer: { orderCount: 45, tags: [] } })).toBe(true);
    expect(shows({ first_order: false }, { customer: { orderCount: 0, tags: [] } })).toBe(false);
  });

  it('customer_tag: the customer carries one of the tags, whatever its case', () => {
    expect(shows({ customer_tag: ['VIP'] }, { customer: { orderCount: 45, tags: ['VIP', 'wholesale-interest'] } })).toBe(true);
    expect(shows({ customer_tag: ['VIP'] }, { customer: { orderCount: 45, tags: ['vip'] } })).toBe(true);
    expect(shows({ customer_tag: ['VIP'] }, { customer: { orderCount: 7, tags: ['newsletter'] } })).toBe(false);
  });

  it('country: the shipping country is one of the codes; nothing shipped matches none', () => {
    expect(shows({ country: ['CA', 'GB'] }, { country: 'CA' })).toBe(true);
    expect(shows({ country: ['CA', 'GB'] }, { country: 'US' })).toBe(false);
    expect(shows({ country: ['CA', 'GB'] }, { country: null })).toBe(false);
  });

  it('currency: the presentment currency is one of the codes', () => {
    expect(shows({ currency: ['CAD'] }, { currency: 'CAD' })).toBe(true);
    expect(shows({ currency: ['CAD'] }, { currency: 'USD' })).toBe(false);
  });

  it('every condition must hold, not just one', () => {
    const vipInCanada = { customer_tag: ['VIP'], country: ['CA'] };
    const vip = { orderCount: 45, tags: ['VIP'] };
    expect(shows(vipInCanada, { customer: vip, country: 'CA' })).toBe(true);
    expect(shows(vipInCanada, { customer: vip, country: 'US' })).toBe(false);
    expect(shows(vipInCanada, { customer: { orderCount: 45, tags: [] }, country: 'CA' })).toBe(false);
  });
});

describe('an unknown buyer (customer null)', () => {
  it('is neither a first-time nor a returning customer', () => {
    expect(shows({ first_order: true }, { customer: null })).toBe(false);
    expect(shows({ first_order: false }, { customer: null })).toBe(false);
  });

  it('matches no order-count band and no customer tag, even a band starting at 0', () => {
    expect(shows({ customer_order_count: { max: 1 } }, { customer: null })).toBe(false);
    expect(shows({ customer_tag: ['VIP'] }, { customer: null })).toBe(false);
  });

  it('still sees offers without customer conditions', () => {
    expect(shows({ product: ['amber-candle'] }, { customer: null })).toBe(true);
  });
});

describe('which offers, in what order', () => {
  it('highest priority first, ties by id', () => {
    const picks = select({
      offers: [
        offer({}, { variant_id: 4008 }, { id: 'matches', priority: 10 }),
        offer({}, { variant_id: 4006 }, { id: 'trimmer', priority: 30 }),
        offer({}, { variant_id: 4011 }, { id: 'refill-b', priority: 20 }),
        offer({}, { variant_id: 4007 }, { id: 'refill-a', priority: 20 }),
      ],
    });
    expect(picks.map((pick) => pick.offer.id)).toEqual(['trimmer', 'refill-a', 'refill-b']);
  });

  it('at most 3 offers per order, the 3 highest', () => {
    const picks = select({
      offers: [4006, 4007, 4008, 4011, 4015].map((variant_id, i) => offer({}, { variant_id }, { id: `offer-${i}`, priority: i })),
    });
    expect(MAX_OFFERS_PER_ORDER).toBe(3);
    expect(picks.map((pick) => pick.offer.id)).toEqual(['offer-4', 'offer-3', 'offer-2']);
  });

  it('never a product already in the order, not even another variant of it', () => {
    // The customer bought amber 8 oz (4001); amber 16 oz (4002) is the same product.
    const picks = select({
      bought: ['amber-candle'],
      offers: [
        offer({}, { variant_id: 4002 }, { priority: 9 }),
        offer({}, { variant_id: 4001 }, { priority: 8 }),
        offer({}, { variant_id: 4003 }, { priority: 1 }),
      ],
    });
    expect(picks.map((pick) => pick.variant.id)).toEqual([4003]);
  });

  it('two offers for the same variant: only the higher priority one, and the other leaves its place free', () => {
    const picks = select({
      offers: [
        offer({}, { variant_id: 4006, discount: { type: 'percentage', value: 10 } }, { id: 'trimmer-10', priority: 5 }),
        offer({}, { variant_id: 4006, discount: { type: 'percentage', value: 20 } }, { id: 'trimmer-20', priority: 7 }),
        offer({}, { variant_id: 4007 }, { id: 'snuffer', priority: 3 }),
        offer({}, { variant_id: 4008 }, { id: 'matches', priority: 2 }),
      ],
    });
    expect(picks.map((pick) => pick.offer.id)).toEqual(['trimmer-20', 'snuffer', 'matches']);
    expect(picks[0].discountedPrice).toBe(1440); // 1800 − 20% (360)
  });

  it('an offer that cannot show does not use up one of the 3 places', () => {
    const picks = select({
      products: withVariant(4016, { inventory_quantity: 0, inventory_policy: 'deny' }),
      offers: [
        offer({}, { variant_id: 4016 }, { id: 'tray-out-of-stock', priority: 9 }),
        ...[4006, 4007, 4008].map((variant_id, i) => offer({}, { variant_id }, { id: `in-stock-${i}`, priority: i })),
      ],
    });
    expect(picks.map((pick) => pick.offer.id)).toEqual(['in-stock-2', 'in-stock-1', 'in-stock-0']);
  });
});

describe('stock and availability', () => {
  it('never an out-of-stock variant that cannot be oversold', () => {
    const none = withVariant(4016, { inventory_quantity: 0, inventory_policy: 'deny' });
    expect(select({ offers: [offer({}, { variant_id: 4016 })], products: none })).toEqual([]);
    expect(select({ offers: [offer({}, { variant_id: 4006 })], products: withVariant(4006, { inventory_quantity: -2 }) })).toEqual([]);
  });

  it('an out-of-stock variant that keeps selling (policy continue) is offered, up to the offer max', () => {
    const soldOut = withVariant(4016, { inventory_quantity: 0, inventory_policy: 'continue' });
    const [pick] = select({ offers: [offer({}, { variant_id: 4016, quantity: { default: 1, max: 4 } })], products: soldOut });
    expect(pick.variant.id).toBe(4016);
    expect(pick.maxQuantity).toBe(4);
  });

  it('an untracked variant is offered, up to the offer max', () => {
    const untracked = withVariant(4015, { inventory_quantity: null, inventory_policy: 'deny' });
    const [pick] = select({ offers: [offer({}, { variant_id: 4015, quantity: { default: 1, max: 2 } })], products: untracked });
    expect(pick.maxQuantity).toBe(2);
  });

  it('never a variant the store does not have', () => {
    expect(select({ offers: [offer({}, { variant_id: 999 })] })).toEqual([]);
  });

  it('never a variant of an unpublished product', () => {
    expect(select({ offers: [offer({}, { variant_id: 4006 })], products: withVariant(4006, {}, { published_at: null }) })).toEqual([]);
  });

  it('the quantity is capped by the stock left when it is lower than the offer max', () => {
    const threeLeft = withVariant(4004, { inventory_quantity: 3, inventory_policy: 'deny' });
    const [pick] = select({ offers: [offer({}, { variant_id: 4004, quantity: { default: 4, max: 5 } })], products: threeLeft });
    expect(pick.maxQuantity).toBe(3);
    expect(pick.quantity).toBe(3);
  });

  it('the offer max stands when the stock is higher', () => {
    const plenty = withVariant(4008, { inventory_quantity: 140, inventory_policy: 'deny' });
    const [pick] = select({ offers: [offer({}, { variant_id: 4008, quantity: { default: 2, max: 5 } })], products: plenty });
    expect(pick.maxQuantity).toBe(5);
    expect(pick.quantity).toBe(2);
  });
});

describe('prices', () => {
  it('a percentage discount: 15% of the $12 guide is $1.80 off, $10.20 to pay', () => {
    const [pick] = select({ offers: [offer({}, { variant_id: 4015, discount: { type: 'percentage', value: 15 } })] });
    expect(pick.price).toBe(1200);
    expect(pick.discount).toBe(180);
    expect(pick.discountedPrice).toBe(1020);
  });

  it('a fixed amount discount: $5 off the $16 snuffer is $11', () => {
    const [pick] = select({ offers: [offer({}, { variant_id: 4007, discount: { type: 'fixed_amount', value: 500 } })] });
    expect([pick.price, pick.discount, pick.discountedPrice]).toEqual([1600, 500, 1100]);
  });

  it('a fixed amount above the price makes it free, never negative, and the discount is what was actually taken off', () => {
    const [pick] = select({ offers: [offer({}, { variant_id: 4008, discount: { type: 'fixed_amount', value: 1000 } })] });
    expect([pick.price, pick.discount, pick.discountedPrice]).toEqual([600, 600, 0]);
  });

  it('no discount: the full price', () => {
    const [pick] = select({ offers: [offer({}, { variant_id: 4011, discount: null })] });
    expect([pick.price, pick.discount, pick.discountedPrice]).toEqual([2200, 0, 2200]);
  });

  it('offerPrice, percentage: the amount off rounds half up to the subunit', () => {
    expect(offerPrice(1200, { type: 'percentage', value: 15 })).toBe(1020); // 180 off
    expect(offerPrice(1010, { type: 'percentage', value: 15 })).toBe(858); // 151.5 → 152 off
    expect(offerPrice(1009, { type: 'percentage', value: 15 })).toBe(858); // 151.35 → 151 off
    expect(offerPrice(999, { type: 'percentage', value: 12.5 })).toBe(874); // 124.875 → 125 off
    expect(offerPrice(1000, { type: 'percentage', value: 33.33 })).toBe(667); // 333.3 → 333 off
    // 34.5 exactly; in floating point 3000 × 1.15 / 100 is 34.49999999999999 and would round down.
    expect(offerPrice(3000, { type: 'percentage', value: 1.15 })).toBe(2965);
    expect(offerPrice(1800, { type: 'percentage', value: 0 })).toBe(1800);
    expect(offerPrice(1800, { type: 'percentage', value: 100 })).toBe(0);
  });

  it('offerPrice, fixed amount: subunits off, never below 0', () => {
    expect(offerPrice(1600, { type: 'fixed_amount', value: 500 })).toBe(1100);
    expect(offerPrice(300, { type: 'fixed_amount', value: 500 })).toBe(0);
    expect(offerPrice(500, { type: 'fixed_amount', value: 500 })).toBe(0);
    expect(offerPrice(2200, null)).toBe(2200);
  });
});

describe('the default offers in the default store', () => {
  const config = loadOffers(undefined, store);
  const run = (scenario: Omit<Scenario, 'offers'>) =>
    select({ ...scenario, offers: config.offers }).map((pick) => [pick.offer.id, pick.variant.id, pick.quantity, pick.discountedPrice]);

  it('a first-time customer buying one amber candle in the US: wick trimmer at 15% off, then matches', () => {
    // $18.00 − 15% ($2.70) = $15.30; the matches carry no discount.
    expect(run({ bought: ['amber-candle'], subtotal: 2400, customer: FIRST_TIMER })).toEqual([
      ['wick-trimmer-first-candle', 4006, 1, 1530],
      ['matches-with-candle', 4008, 1, 600],
    ]);
  });

  it('a VIP in Canada buying a diffuser and a candle for $80: the snuffer $5 off, refill oil 10% off, matches; the tray is out of stock', () => {
    const tray = store.products.find((product) => product.handle === 'ceramic-tray')!.variants[0];
    expect([tray.inventory_quantity, tray.inventory_policy]).toEqual([0, 'deny']);
    expect(
      run({
        bought: ['reed-diffuser', 'cedar-candle'],
        subtotal: 8000,
        country: 'CA',
        currency: 'CAD',
        customer: { orderCount: 45, tags: ['VIP', 'wholesale-interest'] },
      }),
    ).toEqual([
      ['vip-canada-snuffer', 4007, 1, 1100],
      ['refill-oil-for-diffuser', 4011, 1, 1980],
      ['matches-with-candle', 4008, 1, 600],
    ]);
  });

  it('a returning customer buying the gift set: the guide at 25% off ($9), and no first-order trimmer', () => {
    // The gift set is tagged "candle" but its type is "Gift set", so no matches either.
    expect(run({ bought: ['discovery-gift-set'], subtotal: 6400, customer: { orderCount: 7, tags: ['newsletter'] } })).toEqual([
      ['guide-with-gift-set', 4015, 1, 900],
    ]);
  });
});
