import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STORE_FILE, listScenarios, loadStore } from '@encore/fixtures/load.ts';
import { findCustomer, findOrder } from '@encore/fixtures/names.ts';
import { financialStatus, fulfillmentStatus, lineItemState, orderAmounts } from '@encore/fixtures/derive.ts';
import { loyalOrders } from '@encore/fixtures/generate-loyal.ts';
import type { Fulfillment, Order, Product } from '@encore/fixtures/types.ts';

const store = loadStore();
const order = (id: string): Order => findOrder(store, id)!.order;
const product = (handle: string): Product => store.products.find((candidate) => candidate.handle === handle)!;
const metafield = (p: Product, key: string) => p.metafields?.find((field) => field.namespace === 'encore' && field.key === key)?.value;
const shipments = (o: Order): Fulfillment[] => o.fulfillments.filter((f) => (f.delivery_method ?? 'shipping') !== 'none');

describe('default store scenarios', () => {
  it('lists the new customers and orders beside the existing ones', () => {
    const lines = listScenarios(store);
    for (const handle of ['new-customer', 'loyal-customer', 'casey', 'riley', 'b2b-buyer', 'hostile-customer']) {
      expect(
        lines.some((line) => line.startsWith(`customer ${handle}  `)),
        handle,
      ).toBe(true);
    }
    for (let n = 1001; n <= 1015; n++)
      expect(
        lines.some((line) => line.startsWith(`order ${n}  `)),
        `#${n}`,
      ).toBe(true);
    expect(lines.filter((line) => line.startsWith('order 11'))).toHaveLength(45);
    expect(findCustomer(store, 'casey')!.orders.map((o) => o.name)).toEqual(['#1001', '#1002', '#1003', '#1004', '#1005', '#1006', '#1007']);
  });

  it('every order adds up: line items − discounts + shipping + taxes + duties', () => {
    for (const customer of store.customers) {
      for (const o of customer.orders) expect(orderAmounts(o).computedTotal, o.name).toBe(o.total_price);
    }
  });
});

describe('enriched post-purchase orders', () => {
  it('every shipment of #1003, #1004 and #1007 carries carrier events, oldest first, ending at its shipment status', () => {
    for (const id of ['1003', '1004', '1007']) {
      for (const shipment of shipments(order(id))) {
        const events = shipment.events ?? [];
        expect(events.length, `#${id} ${shipment.id}`).toBeGreaterThanOrEqual(3);
        const times = events.map((event) => Date.parse(event.happened_at));
        expect(times, `#${id}`).toEqual([...times].sort((a, b) => a - b));
        expect(events.at(-1)!.status).toBe(shipment.shipment_status);
      }
    }
    // #1003: one parcel delivered, the other still moving after a weather delay.
    expect(order('1003').fulfillments.map((f) => f.events!.at(-1)!.status)).toEqual(['delivered', 'in_transit']);
    expect(order('1003').fulfillments[1].events!.map((e) => e.status)).toContain('delayed');
  });

  it('#1004 delivers the PDF guide digitally and ships the gift set', () => {
    const [digital, parcel] = order('1004').fulfillments;
    expect([digital.delivery_method, digital.tracking_numbers, digital.events]).toEqual(['none', [], undefined]);
    expect(order('1004').line_items.find((line) => line.id === digital.line_items[0].line_item)!.product).toBe('candle-making-guide');
    expect(order('1004').line_items.find((line) => line.product === 'candle-making-guide')!.requires_shipping).toBe(false);
    expect(parcel.tracking_company).toBe('FedEx');
  });

  it('#1005: the cancelled fulfillment records when it was cancelled and its items are unfulfilled again', () => {
    const o = order('1005');
    expect(o.fulfillments[0]).toMatchObject({ status: 'cancelled', cancelled_at: '2026-03-09T16:20:00-04:00' });
    expect(o.line_items.map((line) => lineItemState(o, line).unfulfilled)).toEqual([3, 1]);
    expect(fulfillmentStatus(o)).toBe('unfulfilled');
  });

  it('#1007 shipped in two packages, each with its own tracking number and URL', () => {
    const [parcel] = order('1007').fulfillments;
    expect(parcel.tracking_numbers).toEqual(['1Z999AA10123456800', '1Z999AA10123456819']);
    expect(parcel.tracking_urls).toEqual(parcel.tracking_numbers.map((n) => `https://www.ups.com/track?tracknum=${n}`));
  });

  it('the four newest loyal deliveries (#1141-#1144) have tracking events, as generate-loyal.ts writes them', () => {
    const tracked = findCustomer(store, 'loyal-customer')!.orders.filter((o) => o.fulfillments.some((f) => f.events));
    expect(tracked.map((o) => o.name)).toEqual(['#1141', '#1142', '#1143', '#1144']);
    for (const o of tracked)
      expect(o.fulfillments[0].events!.map((e) => e.status)).toEqual(['label_printed', 'in_transit', 'in_transit', 'out_for_delivery', 'delivered']);
    // The committed orders are exactly what the script generates: rerunning it changes nothing.
    const raw = JSON.parse(readFileSync(DEFAULT_STORE_FILE, 'utf8'));
    expect(raw.customers[1].orders).toEqual(JSON.parse(JSON.stringify(loyalOrders())));
  });

  it('candles, refill oil and matches are replenishable, by tag and by metafield', () => {
    const days = Object.fromEntries(
      store.products.filter((p) => metafield(p, 'replenishable') === true).map((p) => [p.handle, metafield(p, 'replenish_days')]),
    );
    expect(days).toEqual({ 'amber-candle': 45, 'cedar-candle': 45, 'fig-candle': 40, 'long-matches': 90, 'diffuser-refill-oil': 30 });
    for (const handle of Object.keys(days)) expect(product(handle).tags, handle).toContain('replenishable');
    expect(product('amber-candle').metafields!.map((field) => field.type)).toEqual(['boolean', 'number_integer']);
  });
});

