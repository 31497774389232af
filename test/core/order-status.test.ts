import { describe, expect, it } from 'vitest';
import type { Order, Transaction } from '@encore/core/model.ts';
import { financialStatus, fulfillmentStatus, lineItemState, lineItemStates, netPaid } from '@encore/core/order-status.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { fulfillment, line, order, refund, transaction } from './order-builder.ts';

const store = loadStore();
const casey = store.customers.find((customer) => customer.handle === 'casey')!;
/** A deep copy of one of casey's orders, to vary its history. */
const orderCopy = (name: string): Order => structuredClone(casey.orders.find((candidate) => candidate.name === name)!);
const tx = (kind: Transaction['kind'], amount: number, status: Transaction['status'] = 'success') => transaction(1, kind, amount, { status });

describe('financial status from transactions', () => {
  const subject = order({ line_items: [line(1, 1, { price: 5386 })] });

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
    expect(financialStatus({ ...subject, transactions })).toBe(expected);
  });

  it('payment terms without a payment yet are pending', () => {
    expect(financialStatus({ ...subject, transactions: [], payment_terms: { name: 'Net 30', due_at: '2026-04-17T00:00:00-04:00' } })).toBe('pending');
  });

  it('net paid is what was taken less what came back: 5386 − 386 = 5000', () => {
    expect(netPaid({ ...subject, transactions: [tx('sale', 5386), tx('refund', 386), tx('refund', 100, 'failure')] })).toBe(5000);
  });
});

describe('fulfillment status from fulfillments and refunds', () => {
  it('a cancelled fulfillment followed by a successful one', () => {
    const subject = orderCopy('#1005');
    subject.fulfillments.push({ ...subject.fulfillments[0], id: 2, status: 'success', cancelled_at: null, line_items: [{ line_item: 60051, quantity: 3 }] });
    expect(fulfillmentStatus(subject)).toBe('partial');
    expect(lineItemState(subject, subject.line_items[0])).toMatchObject({ fulfilled: 3, unfulfilled: 0 });
    expect(lineItemState(subject, subject.line_items[1])).toMatchObject({ fulfilled: 0, unfulfilled: 1 });
  });

  it('refunding the unfulfilled item removes it: the rest is fulfilled', () => {
    const subject = orderCopy('#1003');
    subject.refunds.push(refund(1, [[60033, 1]], 0, { restock: true }));
    expect(lineItemState(subject, subject.line_items[2])).toMatchObject({ fulfilled: 0, removed: 1, returned: 0, unfulfilled: 0 });
    expect(fulfillmentStatus(subject)).toBe('fulfilled');
  });

  it('refunding a shipped item is a return, the shipment stands', () => {
    const subject = orderCopy('#1007');
    expect(lineItemState(subject, subject.line_items[1])).toMatchObject({ fulfilled: 1, removed: 0, returned: 1, unfulfilled: 0 });
    expect(fulfillmentStatus(subject)).toBe('fulfilled');
  });

  it('a cancelled order refunded with a restock is "restocked", without one it is "unfulfilled"', () => {
    const subject = orderCopy('#1006');
    expect(fulfillmentStatus(subject)).toBe('restocked');
    subject.refunds[0].restock = false;
    expect(fulfillmentStatus(subject)).toBe('unfulfilled');
  });
});

describe("a line's fulfillment is its latest successful one by created_at", () => {
  const march = (day: number) => `2026-03-${String(day).padStart(2, '0')}T10:00:00-05:00`;

  it('listed out of time order: the one created last wins, not the one listed last', () => {
    const subject = order({
      line_items: [line(1, 3)],
      fulfillments: [fulfillment(11, [[1, 1]], { created_at: march(9) }), fulfillment(10, [[1, 2]], { created_at: march(3) })],
    });
    expect(lineItemState(subject, subject.line_items[0]).fulfillment!.id).toBe(11);
    expect(lineItemStates(subject)[0].fulfillment!.id).toBe(11);
  });

  it('a later cancelled fulfillment is never the one', () => {
    const subject = order({
      line_items: [line(1, 1)],
      fulfillments: [fulfillment(10, [[1, 1]], { created_at: march(3) }), fulfillment(11, [[1, 1]], { created_at: march(9), status: 'cancelled' })],
    });
    expect(lineItemState(subject, subject.line_items[0]).fulfillment!.id).toBe(10);
  });

  it('offsets count: 09:00 in Los Angeles is after 11:00 in New York the same day', () => {
    const subject = order({
      line_items: [line(1, 2)],
      fulfillments: [
        fulfillment(10, [[1, 1]], { created_at: '2026-03-04T09:00:00-08:00' }),
        fulfillment(11, [[1, 1]], { created_at: '2026-03-04T11:00:00-05:00' }),
      ],
    });
    expect(lineItemState(subject, subject.line_items[0]).fulfillment!.id).toBe(10);
  });

  it('an unreadable time loses to a readable one', () => {
    const subject = order({
      line_items: [line(1, 2)],
      fulfillments: [fulfillment(10, [[1, 1]], { created_at: march(3) }), fulfillment(11, [[1, 1]], { created_at: 'not a date' })],
    });
    expect(lineItemState(subject, subject.line_items[0]).fulfillment!.id).toBe(10);
  });
});

describe('lineItemStates', () => {
  const orders = store.customers.flatMap((customer) => customer.orders.map((candidate) => [`${customer.handle} ${candidate.name}`, candidate] as const));

  it.each(orders)('%s: the same states as lineItemState line by line', (_, subject) => {
    expect(lineItemStates(subject)).toEqual(subject.line_items.map((item) => lineItemState(subject, item)));
  });
});
