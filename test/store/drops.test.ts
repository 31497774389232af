import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Drop, Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { loadStore } from '@encore/fixtures/load.ts';
import { ShopifyDrop } from '@encore/fixtures/liquid/drop.ts';
import { liquidGlobals, shopSettingsOf } from '@encore/fixtures/liquid/index.ts';
import type { LinklistDrop } from '@encore/fixtures/liquid/menu.ts';

const store = loadStore();
const require = createRequire(import.meta.url);
const objects: { name: string; properties?: { name: string }[] }[] = JSON.parse(
  readFileSync(require.resolve('@shopify/theme-check-docs-updater/data/objects.json'), 'utf8'),
);
const documented = (object: string) => new Set((objects.find((entry) => entry.name === object)?.properties ?? []).map((property) => property.name));

/** The Liquid attributes a drop exposes: its getters, up to the shared base. */
function attributesOf(drop: object): string[] {
  const names: string[] = [];
  for (let proto = Object.getPrototypeOf(drop); proto && proto !== ShopifyDrop.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (descriptor.get) names.push(name);
    }
  }
  return names.sort();
}

const casey = liquidGlobals(store, { orderId: '1003' });
const order = casey.order!;
const lineItem = order.line_items[0];
const address = order.shipping_address!;
const product = store.products.find((p) => p.handle === 'reed-diffuser')!;
const view = casey.customer!.orders[0].line_items[0];
const mainMenu = casey.linklists.liquidMethodMissing('main-menu') as LinklistDrop;