describe('riley: the less common situations', () => {
  it('#1008: authorized only, nothing captured; $56.00 + $5.95 shipping + $4.97 NY tax = $66.92', () => {
    const o = order('1008');
    expect(o.transactions.map((t) => [t.kind, t.status, t.amount])).toEqual([['authorization', 'success', 6692]]);
    expect(financialStatus(o)).toBe('authorized');
    expect(o.tax_lines[0].price).toBe(497);
    expect(o.total_price).toBe(5600 + 595 + 497);
  });

  it('#1009: digital only, nothing to ship, fulfilled with delivery method "none"', () => {
    const o = order('1009');
    expect(o.line_items.map((line) => [line.product, line.requires_shipping])).toEqual([
      ['candle-making-guide', false],
      ['gift-card', false],
    ]);
    expect([o.shipping_lines, o.shipping_address]).toEqual([[], null]);
    expect(o.fulfillments.map((f) => f.delivery_method)).toEqual(['none']);
    expect(fulfillmentStatus(o)).toBe('fulfilled');
    // Only the guide is taxed: 8.875% of $12.00 = $1.065, rounded to $1.07; the gift card is not.
    expect(o.total_price).toBe(1200 + 5000 + 107);
  });

  it('#1010: ready for pickup at the studio, not fulfilled, free shipping line titled with the location (as Shopify titles pickup), no shipping address', () => {
    const o = order('1010');
    expect(o.pickup).toMatchObject({ location_name: 'Brooklyn studio', ready_at: '2026-03-18T16:00:00-04:00' });
    expect(o.pickup!.address.address1).toBe('140 Kent Ave');
    expect(o.shipping_lines).toEqual([{ title: 'Brooklyn studio', price: 0, discount_allocations: [] }]);
    expect([o.fulfillments.length, o.shipping_address, financialStatus(o), fulfillmentStatus(o)]).toEqual([0, null, 'paid', 'unfulfilled']);
  });

  it('#1011: on hold because the ceramic tray is out of stock', () => {
    const o = order('1011');
    expect(o.fulfillment_hold).toEqual({ reason: 'inventory_out_of_stock', held_at: '2026-03-15T10:00:00-04:00' });
    expect(product('ceramic-tray').variants[0].inventory_quantity).toBe(0);
    expect([financialStatus(o), fulfillmentStatus(o)]).toEqual(['paid', 'unfulfilled']);
  });

  it('#1012: shipped to Toronto with Canadian duty on the French-made diffuser and HST', () => {
    const o = order('1012');
    expect(o.shipping_address!.country_code).toBe('CA');
    // 6.5% of the $42.00 diffuser = $2.73.
    expect(o.duties).toEqual([{ title: 'Import duty', price: 273, country_code_of_origin: 'FR' }]);
    expect(o.tax_lines).toEqual([{ title: 'HST', rate: 0.13, price: 1378 }]);
    expect(orderAmounts(o).duties).toBe(273);
    expect(o.total_price).toBe(10600 + 2495 + 1378 + 273);
    expect(o.fulfillments[0].events!.map((e) => e.country_code)).toEqual(['US', 'US', 'CA', 'CA', 'CA']);
  });

  it('#1013: four Chicago tax lines, each rounded on its own, and a line on a selling plan', () => {
    const o = order('1013');
    // On $75.80 of goods: 6.25% → 473.75, 1.75% → 132.65, 1.25% → 94.75, 1% → 75.80.
    expect(o.tax_lines.map((t) => [t.rate, t.price])).toEqual([
      [0.0625, 474],
      [0.0175, 133],
      [0.0125, 95],
      [0.01, 76],
    ]);
    expect(o.total_price).toBe(7580 + 595 + 778);
    expect(o.line_items[1].selling_plan).toEqual({ id: 5101, name: 'Delivery every 30 days, 10% off' });
    expect(o.line_items[1].price).toBe(1980);
  });
});

