import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, offerReferenceProblems, type OfferConfig } from '@encore/core/offer-config.ts';
import { offerConfigProblems, parseOfferConfig } from '../../app/offers/validate.ts';
import { DEFAULT_OFFERS_FILE, loadOffers, OffersError, parseOffers } from '@encore/fixtures/offers/load.ts';
import { loadStore } from '@encore/fixtures/load.ts';

const store = loadStore();

/** A valid one-offer config as plain JSON, to break one piece at a time. */
function config(): { offers: Record<string, unknown>[] } {
  return {
    offers: [
      {
        id: 'wick-trimmer-first-order',
        title: '15% off the Wick Trimmer',
        priority: 30,
        trigger: { tag: ['candle'], first_order: true, order_value: { min: 1000, max: 50000 } },
        action: { variant_id: 4006, quantity: { default: 1, max: 2 }, discount: { type: 'percentage', value: 15 } },
      },
    ],
  };
}

/** The config with one change made to its first offer. */
function broken(change: (offer: Record<string, any>) => void): unknown {
  const data = config();
  change(data.offers[0]);
  return data;
}

const problems = (data: unknown) => offerConfigProblems(data).map(formatProblem);

describe('a valid config', () => {
  it('has no problems and parses to itself', () => {
    const data = config();
    expect(problems(data)).toEqual([]);
    expect(parseOfferConfig(data)).toEqual({ ok: true, config: data });
  });

  it('may leave every trigger condition out ({} is every order) and have no discount', () => {
    expect(problems(broken((offer) => ((offer.trigger = {}), (offer.action.discount = null))))).toEqual([]);
  });

  it('may have no offers at all', () => {
    expect(problems({ offers: [] })).toEqual([]);
  });

  it('accepts every trigger condition at once', () => {
    const trigger = {
      product: ['amber-candle'],
      collection: ['candles'],
      tag: ['candle'],
      product_type: ['Candle'],
      order_value: { min: 0 },
      customer_order_count: { max: 1 },
      first_order: true,
      customer_tag: ['VIP'],
      country: ['CA', 'US'],
      currency: ['CAD'],
    };
    expect(problems(broken((offer) => (offer.trigger = trigger)))).toEqual([]);
  });
});