/** One instance per Liquid object, with its name in objects.json and the attributes themes rely on. */
const samples: [string, object, string[]][] = [
  [
    'shop',
    casey.shop,
    ['name', 'email', 'domain', 'permanent_domain', 'url', 'currency', 'money_format', 'money_with_currency_format', 'enabled_currencies', 'published_locales'],
  ],
  [
    'customer',
    casey.customer!,
    [
      'first_name',
      'last_name',
      'name',
      'email',
      'phone',
      'orders',
      'orders_count',
      'total_spent',
      'default_address',
      'addresses',
      'addresses_count',
      'tags',
      'accepts_marketing',
      'has_account',
      'last_order',
      'id',
    ],
  ],
  [
    'order',
    order,
    [
      'name',
      'order_number',
      'id',
      'created_at',
      'cancelled',
      'cancelled_at',
      'cancel_reason',
      'cancel_reason_label',
      'financial_status',
      'financial_status_label',
      'fulfillment_status',
      'fulfillment_status_label',
      'line_items',
      'line_items_subtotal_price',
      'subtotal_price',
      'total_price',
      'total_discounts',
      'total_net_amount',
      'total_refunded_amount',
      'shipping_price',
      'tax_price',
      'tax_lines',
      'shipping_methods',
      'discount_applications',
      'cart_level_discount_applications',
      'transactions',
      'billing_address',
      'shipping_address',
      'customer',
      'customer_url',
      'note',
      'attributes',
      'item_count',
      'email',
      'phone',
      'tags',
    ],
  ],
  [
    'line_item',
    lineItem,
    [
      'title',
      'product',
      'variant',
      'quantity',
      'final_price',
      'original_price',
      'final_line_price',
      'original_line_price',
      'line_level_discount_allocations',
      'discount_allocations',
      'properties',
      'fulfillment',
      'successfully_fulfilled_quantity',
      'sku',
      'vendor',
      'url',
      'image',
      'requires_shipping',
      'variant_id',
      'product_id',
      'key',
      'gift_card',
    ],
  ],
  [
    'fulfillment',
    lineItem.fulfillment!,
    ['created_at', 'item_count', 'fulfillment_line_items', 'tracking_company', 'tracking_numbers', 'tracking_number', 'tracking_url'],
  ],
  [
    'transaction',
    order.transactions[0],
    ['id', 'kind', 'status', 'status_label', 'gateway', 'gateway_display_name', 'amount', 'created_at', 'payment_details'],
  ],
  ['transaction_payment_details', order.transactions[0].payment_details!, ['credit_card_company', 'credit_card_last_four_digits', 'credit_card_number']],
  [
    'address',
    casey.customer!.default_address!,
    [
      'first_name',
      'last_name',
      'name',
      'company',
      'address1',
      'address2',
      'street',
      'city',
      'province',
      'province_code',
      'zip',
      'country',
      'country_code',
      'phone',
      'summary',
      'id',
      'url',
    ],
  ],
  ['country', address.country, ['name', 'iso_code']],
  ['currency', casey.shop.enabled_currencies[0], ['iso_code', 'name', 'symbol']],
  ['shop_locale', casey.request.locale, ['iso_code', 'name', 'endonym_name', 'primary', 'root_url']],
  [
    'discount_application',
    order.discount_applications[0],
    ['title', 'type', 'value', 'value_type', 'target_type', 'target_selection', 'total_allocated_amount'],
  ],
  ['discount_allocation', order.shipping_methods[0].discount_allocations[0], ['amount', 'discount_application']],
  ['shipping_method', order.shipping_methods[0], ['title', 'original_price', 'price_with_discounts', 'discount_allocations']],
  ['tax_line', order.tax_lines[0], ['title', 'price', 'rate', 'rate_percentage']],
  [
    'product',
    view.product,
    ['id', 'handle', 'title', 'vendor', 'type', 'tags', 'url', 'images', 'featured_image', 'variants', 'price', 'available', 'collections'],
  ],
  [
    'variant',
    view.variant,
    ['id', 'title', 'sku', 'price', 'compare_at_price', 'inventory_quantity', 'requires_shipping', 'weight', 'available', 'product', 'url'],
  ],
  ['collection', view.product.collections[0], ['id', 'handle', 'title', 'url', 'products', 'products_count']],
  ['image', view.product.featured_image!, ['src', 'width', 'height', 'alt', 'id']],
  [
    'routes',
    casey.routes,
    [
      'root_url',
      'account_url',
      'account_addresses_url',
      'account_login_url',
      'account_logout_url',
      'cart_url',
      'collections_url',
      'all_products_collection_url',
      'search_url',
      'predictive_search_url',
      'product_recommendations_url',
    ],
  ],
  ['request', casey.request, ['locale', 'path', 'page_type', 'design_mode', 'host', 'origin']],
  ['localization', casey.localization, ['language', 'available_languages', 'country', 'available_countries']],
  ['linklist', mainMenu, ['handle', 'title', 'links', 'levels']],
  ['link', mainMenu.links[1], ['title', 'url', 'type', 'object', 'links', 'levels', 'active', 'current', 'child_active', 'child_current', 'handle']],
];

describe('drop attributes are the ones Shopify documents (objects.json)', () => {
  it.each(samples)('%s exposes only documented attributes, including the key ones', (name, drop, key) => {
    const names = attributesOf(drop);
    const known = documented(name);
    expect(known.size).toBeGreaterThan(0);
    expect(names.filter((attribute) => !known.has(attribute))).toEqual([]);
    expect(key.filter((attribute) => !names.includes(attribute))).toEqual([]);
  });

  it('the reed diffuser variant image is among the product images', () => {
    expect(product.images.map((image) => image.file)).toContain(product.variants[0].image);
  });
});

