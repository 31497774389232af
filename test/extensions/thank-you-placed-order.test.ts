import type { CartLine, DeliveryGroup, DeliveryOption, SelectedPaymentOption } from '@shopify/ui-extensions/checkout';
import { describe, expect, it } from 'vitest';
import { orderJourney } from '@encore/core/journey.ts';
import { deliveryMode, placedOrder, type PlacedOrderInput } from '../../extensions/thank-you/src/placed-order.ts';
import { thankYouApi } from '@encore/fixtures/adapters/checkout.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { findOrder } from '@encore/fixtures/names.ts';

const store = loadStore();
const NOW = '2026-03-18T13:12:30Z';

function input(name: string, payments: SelectedPaymentOption['type'][], option?: DeliveryOption): PlacedOrderInput {
  const { order, customer } = findOrder(store, name)!;
  const api = thankYouApi(store, order, customer);
  const groups: DeliveryGroup[] = option
    ? [
        {
          targetedCartLines: api.lines.map((line: CartLine) => ({ id: line.id })),
          deliveryOptions: [option],
          selectedDeliveryOption: { handle: option.handle },
          groupType: 'oneTimePurchase',
          isDeliveryRequired: true,
        },
      ]
    : [];
  return {
    confirmation: api.orderConfirmation,
    lines: api.lines,
    cost: api.cost,
    deliveryGroups: groups,
    payments: payments.map((type, index) => ({ type, handle: `p${index}` })),
    cardsChargedLater: false,
    now: NOW,
  };
}

const usd = (amount: number) => ({ amount, currencyCode: 'USD' as const });
const local: DeliveryOption = {
  type: 'local',
  handle: 'local',
  title: 'Bike courier',
  code: 'local',
  metafields: [],
  carrier: {},
  cost: usd(5),
  costAfterDiscounts: usd(5),
  deliveryEstimate: {},
};

describe('the order as placed, from the thank-you API', () => {
  it("#1001: casey's lines, total and card payment as the core's Order", () => {
    const order = placedOrder(input('1001', ['creditCard'], local));
    expect(order.total_price).toBe(5386);
    expect(order.currency).toBe('USD');
    expect(order.line_items.map((line) => [line.product, line.variant_id, line.quantity, line.requires_shipping])).toEqual([
      ['gid://shopify/Product/7001', 4002, 1, true],
      ['gid://shopify/Product/7006', 4008, 1, true],
    ]);
    expect(order.transactions).toMatchObject([{ kind: 'sale', status: 'success', amount: 5386 }]);
    expect(order.shipping_lines).toEqual([{ title: 'Bike courier', price: 500, discount_allocations: [] }]);
    expect(order.processed_at).toBe(NOW);
  });

  it('names lines by handle once the Storefront answered for their products', () => {
    const order = placedOrder({ ...input('1001', ['creditCard']), handles: new Map([['gid://shopify/Product/7001', 'amber-candle']]) });
    expect(order.line_items.map((line) => line.product)).toEqual(['amber-candle', 'gid://shopify/Product/7006']);
  });

  it("local delivery is the shop's own; the journey is the shipping one", () => {
    const order = placedOrder(input('1001', ['creditCard'], local));
    expect(deliveryMode(order, input('1001', [], local).deliveryGroups)).toBe('local_delivery');
    expect(orderJourney(order, { now: NOW }).steps.map((step) => `${step.kind}:${step.state}`)).toEqual([
      'placed:done',
      'paid:done',
      'preparing:current',
      'delivered:upcoming',
    ]);
  });

  it('payment on delivery leaves payment pending; deferred payment is terms (preparing goes ahead)', () => {
    const cod = orderJourney(placedOrder(input('1001', ['paymentOnDelivery'])), { now: NOW });
    expect(cod.steps.map((step) => `${step.kind}:${step.state}`)).toEqual([
      'placed:done',
      'payment_pending:current',
      'preparing:upcoming',
      'delivered:upcoming',
    ]);
    const terms = placedOrder(input('1001', ['deferred']));
    expect(terms.payment_terms).toEqual({ name: 'deferred', due_at: NOW });
    // One step in progress: the goods are prepared now, the invoice is paid later.
    expect(orderJourney(terms, { now: NOW }).steps.map((step) => `${step.kind}:${step.state}`)).toEqual([
      'placed:done',
      'payment_pending:upcoming',
      'preparing:current',
      'delivered:upcoming',
    ]);
  });

  it('a gift card with a card is a sale even when cards are charged later; no method at all reads as paid', () => {
    expect(placedOrder({ ...input('1001', ['redeemable', 'creditCard']), cardsChargedLater: true }).transactions[0].kind).toBe('sale');
    expect(placedOrder({ ...input('1001', ['wallet']), cardsChargedLater: true }).transactions[0].kind).toBe('authorization');
    expect(placedOrder(input('1001', [])).transactions).toMatchObject([{ kind: 'sale', status: 'success' }]);
  });
});