describe('b2b-buyer: Net 30 and overdue', () => {
  const customer = findCustomer(store, 'b2b-buyer')!;
  const o = order('1014');

  it('is a tax-exempt company buyer tagged b2b', () => {
    expect(customer.tags).toEqual(['b2b', 'wholesale', 'net-30']);
    expect(customer.tax_exempt).toBe(true);
    expect(customer.addresses[0].company).toBe('Harbor Hotel Group');
  });

  it('ordered on Net 30 with a PO number, and the due date has passed unpaid', () => {
    expect(o.company).toEqual({ name: 'Harbor Hotel Group', location: 'Boston Seaport' });
    expect(o.po_number).toBe('PO-2026-0142');
    expect(o.payment_terms).toEqual({ name: 'Net 30', due_at: '2026-03-07T10:00:00-05:00' });
    expect(Date.parse(o.payment_terms!.due_at)).toBeLessThan(Date.parse(store.shop.now!));
    expect([o.transactions, financialStatus(o), fulfillmentStatus(o)]).toEqual([[], 'pending', 'fulfilled']);
    // 24 candles at $14.40 wholesale + 24 matches at $3.60 + $25.00 freight, no tax.
    expect([o.tax_lines, o.total_price]).toEqual([[], 24 * 1440 + 24 * 360 + 2500]);
  });
});

describe('hostile-customer: hostile text in every free-text field', () => {
  const customer = findCustomer(store, 'hostile-customer')!;
  const o = customer.orders[0];
  const candle = product('hostile-test-candle');
  // Each of these would set window.__encoreInjected if a surface ever executed it, or is text that must print as is.
  const PAYLOADS = [
    '<script>window.__encoreInjected=1</script>',
    '<img src=x onerror="window.__encoreInjected=1">',
    '"><svg onload=window.__encoreInjected=1>',
    'javascript:window.__encoreInjected=1',
    "{{ 'liquid' }}",
    '{% if %}',
    "'; --",
    '\u202E',
    '👩🏽‍🚀',
    '" onmouseover="window.__encoreInjected=1',
  ];
  const hostile = (text: string | null | undefined) => text != null && (PAYLOADS.some((payload) => text.includes(payload)) || /\S{2000}/.test(text));

  it('names, addresses, company and city', () => {
    const [address, long] = customer.addresses;
    const fields = {
      first_name: customer.first_name,
      last_name: customer.last_name,
      address1: address.address1,
      address2: address.address2,
      company: address.company,
      city: address.city,
    };
    for (const [name, value] of Object.entries(fields)) expect(hostile(value), name).toBe(true);
    expect(long.address1).toHaveLength(2000);
    expect(long.address1).not.toMatch(/\s/);
    for (const address of [o.billing_address!, o.shipping_address!]) expect(hostile(address.address1) && hostile(address.city)).toBe(true);
  });

  it('tags, note, cart attribute keys and values, line item property keys and values', () => {
    for (const tag of [...customer.tags, ...o.tags]) expect(hostile(tag), tag.slice(0, 40)).toBe(true);
    expect(hostile(o.note)).toBe(true);
    expect(Object.keys(o.attributes).length).toBeGreaterThanOrEqual(3);
    for (const [key, value] of Object.entries(o.attributes)) expect(hostile(key) || hostile(value), key.slice(0, 40)).toBe(true);
    expect(Object.keys(o.attributes).filter(hostile).length).toBeGreaterThanOrEqual(3);
    expect(Object.values(o.attributes).filter(hostile).length).toBeGreaterThanOrEqual(3);
    const properties = Object.entries(o.line_items[0].properties);
    expect(properties.every(([key]) => hostile(key))).toBe(true);
    // One private property ("_" key) keeps a plain value; the others are hostile on both sides.
    expect(properties.filter(([, value]) => hostile(value)).length).toBe(properties.length - 1);
  });

  it('a product only this customer bought, hostile in title, vendor, type, tags and description', () => {
    for (const field of [candle.title, candle.vendor, candle.product_type, candle.description, candle.images[0].alt, candle.variants[0].title])
      expect(hostile(field)).toBe(true);
    for (const tag of candle.tags) expect(hostile(tag)).toBe(true);
    const buyers = store.customers.filter((c) => c.orders.some((other) => other.line_items.some((line) => line.product === candle.handle)));
    expect(buyers.map((c) => c.handle)).toEqual(['hostile-customer']);
    expect(store.collections.some((collection) => collection.products.includes(candle.handle))).toBe(false);
  });

  it('shipping, discount, tax and tracking text too, with a javascript: tracking URL', () => {
    expect(hostile(o.shipping_lines[0].title) && hostile(o.discount_applications[0].title) && hostile(o.tax_lines[0].title)).toBe(true);
    expect(hostile(o.fulfillments[0].tracking_company)).toBe(true);
    expect(o.fulfillments[0].tracking_urls[0]).toBe('javascript:window.__encoreInjected=1');
  });

  it('fields the schema restricts stay valid', () => {
    expect([customer.handle, customer.email, o.email, candle.handle, o.name]).toEqual([
      'hostile-customer',
      'hostile@example.com',
      'hostile@example.com',
      'hostile-test-candle',
      '#1015',
    ]);
    expect([o.shipping_address!.country_code, o.shipping_address!.province_code, o.shipping_address!.zip]).toEqual(['US', 'NY', '11211']);
  });
});