describe('every attribute of every page can be read without throwing', () => {
  /** Reads every getter reachable from the globals, each drop once. */
  function readAll(root: object): number {
    const seen = new Set<object>();
    const queue: unknown[] = [root];
    while (queue.length) {
      const value = queue.pop();
      if (value === null || typeof value !== 'object' || seen.has(value)) continue;
      seen.add(value);
      if (Array.isArray(value)) queue.push(...value);
      else if (value instanceof Drop) for (const name of attributesOf(value)) queue.push((value as Record<string, unknown>)[name]);
      else queue.push(...Object.values(value));
    }
    return seen.size;
  }

  const pages: [string, { customerHandle?: string; orderId?: string }][] = store.customers.flatMap((customer) => [
    [customer.handle, { customerHandle: customer.handle }] as [string, { customerHandle: string }],
    ...customer.orders.map((o) => [o.name, { orderId: o.name }] as [string, { orderId: string }]),
  ]);

  it.each(pages)('%s', (_, options) => {
    // shop, routes, request, localization, customer and what hangs off them: at least a few dozen objects.
    expect(readAll(liquidGlobals(store, options))).toBeGreaterThan(20);
  });

  it('logged out: no customer, the login page', () => {
    const globals = liquidGlobals(store, {});
    expect(globals.customer).toBeUndefined();
    expect([globals.request.page_type, globals.request.path]).toEqual(['customers/login', '/account/login']);
    expect(readAll(globals)).toBeGreaterThan(10);
  });
});