describe('each kind of mistake, with its path', () => {
  it('a missing field', () => {
    expect(problems(broken((offer) => delete offer.action.variant_id))).toEqual([
      'offers[0].action.variant_id: is missing; expected a variant id (a positive integer)',
    ]);
    expect(problems(broken((offer) => delete offer.action.discount))).toEqual([
      'offers[0].action.discount: is missing; expected a discount object, or null for the full price',
    ]);
    expect(problems({})).toEqual(['offers: is missing; expected a list of offers']);
  });

  it('a wrong type', () => {
    expect(problems(broken((offer) => (offer.priority = 'high')))).toEqual(['offers[0].priority: must be an integer, got "high"']);
    expect(problems(broken((offer) => (offer.trigger.first_order = 'yes')))).toEqual(['offers[0].trigger.first_order: must be true or false, got "yes"']);
    expect(problems(broken((offer) => (offer.trigger.tag = 'candle')))).toEqual(['offers[0].trigger.tag: must be a list of tags, got "candle"']);
    expect(problems(broken((offer) => (offer.action.quantity = 2)))).toEqual(['offers[0].action.quantity: must be an object with default and max, got 2']);
    expect(problems({ offers: {} })).toEqual(['offers: must be a list of offers, got an object']);
  });

  it('an unknown key, with a suggestion when it looks misspelt', () => {
    expect(problems(broken((offer) => (offer.trigger.prodcut = ['amber-candle'])))).toEqual([
      'offers[0].trigger.prodcut: is not a known field; did you mean "product"? expected one of product, collection, tag, product_type, order_value, customer_order_count, first_order, customer_tag, country, currency',
    ]);
    expect(problems(broken((offer) => (offer.colour = 'red')))).toEqual([
      'offers[0].colour: is not a known field; expected one of id, title, priority, trigger, action, next, countdown_seconds',
    ]);
    expect(problems({ ...config(), version: 2 })).toEqual(['version: is not a known field; expected one of offers']);
  });

  it('negative money', () => {
    expect(problems(broken((offer) => (offer.trigger.order_value.min = -5)))).toEqual([
      'offers[0].trigger.order_value.min: must be a non-negative integer (subunits), got -5',
    ]);
    expect(problems(broken((offer) => (offer.action.discount = { type: 'fixed_amount', value: -500 })))).toEqual([
      'offers[0].action.discount.value: must be a non-negative integer (subunits), got -500',
    ]);
  });

  it('money that is not a whole number of subunits', () => {
    expect(problems(broken((offer) => (offer.trigger.order_value.max = 59.99)))).toEqual([
      'offers[0].trigger.order_value.max: must be a non-negative integer (subunits), got 59.99',
    ]);
  });

  it('a percentage above 100, or finer than 2 decimals', () => {
    expect(problems(broken((offer) => (offer.action.discount.value = 150)))).toEqual([
      'offers[0].action.discount.value: must be a percentage from 0 to 100 with at most 2 decimals, got 150',
    ]);
    expect(problems(broken((offer) => (offer.action.discount.value = 12.345)))).toEqual([
      'offers[0].action.discount.value: must be a percentage from 0 to 100 with at most 2 decimals, got 12.345',
    ]);
  });

  it('duplicate ids', () => {
    const data = config();
    data.offers.push({ ...data.offers[0], priority: 1 });
    expect(problems(data)).toEqual(['offers[1].id: duplicate id "wick-trimmer-first-order", already used at offers[0].id']);
  });

  it('a bad enum value', () => {
    expect(problems(broken((offer) => (offer.action.discount.type = 'percent')))).toEqual([
      'offers[0].action.discount.type: must be one of "percentage", "fixed_amount", got "percent"',
    ]);
  });

  it('an id that is not a slug', () => {
    expect(problems(broken((offer) => (offer.id = 'Wick Trimmer')))).toEqual([
      'offers[0].id: must be a slug of lower-case letters, digits and single hyphens such as "wick-trimmer-first-order", got "Wick Trimmer"',
    ]);
  });

  it('a band that is empty or upside down', () => {
    expect(problems(broken((offer) => (offer.trigger.order_value = {})))).toEqual([
      'offers[0].trigger.order_value: must set min, max or both (leave the condition out to accept every order)',
    ]);
    expect(problems(broken((offer) => (offer.trigger.customer_order_count = { min: 5, max: 5 })))).toEqual([
      'offers[0].trigger.customer_order_count.max: must be greater than min (5), got 5',
    ]);
  });

  it('an empty list, which would match no order at all', () => {
    expect(problems(broken((offer) => (offer.trigger.customer_tag = [])))).toEqual([
      'offers[0].trigger.customer_tag: must list at least one of the customer tags (leave the condition out to accept every order)',
    ]);
  });

  it('country and currency codes that are not upper-case ISO codes', () => {
    expect(problems(broken((offer) => (offer.trigger.country = ['CA', 'ca', 'Canada'])))).toEqual([
      'offers[0].trigger.country[1]: must be an upper-case ISO 3166-1 alpha-2 country code such as "CA", got "ca"',
      'offers[0].trigger.country[2]: must be an upper-case ISO 3166-1 alpha-2 country code such as "CA", got "Canada"',
    ]);
    expect(problems(broken((offer) => (offer.trigger.currency = ['C$'])))).toEqual([
      'offers[0].trigger.currency[0]: must be an upper-case ISO 4217 currency code such as "CAD", got "C$"',
    ]);
  });

  it('a quantity that is zero, or a default above the max', () => {
    expect(problems(broken((offer) => (offer.action.quantity = { default: 0, max: 2 })))).toEqual([
      'offers[0].action.quantity.default: must be a whole number of at least 1, got 0',
    ]);
    expect(problems(broken((offer) => (offer.action.quantity = { default: 3, max: 2 })))).toEqual([
      'offers[0].action.quantity.default: must be at most max (2), got 3',
    ]);
  });

  it('lists every problem, not just the first', () => {
    const data = config();
    data.offers.push({
      id: 'refill',
      title: '',
      priority: 1.5,
      trigger: { product: [7] },
      action: { variant_id: 4011, quantity: { default: 1, max: 1 }, discount: null },
    });
    data.offers[0].title = 42;
    expect(problems(data)).toEqual([
      'offers[0].title: must be a non-empty string, or an object of texts by locale code such as { "en": "…", "nl": "…" }, got 42',
      'offers[1].title: must be a non-empty string, got ""',
      'offers[1].priority: must be an integer, got 1.5',
      'offers[1].trigger.product[0]: must be a handle of lower-case letters, digits and hyphens such as "amber-candle", got 7',
    ]);
  });
});

describe('rules that relate fields are read once the shape is right', () => {
  it('a duplicate id waits for a wrong type elsewhere to be fixed, then is named', () => {
    const data = config();
    data.offers.push({ ...data.offers[0], priority: 'low' });
    expect(problems(data)).toEqual(['offers[1].priority: must be an integer, got "low"']);
    data.offers[1].priority = 1;
    expect(problems(data)).toEqual(['offers[1].id: duplicate id "wick-trimmer-first-order", already used at offers[0].id']);
  });

  it('a text under a key that is no locale code is named by its key only', () => {
    expect(problems(broken((offer) => (offer.title = { NL: '', en: 'Fine' })))).toEqual([
      'offers[0].title.NL: is not a locale code; expected a language such as "nl" or "pt-BR"',
    ]);
  });

  it('a percentage of 33.33 is exact enough; a priority beyond a safe integer is not an integer', () => {
    expect(problems(broken((offer) => (offer.action.discount.value = 33.33)))).toEqual([]);
    expect(problems(broken((offer) => (offer.priority = 2 ** 53)))).toEqual([`offers[0].priority: must be an integer, got ${2 ** 53}`]);
  });
});

