import { describe, expect, it } from 'vitest';
import { orderJourney } from '@encore/core/journey.ts';
import { liquidVisibleOrder } from '../support/liquid-visible.ts';
import { loadBundledStores } from '@encore/fixtures/bundled.ts';
import { Storefront } from '@encore/studio/storefront.ts';
import { journeyOf } from '../support/theme-parity.ts';

/**
 * The theme cannot call the domain core, so snippets/encore-order-journey.liquid
 * repeats its rules. For every order of every bundled store, the page's
 * journey must be the core's journey of what Liquid can see of the order.
 */
const cases = loadBundledStores().flatMap(({ name, store }) => {
  const storefront = new Storefront({ store });
  return store.customers.flatMap((customer) => customer.orders.map((order) => ({ label: `${name} ${order.name}`, storefront, order, now: store.shop.now! })));
});

describe('the Liquid journey equals the core journey of the Liquid-visible order', () => {
  it('covers every order of every bundled store', () => {
    expect(cases.length).toBeGreaterThan(60);
    expect(new Set(cases.map((entry) => entry.label.split(' ')[0])).size).toBe(6);
  });

  it.each(cases.map((entry) => [entry.label, entry] as const))('%s', async (_label, { storefront, order, now }) => {
    const { status, body } = await storefront.render({ template: 'customers/order', order: String(order.id) });
    expect(status).toBe(200);
    const core = orderJourney(liquidVisibleOrder(order), { now });
    const page = journeyOf(body);
    expect(page.headline).toBe(core.headline);
    expect(page.due).toEqual({ outstanding: core.payment.outstanding, secured: core.payment.securedByAuthorization });
    expect(page.steps).toEqual(core.steps.map((step) => `${step.kind}:${step.state}`));
    expect(page.steps.filter((step) => step.endsWith(':current')).length).toBeLessThanOrEqual(1);
    expect(body.match(/aria-current="step"/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(page.items).toEqual(
      Object.fromEntries(
        core.items.map((item) => [
          String(item.lineItemId),
          { ordered: item.ordered, shipped: item.shipped, delivered: item.delivered, cancelled: item.cancelled, refunded: item.refunded },
        ]),
      ),
    );
  });
});

describe('orders the bundled stores do not have', () => {
  // Hand-made variations of the default store's orders, rendered from a copy of the store.
  const base = loadBundledStores()[0].store;
  const store = structuredClone(base);
  const orders = store.customers.flatMap((customer) => customer.orders);
  const find = (name: string) => orders.find((order) => order.name === name)!;

  // #1003: the two cedar candles left in two parcels; the earlier one is no line's latest fulfillment,
  // so Liquid never sees it, only its unit in successfully_fulfilled_quantity.
  const split = find('#1003');
  split.fulfillments.unshift({
    ...structuredClone(split.fulfillments[0]),
    id: 60350,
    created_at: '2026-03-04T09:00:00-05:00',
    line_items: [{ line_item: 60031, quantity: 1 }],
  });
  split.fulfillments[1].line_items = [{ line_item: 60031, quantity: 1 }];
  // #1013: the first shipment holds both lines, a later one a second refill oil: the first stays
  // visible through the candles, the refill's latest is the second.
  const shared = find('#1013');
  shared.fulfillments.push({
    ...structuredClone(shared.fulfillments[0]),
    id: 60136,
    created_at: '2026-03-14T11:00:00-04:00',
    line_items: [{ line_item: 60132, quantity: 1 }],
  });
  shared.fulfillments[0].line_items = [
    { line_item: 60131, quantity: 2 },
    { line_item: 60132, quantity: 1 },
  ];
  shared.line_items[1].quantity = 2;
  // #1007: two refunds at the same second, the second bringing the total to everything paid.
  const refunds = find('#1007');
  refunds.transactions.push({ ...structuredClone(refunds.transactions[1]), id: 60703, amount: 10612 - 1742 });
  // #1001 placed for free: paid when placed.
  const free = find('#1001');
  free.total_price = 0;
  free.transactions = [];

  const storefront = new Storefront({ store });
  it.each([split, shared, refunds, free].map((order) => [order.name, order] as const))('%s', async (_name, order) => {
    const { body } = await storefront.render({ template: 'customers/order', order: String(order.id) });
    const core = orderJourney(liquidVisibleOrder(order), { now: store.shop.now! });
    const page = journeyOf(body);
    expect(page.headline).toBe(core.headline);
    expect(page.steps).toEqual(core.steps.map((step) => `${step.kind}:${step.state}`));
    for (const item of core.items)
      expect(page.items[String(item.lineItemId)], String(item.lineItemId)).toMatchObject({
        ordered: item.ordered,
        shipped: item.shipped,
        delivered: item.delivered,
      });
  });

  it('shows the variations as they are: a hidden parcel adds no step, two refunds end refunded', async () => {
    const splitPage = journeyOf((await storefront.render({ template: 'customers/order', order: '1003' })).body);
    expect(splitPage.steps.filter((step) => step.startsWith('shipped:'))).toHaveLength(2);
    expect(splitPage.items['60031']).toMatchObject({ shipped: 2 });
    const refundPage = journeyOf((await storefront.render({ template: 'customers/order', order: '1007' })).body);
    expect(refundPage.steps).toContain('partially_refunded:done');
    expect(refundPage.steps).toContain('refunded:done');
    const freePage = journeyOf((await storefront.render({ template: 'customers/order', order: '1001' })).body);
    expect(freePage.steps.slice(0, 2)).toEqual(['placed:done', 'paid:done']);
  });
});