describe('derived values, checked by hand', () => {
  const orderOf = (id: string) => liquidGlobals(store, { orderId: id }).order!;

  it('#1001: placed and paid, nothing shipped', () => {
    const o = orderOf('1001');
    expect([o.financial_status, o.financial_status_label, o.fulfillment_status, o.fulfillment_status_label]).toEqual([
      'paid',
      'Paid',
      'unfulfilled',
      'Unfulfilled',
    ]);
    expect([o.line_items_subtotal_price, o.subtotal_price, o.shipping_price, o.tax_price, o.total_discounts, o.total_price]).toEqual([
      4400, 4400, 595, 391, 0, 5386,
    ]);
    expect(o.item_count).toBe(2);
    expect(o.order_number).toBe(1001);
    expect(o.line_items[0].title).toBe('Amber Candle - 16 oz');
    expect(o.line_items[1].title).toBe('Long Matches');
    expect(o.line_items[0].properties).toEqual({ 'Gift message': 'Happy housewarming!' });
    expect(o.line_items[0].fulfillment).toBeUndefined();
  });

  it('#1002: pending bank deposit, order-level discount code', () => {
    const o = orderOf('1002');
    expect(o.financial_status).toBe('pending');
    expect(o.transactions[0].status).toBe('pending');
    expect(o.transactions[0].gateway_display_name).toBe('Manual');
    expect(o.transactions[0].payment_details).toBeUndefined();
    // 2 × $28.00 = $56.00, WELCOME10 takes $5.60 at order level: not in the line's final price.
    expect([o.line_items_subtotal_price, o.subtotal_price, o.total_discounts, o.total_price]).toEqual([5600, 5040, 560, 6082]);
    expect(o.cart_level_discount_applications.map((d) => d.title)).toEqual(['WELCOME10']);
    const line = o.line_items[0];
    expect([line.final_price, line.final_line_price, line.line_level_total_discount]).toEqual([2800, 5600, 0]);
    expect(line.line_level_discount_allocations).toEqual([]);
    expect(line.discount_allocations.map((a) => [a.amount, a.discount_application.title])).toEqual([[560, 'WELCOME10']]);
  });

  it('#1003: partial, two shipments, one item still to ship', () => {
    const o = orderOf('1003');
    expect([o.financial_status, o.fulfillment_status, o.fulfillment_status_label]).toEqual(['paid', 'partial', 'Partial']);
    expect(o.line_items.map((line) => line.successfully_fulfilled_quantity)).toEqual([2, 1, 0]);
    const unfulfilled = o.line_items.reduce((total, line) => total + line.quantity - line.successfully_fulfilled_quantity, 0);
    expect(unfulfilled).toBe(1);
    expect(o.line_items.map((line) => line.fulfillment?.tracking_company)).toEqual(['UPS', 'USPS', undefined]);
    expect(o.line_items[0].fulfillment!.tracking_url).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(o.line_items[0].fulfillment!.item_count).toBe(2);
    expect(o.line_items[1].fulfillment!.fulfillment_line_items.map((line) => [line.title, line.quantity])).toEqual([['Wick Trimmer', 1]]);
    // Free shipping: $5.95 shipping, all of it discounted.
    const shipping = o.shipping_methods[0];
    expect([shipping.original_price, shipping.price_with_discounts, o.shipping_price, o.total_discounts]).toEqual([595, 0, 0, 595]);
    expect(o.discount_applications[0].total_allocated_amount).toBe(595);
    expect(o.transactions.map((t) => t.kind)).toEqual(['authorization', 'capture']);
  });

  it('#1004: fully delivered, line-level discount on the guide', () => {
    const o = orderOf('1004');
    expect(o.fulfillment_status).toBe('fulfilled');
    const guide = o.line_items[1];
    expect([guide.original_price, guide.final_price, guide.line_level_total_discount]).toEqual([1200, 600, 600]);
    expect(guide.line_level_discount_allocations.map((a) => a.discount_application.target_selection)).toEqual(['entitled']);
    expect(guide.fulfillment!.tracking_number).toBeUndefined();
    expect([o.line_items_subtotal_price, o.subtotal_price, o.total_discounts]).toEqual([7000, 7000, 600]);
    expect(o.transactions[0].payment_details!.credit_card_company).toBe('Mastercard');
  });

  it("#1005: the cancelled fulfillment's items count as unfulfilled", () => {
    const o = orderOf('1005');
    expect(o.fulfillment_status).toBe('unfulfilled');
    expect(o.line_items.map((line) => line.successfully_fulfilled_quantity)).toEqual([0, 0]);
    expect(o.line_items.map((line) => line.fulfillment)).toEqual([undefined, undefined]);
    expect(o.financial_status).toBe('paid');
  });

  it('#1006: cancelled, refunded in full, restocked', () => {
    const o = orderOf('1006');
    expect([o.cancelled, o.cancel_reason, o.cancel_reason_label]).toEqual([true, 'customer', 'Customer changed/cancelled order']);
    expect([o.financial_status, o.fulfillment_status]).toEqual(['refunded', 'restocked']);
    expect([o.total_refunded_amount, o.total_net_amount]).toEqual([9523, 0]);
  });

  it('#1007: partially refunded; the refund does not undo the shipment', () => {
    const o = orderOf('1007');
    expect([o.financial_status, o.financial_status_label]).toEqual(['partially_refunded', 'Partially refunded']);
    expect(o.total_refunded_amount).toBe(1742);
    expect(o.total_net_amount).toBe(o.total_price - o.total_refunded_amount);
    expect(o.total_net_amount).toBe(8870);
    expect(o.fulfillment_status).toBe('fulfilled');
    expect(o.transactions.filter((t) => t.kind === 'refund').map((t) => t.amount)).toEqual([1742]);
  });

  it('totals add up for every order (taxes included in prices are not added; duties are)', () => {
    for (const customer of store.customers) {
      for (const { name, taxes_included } of customer.orders) {
        const o = orderOf(name);
        const original = o.line_items.reduce((total, line) => total + line.original_line_price, 0);
        const shipping = o.shipping_methods.reduce((total, method) => total + method.original_price, 0);
        const extra = (taxes_included ? 0 : o.tax_price) + (o.total_duties ?? 0);
        expect(original - o.total_discounts + shipping + extra, name).toBe(o.total_price);
        expect(o.subtotal_price + o.shipping_price + extra, name).toBe(o.total_price);
        expect(
          o.tax_lines.reduce((total, line) => total + line.price, 0),
          name,
        ).toBe(o.tax_price);
      }
    }
  });

  it('casey: orders newest first, money spent net of refunds', () => {
    const customer = liquidGlobals(store, { customerHandle: 'casey' }).customer!;
    expect(customer.orders.map((o) => o.name)).toEqual(['#1001', '#1002', '#1006', '#1005', '#1003', '#1007', '#1004']);
    expect(customer.last_order!.name).toBe('#1001');
    // Paid: 5386 + 11759 + 8216 + 12436 + (10612 − 1742); #1002 unpaid; #1006 refunded in full.
    expect(customer.total_spent).toBe(46667);
    expect([customer.orders_count, customer.addresses_count, customer.default_address!.city]).toEqual([7, 2, 'Brooklyn']);
    expect(customer.default_address!.url).toBe('/account/addresses/9301');
  });

  it('new-customer has nothing yet', () => {
    const customer = liquidGlobals(store, { customerHandle: 'new-customer' }).customer!;
    expect([customer.orders.length, customer.orders_count, customer.total_spent, customer.last_order, customer.default_address]).toEqual([
      0,
      0,
      0,
      undefined,
      undefined,
    ]);
  });
});

