/**
 * The Customer Account API layer tells the same story as the core: for every
 * order of every bundled store, the order as the API returns it (the store
 * adapter, projected through Encore's own query by the stand-in server), mapped
 * back into the core model, gives the journey the fixture gives. Where the API
 * cannot carry a fact, the comparison leaves exactly that fact out and says why.
 */
import { describe, expect, it } from 'vitest';
import { orderJourney, type OrderJourney } from '@encore/core/journey.ts';
import { buyAgain } from '@encore/core/recommendations.ts';
import {
  ORDER_HISTORY_LIMIT,
  ORDER_HISTORY_QUERY,
  ORDER_STATUS_QUERY,
  type OrderHistoryData,
  type OrderStatusData,
} from '@encore/shopify-apis/customer-account/queries.ts';
import { historyOrderToCore, numericId, statusOrderToCore, subunitsOf } from '@encore/shopify-apis/customer-account/to-core.ts';
import { customerAccountCustomer, customerAccountOrder } from '@encore/fixtures/adapters/customer-account.ts';
import { gid } from '@encore/fixtures/adapters/ids.ts';
import { loadBundledStores } from '@encore/fixtures/bundled.ts';
import type { Store } from '@encore/fixtures/types.ts';
import { answer } from './support/graphql.ts';

const FALLBACK_NOW = '2026-06-01T12:00:00Z';

function handles(store: Store): (productId: string) => string | undefined {
  const byId = new Map(store.products.map((product) => [gid('Product', product.id), product.handle]));
  return (productId) => byId.get(productId);
}

/**
 * The journey without what the Customer Account API cannot say:
 * - `items[].restocked`: a `Refund` has no line items and no restock flag, so
 *   whether refunded units went back to stock is unknown (counts of cancelled
 *   and refunded units are still compared: they come from `refundableQuantity`).
 * - `steps[].reason` and `at` of `on_hold`: only `fulfillmentStatus: ON_HOLD`
 *   says an order is held, with neither a reason nor a time.
 * - `steps[].locationName`: a pickup location has an address, not a name.
 * - carrier events' `message`, `city` and `country_code`: `FulfillmentEvent` has
 *   only a status and a time.
 */
function comparable(journey: OrderJourney) {
  return {
    headline: journey.headline,
    steps: journey.steps.map(({ locationName: _location, ...step }) => (step.kind === 'on_hold' ? { kind: step.kind, state: step.state } : step)),
    shipments: journey.shipments.map(comparableShipment),
    cancelledShipments: journey.cancelledShipments.map(comparableShipment),
    items: journey.items.map(({ restocked: _restocked, ...item }) => item),
    payment: journey.payment,
  };
}

function comparableShipment(shipment: OrderJourney['shipments'][number]) {
  const event = shipment.latestEvent;
  return { ...shipment, latestEvent: event ? { status: event.status, happened_at: event.happened_at } : null };
}

const scenarios = loadBundledStores().flatMap(({ name, store }) =>
  store.customers.flatMap((customer) => customer.orders.map((order) => ({ name, store, customer, order }))),
);

describe('Customer Account API orders mapped into the core model', () => {
  it('covers every bundled order', () => {
    expect(scenarios.length).toBeGreaterThan(50);
  });

  it.each(scenarios.map((scenario) => [`${scenario.name} ${scenario.customer.handle} ${scenario.order.name}`, scenario] as const))(
    '%s: the same journey as the fixture',
    (_label, { store, customer, order }) => {
      const now = store.shop.now ?? FALLBACK_NOW;
      const id = gid('Order', order.id);
      const response = answer('customer-account', ORDER_STATUS_QUERY, { order: customerAccountOrder(store, order, customer) }, { id }) as unknown as {
        data: OrderStatusData;
      };
      const apiOrder = response.data.order;
      expect(apiOrder).not.toBeNull();
      const mapped = statusOrderToCore(apiOrder!, { handleOf: handles(store) });
      expect(comparable(orderJourney(mapped, { now }))).toEqual(comparable(orderJourney(order, { now })));
    },
  );
});

describe('the order history mapped into the core model', () => {
  const customers = loadBundledStores().flatMap(({ name, store }) =>
    store.customers.filter((customer) => customer.orders.length > 0).map((customer) => ({ name, store, customer })),
  );

  it.each(customers.map((entry) => [`${entry.name} ${entry.customer.handle}`, entry] as const))(
    '%s: newest orders first, and buy again agrees with the fixture history',
    (_label, { store, customer }) => {
      const now = store.shop.now ?? FALLBACK_NOW;
      const response = answer(
        'customer-account',
        ORDER_HISTORY_QUERY,
        { customer: customerAccountCustomer(store, customer) },
        { first: ORDER_HISTORY_LIMIT },
      ) as unknown as {
        data: OrderHistoryData;
      };
      const nodes = response.data.customer!.orders.nodes;
      const history = nodes.map((node) => historyOrderToCore(node, { handleOf: handles(store) }));
      const newestFirst = [...customer.orders].sort((a, b) => Date.parse(b.processed_at) - Date.parse(a.processed_at) || b.id - a.id);
      expect(history.map((order) => order.name)).toEqual(newestFirst.slice(0, ORDER_HISTORY_LIMIT).map((order) => order.name));
      const fromApi = buyAgain({ products: store.products, history, now });
      const fromFixture = buyAgain({ products: store.products, history: newestFirst.slice(0, ORDER_HISTORY_LIMIT), now });
      expect(fromApi.map((item) => [item.product.handle, item.variant.id, item.quantity, item.timesOrdered, item.due])).toEqual(
        fromFixture.map((item) => [item.product.handle, item.variant.id, item.quantity, item.timesOrdered, item.due]),
      );
    },
  );
});

describe('the small readers', () => {
  it('reads money in subunits the way Shopify scales each currency', () => {
    expect(subunitsOf({ amount: '53.86', currencyCode: 'USD' })).toBe(5386);
    expect(subunitsOf({ amount: '1200', currencyCode: 'JPY' })).toBe(120000);
    expect(subunitsOf({ amount: '1.134', currencyCode: 'KWD' })).toBe(1134);
    expect(subunitsOf({ amount: '0.1', currencyCode: 'DKK' })).toBe(10);
    expect(subunitsOf({ amount: 'n/a', currencyCode: 'USD' })).toBe(0);
    expect(subunitsOf(null)).toBe(0);
  });

  it('reads numeric ids from gids', () => {
    expect(numericId('gid://shopify/Order/6001')).toBe(6001);
    expect(numericId('gid://shopify/Address/12?model_name=Address')).toBe(12);
    expect(numericId('not-a-gid', -1)).toBe(-1);
    expect(numericId(null)).toBe(0);
  });
});