describe('bad input never throws', () => {
  it.each([
    [null, 'must be an object with an "offers" list, got null'],
    [[], 'must be an object with an "offers" list, got a list'],
    ['offers', 'must be an object with an "offers" list, got "offers"'],
    [42, 'must be an object with an "offers" list, got 42'],
  ])('%j', (data, message) => {
    expect(problems(data)).toEqual([message]);
  });

  it('entries of any shape in the list', () => {
    expect(problems({ offers: [null, 5, [], { trigger: null, action: [] }] })).toEqual([
      'offers[0]: must be an offer object, got null',
      'offers[1]: must be an offer object, got 5',
      'offers[2]: must be an offer object, got a list',
      'offers[3].id: is missing; expected a slug such as "wick-trimmer-first-order"',
      'offers[3].title: is missing; expected a non-empty string, or texts by locale code',
      'offers[3].priority: is missing; expected an integer (higher is shown first)',
      'offers[3].trigger: must be a trigger object ({} for every order), got null',
      'offers[3].action: must be an action object, got a list',
    ]);
  });

  it('keys that name Object.prototype members are unknown fields, not inherited ones', () => {
    const data = JSON.parse('{"offers": [], "__proto__": {"offers": 1}, "constructor": 1}');
    expect(problems(data)).toEqual(['__proto__: is not a known field; expected one of offers', 'constructor: is not a known field; expected one of offers']);
  });
});

describe('references into the store', () => {
  it('names the variant, product or collection the store does not have', () => {
    const data = config() as unknown as OfferConfig;
    data.offers[0].trigger = { product: ['amber-candle', 'amber-candel'], collection: ['candels'] };
    data.offers[0].action.variant_id = 999;
    expect(offerReferenceProblems(data, store).map(formatProblem)).toEqual([
      'offers[0].trigger.product[1]: unknown product "amber-candel" in the store',
      'offers[0].trigger.collection[0]: unknown collection "candels" in the store',
      'offers[0].action.variant_id: unknown variant 999 in the store',
    ]);
  });
});

describe('loadOffers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'encore-offers-'));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const errorOf = (load: () => unknown): OffersError => {
    try {
      load();
    } catch (error) {
      if (error instanceof OffersError) return error;
      throw error;
    }
    throw new Error('expected an OffersError');
  };

  it('the default app/offers.json validates and every variant, product and collection it names is in the default store', () => {
    const offers = loadOffers(undefined, store).offers;
    expect(offers.map((offer) => offer.id)).toEqual([
      'vip-canada-snuffer',
      'wick-trimmer-first-candle',
      'refill-oil-for-diffuser',
      'tray-over-60',
      'guide-with-gift-set',
      'matches-with-candle',
    ]);
    const variantIds = new Set(store.products.flatMap((product) => product.variants.map((variant) => variant.id)));
    expect(offers.every((offer) => variantIds.has(offer.action.variant_id))).toBe(true);
    expect(DEFAULT_OFFERS_FILE.endsWith(join('app', 'offers.json'))).toBe(true);
  });

  it('names the file and the JSON path of an unknown variant', () => {
    const data = config();
    data.offers.push({ ...data.offers[0], id: 'second', action: { variant_id: 999, quantity: { default: 1, max: 1 }, discount: null } });
    const error = errorOf(() => parseOffers(data, 'app/offers.json', store));
    expect(error.problems).toEqual(['app/offers.json: offers[1].action.variant_id: unknown variant 999 in the store']);
    expect(error.message).toBe('app/offers.json: offers[1].action.variant_id: unknown variant 999 in the store');
  });

  it('does not check references without a store', () => {
    const data = broken((offer) => (offer.action.variant_id = 999));
    expect(parseOffers(data, 'app/offers.json').offers[0].action.variant_id).toBe(999);
  });

  it('lists every shape problem of a file, each with file and path', () => {
    const file = write('two-faults.json', JSON.stringify(broken((offer) => ((offer.priority = 'high'), (offer.action.discount.value = 101)))));
    const error = errorOf(() => loadOffers(file, store));
    expect(error.problems).toEqual([
      `${file}: offers[0].priority: must be an integer, got "high"`,
      `${file}: offers[0].action.discount.value: must be a percentage from 0 to 100 with at most 2 decimals, got 101`,
    ]);
    expect(error.message.split('\n')[0]).toBe(`${file}: 2 problems`);
  });

  it('a file that is not JSON', () => {
    const file = write('broken.json', '{ "offers": [ }');
    expect(errorOf(() => loadOffers(file)).problems[0]).toMatch(new RegExp(`^${file.replace(/[.\\]/g, '\\$&')}: not valid JSON: `));
  });

  it('a file that does not exist', () => {
    const file = join(dir, 'missing.json');
    expect(errorOf(() => loadOffers(file)).problems[0]).toMatch(/missing\.json: cannot read: ENOENT/);
  });
});