describe('liquidGlobals', () => {
  it('an order page logs in its owner and points request.path at the order', () => {
    const globals = liquidGlobals(store, { orderId: '#1003' });
    expect(globals.customer!.first_name).toBe('Casey');
    expect([globals.request.page_type, globals.request.path, globals.order!.customer_url]).toEqual([
      'customers/order',
      '/account/orders/1003',
      '/account/orders/1003',
    ]);
  });

  it('the account page', () => {
    const globals = liquidGlobals(store, { customerHandle: 'loyal-customer' });
    expect(globals.order).toBeUndefined();
    expect([globals.request.page_type, globals.request.path, globals.request.host, globals.request.origin, globals.request.design_mode]).toEqual([
      'customers/account',
      '/account',
      'ember-and-wick.example',
      'https://ember-and-wick.example',
      false,
    ]);
  });

  it('a secondary locale prefixes routes and URLs', () => {
    const globals = liquidGlobals(store, { customerHandle: 'casey', locale: 'fr' });
    expect([globals.routes.root_url, globals.routes.account_url, globals.request.path, globals.customer!.orders[0].customer_url]).toEqual([
      '/fr',
      '/fr/account',
      '/fr/account',
      '/fr/account/orders/1001',
    ]);
    expect([globals.request.locale.iso_code, globals.request.locale.primary, globals.request.locale.endonym_name]).toEqual(['fr', false, 'français']);
    expect(globals.customer!.default_address!.country.name).toBe('États-Unis');
  });

  it('unknown names are clear errors', () => {
    expect(() => liquidGlobals(store, { customerHandle: 'nobody' })).toThrow('unknown customer "nobody"; the store has new-customer, loyal-customer, casey');
    expect(() => liquidGlobals(store, { orderId: '9999' })).toThrow('unknown order "9999"');
    expect(() => liquidGlobals(store, { locale: 'de' })).toThrow('unknown locale "de"; the shop publishes en, fr');
    expect(() => liquidGlobals(store, { customerHandle: 'new-customer', orderId: '1001' })).toThrow(
      'order #1001 belongs to customer "casey", not "new-customer"',
    );
  });

  it('shopSettingsOf gives the engine its ShopSettings', () => {
    expect(shopSettingsOf(store)).toEqual({
      currency: 'USD',
      moneyFormat: '${{amount}}',
      moneyWithCurrencyFormat: '${{amount}} USD',
      timezone: 'America/New_York',
      domain: 'ember-and-wick.example',
      weightUnit: 'lb',
      primaryLocale: 'en',
      permanentDomain: 'ember-and-wick.myshopify.com',
      country: 'US',
    });
  });
});

describe('collections and all_products, the catalog globals', () => {
  const render = (source: string) => new Liquid().parseAndRenderSync(source, {}, { globals: liquidGlobals(store, { customerHandle: 'casey' }) });
  it('find a collection or a product by handle, nothing for an unknown one', () => {
    expect(render("{{ collections['candles'].title }}|{{ all_products['amber-candle'].title }}|{{ collections['nope'].title }}")).toBe(
      `${store.collections.find((c) => c.handle === 'candles')!.title}|${store.products.find((p) => p.handle === 'amber-candle')!.title}|`,
    );
  });
});
