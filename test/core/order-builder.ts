/**
 * Small hand-built orders for the order rules: only what a rule needs is
 * spelled out in a test, everything else takes a plain default (placed
 * 2026-03-01 09:00 New York time, $10.00 a unit, paid in full by one sale).
 */
import type { Fulfillment, LineItem, Order, Refund, Transaction } from '@encore/core/model.ts';
import { blankOrder } from '@encore/core/blank-order.ts';

export const PLACED_AT = '2026-03-01T09:00:00-05:00';
export const UNIT_PRICE = 1000;

export function line(id: number, quantity: number, extra: Partial<LineItem> = {}): LineItem {
  return {
    id,
    product: 'amber-candle',
    variant_id: 4001,
    quantity,
    price: UNIT_PRICE,
    properties: {},
    discount_allocations: [],
    requires_shipping: true,
    ...extra,
  };
}

/** A successful fulfillment by UPS of `[line id, quantity]` pairs. */
export function fulfillment(id: number, items: [number, number][], extra: Partial<Fulfillment> = {}): Fulfillment {
  return {
    id,
    created_at: '2026-03-02T10:00:00-05:00',
    status: 'success',
    tracking_company: 'UPS',
    tracking_numbers: [`1Z${id}`],
    tracking_urls: [`https://www.ups.com/track?tracknum=1Z${id}`],
    line_items: items.map(([lineItem, quantity]) => ({ line_item: lineItem, quantity })),
    ...extra,
  };
}

export function transaction(id: number, kind: Transaction['kind'], amount: number, extra: Partial<Transaction> = {}): Transaction {
  return { id, kind, status: 'success', gateway: 'shopify_payments', amount, created_at: '2026-03-01T09:00:05-05:00', card: null, ...extra };
}

export function refund(id: number, items: [number, number][], amount: number, extra: Partial<Refund> = {}): Refund {
  return {
    id,
    created_at: '2026-03-05T12:00:00-05:00',
    note: null,
    restock: false,
    line_items: items.map(([lineItem, quantity]) => ({ line_item: lineItem, quantity })),
    amount,
    ...extra,
  };
}

/** An order of `line_items`, its total the units' prices, paid by one sale unless `transactions` says otherwise. */
export function order(extra: Partial<Order> & { line_items: LineItem[] }): Order {
  const total = extra.total_price ?? extra.line_items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  return blankOrder({
    id: 1,
    name: '#9001',
    description: 'hand-built',
    created_at: PLACED_AT,
    processed_at: PLACED_AT,
    currency: 'USD',
    email: 'buyer@example.com',
    total_price: total,
    transactions: total > 0 ? [transaction(1, 'sale', total)] : [],
    ...extra,
  });
}
