import { describe, expect, it } from 'vitest';
import { BUNDLED_STORE_FILES, findBundledStore, listBundledScenarios, loadBundledStores } from '@encore/fixtures/bundled.ts';
import { DEFAULT_STORE_FILE } from '@encore/fixtures/load.ts';
import { loadOffers, offersFileBeside } from '@encore/fixtures/offers/load.ts';
import { orderReferences } from '@encore/fixtures/names.ts';
import { financialStatus, fulfillmentStatus, orderAmounts } from '@encore/fixtures/derive.ts';
import type { Order, Store } from '@encore/fixtures/types.ts';

const stores = loadBundledStores();
const byName = (name: string): Store => stores.find((bundled) => bundled.name === name)!.store;
const orderOf = (store: Store, name: string): Order => store.customers.flatMap((customer) => customer.orders).find((o) => o.name === name)!;
const ordersOf = (store: Store): Order[] => store.customers.flatMap((customer) => customer.orders);

describe('bundled stores', () => {
  it('are the default store first, then one store per currency', () => {
    expect(BUNDLED_STORE_FILES[0]).toBe(DEFAULT_STORE_FILE);
    expect(stores.map((bundled) => bundled.name)).toEqual([
      'stores/default-store.json',
      'stores/dkk-store.json',
      'stores/eur-store.json',
      'stores/jpy-store.json',
      'stores/nok-store.json',
      'stores/thb-store.json',
    ]);
    expect(stores.map((bundled) => bundled.store.shop.currency)).toEqual(['USD', 'DKK', 'EUR', 'JPY', 'NOK', 'THB']);
  });

  it('each come with post-purchase offers of their own beside them (NAME.offers.json), naming only their products', () => {
    const offers = stores.slice(1).map(({ file, store }) => loadOffers(offersFileBeside(file), store).offers.map((offer) => offer.id));
    expect(offers).toEqual([
      ['skaal-til-krus', 'tallerkener-over-800'],
      ['handcreme-bij-zeep', 'badzout-bij-cadeau'],
      ['drip-bags-with-beans', 'drip-set-over-5000'],
      ['ullvask-til-genser', 'sokker-til-stamkunder'],
      ['silk-bag-with-scarf', 'tea-over-1000'],
    ]);
  });

  it('never share a customer handle', () => {
    const handles = stores.flatMap((bundled) => bundled.store.customers.map((customer) => customer.handle));
    expect(handles.length).toBeGreaterThan(10);
    expect(new Set(handles).size).toBe(handles.length);
  });

  it('never let one order reference (name, id or token) name orders in two stores', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const { name, store } of stores) {
      for (const o of ordersOf(store)) {
        for (const reference of new Set(orderReferences(o))) {
          const first = owner.get(reference);
          if (first !== undefined && first !== `${name} ${o.name}`) clashes.push(`${reference}: ${first} and ${name} ${o.name}`);
          owner.set(reference, `${name} ${o.name}`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('find the store that holds a customer or an order', () => {
    expect(findBundledStore({ customer: 'mette-hansen' })?.name).toBe('stores/dkk-store.json');
    expect(findBundledStore({ customer: 'casey' })?.name).toBe('stores/default-store.json');
    expect(findBundledStore({ order: '7004' })?.name).toBe('stores/jpy-store.json');
    expect(findBundledStore({ order: '#3001' })?.name).toBe('stores/eur-store.json');
    // By id: #1007 is order 6007 of the default store.
    expect(findBundledStore({ order: '6007' })?.name).toBe('stores/default-store.json');
    expect(findBundledStore({ order: '64003' })?.store.shop.currency).toBe('NOK');
    expect(findBundledStore({ customer: 'nobody' })).toBeUndefined();
    expect(findBundledStore({ order: '9999' })).toBeUndefined();
  });

  it('list every scenario, marking the lines of stores other than the default with their file', () => {
    const lines = listBundledScenarios();
    expect(lines[0]).toBe('customer new-customer  Just created an account, no orders and no addresses');
    expect(lines).toContain(
      'customer ingrid-berg  Bergen customer paying in kroner (NOK): delivered by Posten, Vipps order in transit, sweater refunded  [stores/nok-store.json]',
    );
    expect(lines).toContain('order 7002  Paying at a convenience store (konbini): payment pending  [stores/jpy-store.json]');
    expect(lines.filter((line) => line.endsWith(']'))).toHaveLength(
      stores.slice(1).reduce((n, { store }) => n + store.customers.length + ordersOf(store).length, 0),
    );
    expect(lines.every((line) => /^(customer|order) \S+ {2}\S/.test(line))).toBe(true);
  });
});

describe('currency stores', () => {
  const LOCAL = {
    'stores/dkk-store.json': {
      currency: 'DKK',
      country: ['DK'],
      locale: 'da',
      timezone: 'Europe/Copenhagen',
      money: '{{amount_with_comma_separator}} kr.',
      withCurrency: '{{amount_with_comma_separator}} DKK',
    },
    'stores/eur-store.json': {
      currency: 'EUR',
      country: ['NL', 'BE'],
      locale: 'nl',
      timezone: 'Europe/Amsterdam',
      money: '€{{amount_with_comma_separator}}',
      withCurrency: '€{{amount_with_comma_separator}} EUR',
    },
    'stores/nok-store.json': {
      currency: 'NOK',
      country: ['NO'],
      locale: 'nb',
      timezone: 'Europe/Oslo',
      money: 'kr {{amount_with_comma_separator}}',
      withCurrency: 'kr {{amount_with_comma_separator}} NOK',
    },
    'stores/thb-store.json': {
      currency: 'THB',
      country: ['TH'],
      locale: 'th',
      timezone: 'Asia/Bangkok',
      money: '฿{{amount}}',
      withCurrency: '฿{{amount}} THB',
    },
    'stores/jpy-store.json': {
      currency: 'JPY',
      country: ['JP'],
      locale: 'ja',
      timezone: 'Asia/Tokyo',
      money: '¥{{amount_no_decimals}}',
      withCurrency: '¥{{amount_no_decimals}} JPY',
    },
  } as const;

  it.each(Object.entries(LOCAL))('%s is a small real shop in its own currency, language and time zone', (name, local) => {
    const store = byName(name);
    const { shop } = store;
    expect([shop.currency, shop.money_format, shop.money_with_currency_format, shop.timezone]).toEqual([
      local.currency,
      local.money,
      local.withCurrency,
      local.timezone,
    ]);
    expect(shop.published_locales).toEqual(expect.arrayContaining(['en', local.locale]));
    // The same instant as the default store's clock, in local time.
    expect(Date.parse(shop.now!)).toBe(Date.parse('2026-03-19T12:00:00-04:00'));
    expect(store.products.length).toBeGreaterThanOrEqual(4);
    expect(store.products.length).toBeLessThanOrEqual(6);
    expect(store.products.every((p) => p.images.length > 0 && p.variants.length > 0)).toBe(true);
    expect(store.collections.length).toBeGreaterThanOrEqual(2);
    expect(store.collections.length).toBeLessThanOrEqual(3);
    expect(store.customers.length).toBeGreaterThanOrEqual(1);
    expect(store.customers.length).toBeLessThanOrEqual(2);
    for (const customer of store.customers) {
      expect(customer.orders.length, customer.handle).toBeGreaterThanOrEqual(2);
      expect(customer.orders.length, customer.handle).toBeLessThanOrEqual(3);
      expect(local.country as readonly string[]).toContain(customer.addresses[0].country_code);
    }
    const orders = ordersOf(store);
    expect(orders.every((o) => o.currency === local.currency && o.taxes_included === true)).toBe(true);
    // Prices include VAT: the total is goods − discounts + shipping, the tax only shown.
    expect(orders.every((o) => orderAmounts(o).addedTax === 0 && orderAmounts(o).tax > 0)).toBe(true);
    // A customer's orders tell different stories: no two share their payment and fulfillment status.
    for (const customer of store.customers) {
      const situations = new Set(customer.orders.map((o) => `${financialStatus(o)}/${fulfillmentStatus(o)}`));
      expect(situations.size, customer.handle).toBe(customer.orders.length);
    }
  });

  it('DKK #2001: 2 × 249,00 + 399,00 + 49,00 shipping = 946,00 kr., of which 25% moms is 189,20', () => {
    const o = orderOf(byName('stores/dkk-store.json'), '#2001');
    expect(o.total_price).toBe(2 * 24900 + 39900 + 4900);
    expect(o.tax_lines).toEqual([{ title: 'Moms', rate: 0.25, price: 18920 }]);
  });

  it('JPY: money is whole yen everywhere (multiples of 100 subunits)', () => {
    const amounts: number[] = [];
    const walk = (value: unknown, key = ''): void => {
      if (Array.isArray(value)) value.forEach((item) => walk(item, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
      else if (typeof value === 'number' && ['price', 'compare_at_price', 'amount', 'total_price'].includes(key)) amounts.push(value);
    };
    const store = byName('stores/jpy-store.json');
    walk(store);
    expect(amounts.length).toBeGreaterThan(30);
    expect(amounts.filter((amount) => amount % 100 !== 0)).toEqual([]);
    expect(store.products[0].variants[0].price).toBe(120000);
  });

  it('JPY #7001: standard 10% and reduced 8% (food) consumption tax, each included', () => {
    const o = orderOf(byName('stores/jpy-store.json'), '#7001');
    // ¥6,600 drip set at 10% holds ¥600; ¥2,400 + ¥1,500 of coffee at 8% holds ¥288.9, rounded to ¥289.
    expect(o.tax_lines).toEqual([
      { title: '消費税', rate: 0.1, price: 60000 },
      { title: '消費税', rate: 0.08, price: 28900 },
    ]);
    expect(o.total_price).toBe(1050000);
  });

  it('each store has a sold-out variant; replenishables, gift cards and selling plans where the shop sells them', () => {
    const currencyStores = stores.slice(1);
    const having = (test: (store: Store) => boolean) => currencyStores.filter(({ store }) => test(store)).map((bundled) => bundled.store.shop.currency);
    expect(having((store) => store.products.some((p) => p.variants.some((v) => v.inventory_quantity === 0)))).toEqual(['DKK', 'EUR', 'JPY', 'NOK', 'THB']);
    // A ceramics shop sells nothing that runs out; soap, coffee, wool wash and tea do.
    expect(having((store) => store.products.some((p) => p.tags.includes('replenishable') && p.metafields?.some((m) => m.key === 'replenish_days')))).toEqual([
      'EUR',
      'JPY',
      'NOK',
      'THB',
    ]);
    expect(having((store) => store.products.some((p) => p.gift_card))).toEqual(['DKK', 'EUR', 'JPY']);
    expect(having((store) => ordersOf(store).some((o) => o.line_items.some((line) => line.selling_plan)))).toEqual(['JPY', 'THB']);
  });
});
