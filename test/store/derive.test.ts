import { describe, expect, it } from 'vitest';
import { financialStatus, fulfillmentStatus, lineItemState } from '../../scripts/store/derive.ts';
import { loadStore } from '../../scripts/store/load.ts';
import type { Order, Transaction } from '../../scripts/store/types.ts';

const store = loadStore();
const casey = store.customers.find((customer) => customer.handle === 'casey')!;
/** A deep copy of one of casey's orders, to vary its history. */
const orderCopy = (name: string): Order => structuredClone(casey.orders.find((order) => order.name === name)!);
let nextId = 1;
const tx = (kind: Transaction['kind'], amount: number, status: Transaction['status'] = 'success'): Transaction =>
  ({ id: nextId++, kind, status, gateway: 'shopify_payments', amount, created_at: '2026-03-01T00:00:00Z', card: null });

describe('financial status from transactions', () => {
  const order = orderCopy('#1001'); // total 5386

  it.each([
    ['no transactions at all', [], 'pending'],
    ['a pending sale', [tx('sale', 5386, 'pending')], 'pending'],
    ['a failed sale', [tx('sale', 5386, 'failure')], 'pending'],
    ['an authorization', [tx('authorization', 5386)], 'authorized'],
    ['an authorization then a void', [tx('authorization', 5386), tx('void', 5386)], 'voided'],
    ['a capture of part of the total', [tx('authorization', 5386), tx('capture', 2000)], 'partially_paid'],
    ['a sale of the total', [tx('sale', 5386)], 'paid'],
    ['a refund of part of it', [tx('sale', 5386), tx('refund', 386)], 'partially_refunded'],
    ['a refund of all of it', [tx('sale', 5386), tx('refund', 5386)], 'refunded'],
  ] as [string, Transaction[], string][])('%s → %s', (_, transactions, expected) => {
    expect(financialStatus({ ...order, transactions })).toBe(expected);
  });

  it('payment terms without a payment yet are pending', () => {
    expect(financialStatus({ ...order, transactions: [], payment_terms: { name: 'Net 30', due_at: '2026-04-17T00:00:00-04:00' } })).toBe('pending');
  });
});

describe('fulfillment status from fulfillments and refunds', () => {
  it('a cancelled fulfillment followed by a successful one', () => {
    const order = orderCopy('#1005');
    order.fulfillments.push({ ...order.fulfillments[0], id: 2, status: 'success', line_items: [{ line_item: 60051, quantity: 3 }] });
    expect(fulfillmentStatus(order)).toBe('partial');
    expect(lineItemState(order, order.line_items[0])).toMatchObject({ fulfilled: 3, unfulfilled: 0 });
    expect(lineItemState(order, order.line_items[1])).toMatchObject({ fulfilled: 0, unfulfilled: 1 });
  });

  it('refunding the unfulfilled item removes it: the rest is fulfilled', () => {
    const order = orderCopy('#1003');
    order.refunds.push({ id: 1, created_at: '2026-03-10T00:00:00Z', note: null, restock: true, line_items: [{ line_item: 60033, quantity: 1 }], amount: 0 });
    expect(lineItemState(order, order.line_items[2])).toMatchObject({ fulfilled: 0, removed: 1, returned: 0, unfulfilled: 0 });
    expect(fulfillmentStatus(order)).toBe('fulfilled');
  });

  it('refunding a shipped item is a return, the shipment stands', () => {
    const order = orderCopy('#1007');
    expect(lineItemState(order, order.line_items[1])).toMatchObject({ fulfilled: 1, removed: 0, returned: 1, unfulfilled: 0 });
    expect(fulfillmentStatus(order)).toBe('fulfilled');
  });

  it('a cancelled order refunded without restock is not "restocked"', () => {
    const order = orderCopy('#1006');
    order.refunds[0].restock = false;
    expect(fulfillmentStatus(order)).toBe('unfulfilled');
  });
});
