/**
 * An order with nothing in it yet but its name, times and currency: what an adapter starts from when the API
 * it reads carries only part of an order (the thank-you page, the Customer Account API), so every field the
 * model has is present and the ones the API lacks read as empty rather than undefined.
 */
import type { Order } from './model.ts';

export type BlankOrderFields = Pick<Order, 'id' | 'name' | 'created_at' | 'processed_at' | 'currency'> & Partial<Order>;

export function blankOrder(fields: BlankOrderFields): Order {
  return {
    description: '',
    email: '',
    phone: null,
    tags: [],
    note: null,
    attributes: {},
    billing_address: null,
    shipping_address: null,
    line_items: [],
    discount_applications: [],
    shipping_lines: [],
    tax_lines: [],
    total_price: 0,
    fulfillments: [],
    transactions: [],
    refunds: [],
    cancelled_at: null,
    cancel_reason: null,
    payment_terms: null,
    ...fields,
  };
}
