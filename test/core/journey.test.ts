import { describe, expect, it } from 'vitest';
import { orderJourney, type JourneyStep, type OrderJourney } from '@encore/core/journey.ts';
import type { Order } from '@encore/core/model.ts';
import { lineItemState } from '@encore/core/order-status.ts';
import { orderAtPlacement } from '@encore/fixtures/adapters/checkout.ts';
import { loadBundledStores } from '@encore/fixtures/bundled.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { fulfillment, line, order, PLACED_AT, refund, transaction } from './order-builder.ts';

const store = loadStore();
const NOW = store.shop.now!; // 2026-03-19T12:00:00-04:00
const casey = store.customers.find((customer) => customer.handle === 'casey')!;
const caseyOrder = (name: string): Order => structuredClone(casey.orders.find((candidate) => candidate.name === name)!);

const journey = (subject: Order, now: string | Date = NOW): OrderJourney => orderJourney(subject, { now });
/** `kind:state` of every step, oldest first: the timeline as a buyer would read it. */
const timeline = (result: OrderJourney): string[] => result.steps.map((step) => `${step.kind}:${step.state}`);
const step = (result: OrderJourney, kind: JourneyStep['kind']): JourneyStep | undefined => result.steps.find((candidate) => candidate.kind === kind);
const units = (result: OrderJourney, lineItemId: number) => {
  const { ordered, shipped, delivered, cancelled, refunded, restocked } = result.items.find((item) => item.lineItemId === lineItemId)!;
  return { ordered, shipped, delivered, cancelled, refunded, restocked };
};
const none = { ordered: 0, shipped: 0, delivered: 0, cancelled: 0, refunded: 0, restocked: 0 };

describe('1. partial fulfillment per item', () => {
  it('3 candles, 2 shipped: 2 shipped, 1 still ordered', () => {
    const result = journey(order({ line_items: [line(1, 3)], fulfillments: [fulfillment(10, [[1, 2]])] }));
    expect(units(result, 1)).toEqual({ ...none, ordered: 1, shipped: 2 });
    expect(result.items[0].shipments).toEqual([{ shipmentId: 10, quantity: 2 }]);
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'shipped:done', 'preparing:current', 'delivered:upcoming']);
    expect(result.headline).toBe('partially_shipped');
  });

  it('#1003: cedar candles delivered, trimmer on its way, diffuser still waiting', () => {
    const result = journey(caseyOrder('#1003'));
    expect(units(result, 60031)).toEqual({ ...none, delivered: 2 });
    expect(units(result, 60032)).toEqual({ ...none, shipped: 1 });
    expect(units(result, 60033)).toEqual({ ...none, ordered: 1 });
    expect(result.headline).toBe('partially_shipped');
  });
});

describe('2. a cancelled fulfillment puts its items back to waiting', () => {
  it('#1005: the cancelled shipment is listed apart, its items are ordered again', () => {
    const result = journey(caseyOrder('#1005'));
    expect(result.shipments).toEqual([]);
    expect(result.cancelledShipments.map((shipment) => [shipment.id, shipment.status, shipment.cancelledAt])).toEqual([
      [60551, 'cancelled', '2026-03-09T16:20:00-04:00'],
    ]);
    expect(units(result, 60051)).toEqual({ ...none, ordered: 3 });
    expect(units(result, 60052)).toEqual({ ...none, ordered: 1 });
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'fulfillment_cancelled:done', 'preparing:current', 'delivered:upcoming']);
    expect(step(result, 'fulfillment_cancelled')).toMatchObject({ at: '2026-03-09T16:20:00-04:00', shipmentId: 60551 });
    expect(step(result, 'shipped')).toBeUndefined();
    expect(result.headline).toBe('being_prepared');
  });

  it('a later successful fulfillment of the same candles ships them; the tray still waits', () => {
    const subject = caseyOrder('#1005');
    subject.fulfillments.push(fulfillment(60552, [[60051, 3]], { created_at: '2026-03-10T09:00:00-04:00' }));
    const result = journey(subject);
    expect(units(result, 60051)).toEqual({ ...none, shipped: 3 });
    expect(units(result, 60052)).toEqual({ ...none, ordered: 1 });
    expect(result.shipments.map((shipment) => shipment.id)).toEqual([60552]);
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'fulfillment_cancelled:done', 'shipped:done', 'preparing:current', 'delivered:upcoming']);
    expect(result.headline).toBe('partially_shipped');
  });
});

describe('3. a refund never undoes a delivered shipment', () => {
  it('refunding one of two delivered candles makes it a return; the shipment stays delivered', () => {
    const subject = order({
      line_items: [line(1, 2)],
      fulfillments: [fulfillment(10, [[1, 2]], { shipment_status: 'delivered' })],
      transactions: [transaction(1, 'sale', 2000), transaction(2, 'refund', 1000, { created_at: '2026-03-05T12:00:00-05:00' })],
      refunds: [refund(20, [[1, 1]], 1000)],
    });
    const result = journey(subject);
    expect(units(result, 1)).toEqual({ ...none, delivered: 1, refunded: 1 });
    expect(result.shipments[0]).toMatchObject({ status: 'delivered', delivered: true });
    expect(result.cancelledShipments).toEqual([]);
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'shipped:done', 'delivered:done', 'partially_refunded:done']);
    expect(step(result, 'partially_refunded')!.amount).toBe(1000);
    expect(result.payment).toMatchObject({ status: 'partially_refunded', paid: 2000, refunded: 1000, outstanding: 0 });
    expect(result.headline).toBe('delivered');
  });

  it('#1007: the bent snuffer is refunded, the amber candles delivered, the shipment delivered', () => {
    const result = journey(caseyOrder('#1007'));
    expect(units(result, 60071)).toEqual({ ...none, delivered: 2 });
    expect(units(result, 60072)).toEqual({ ...none, refunded: 1 });
    expect(result.shipments.every((shipment) => shipment.status === 'delivered')).toBe(true);
    expect(step(result, 'partially_refunded')).toMatchObject({ at: '2026-02-27T12:00:00-05:00', amount: 1742 });
    expect(result.headline).toBe('delivered');
  });

  it('refunding everything that was delivered leaves the order "refunded", the shipment still delivered', () => {
    const subject = order({
      line_items: [line(1, 1)],
      fulfillments: [fulfillment(10, [[1, 1]], { shipment_status: 'delivered' })],
      transactions: [transaction(1, 'sale', 1000), transaction(2, 'refund', 1000)],
      refunds: [refund(20, [[1, 1]], 1000, { restock: true })],
    });
    const result = journey(subject);
    expect(units(result, 1)).toEqual({ ...none, refunded: 1, restocked: 1 });
    expect(result.shipments[0].status).toBe('delivered');
    expect(step(result, 'refunded')).toMatchObject({ state: 'done', amount: 1000 });
    expect(result.headline).toBe('refunded');
  });
});

describe('4. refunding an unshipped item takes it off the order', () => {
  const subject = (restock: boolean) =>
    order({
      line_items: [line(1, 2), line(2, 1)],
      fulfillments: [fulfillment(10, [[1, 2]])],
      transactions: [transaction(1, 'sale', 3000), transaction(2, 'refund', 1000)],
      refunds: [refund(20, [[2, 1]], 1000, { restock })],
    });

  it('with a restock: cancelled and back in stock; the rest of the order is simply on its way', () => {
    const result = journey(subject(true));
    expect(units(result, 2)).toEqual({ ...none, cancelled: 1, restocked: 1 });
    expect(units(result, 1)).toEqual({ ...none, shipped: 2 });
    expect(step(result, 'preparing')).toBeUndefined();
    expect(result.headline).toBe('on_the_way');
  });

  it('without a restock: cancelled, not restocked', () => {
    expect(units(journey(subject(false)), 2)).toEqual({ ...none, cancelled: 1 });
  });
});

describe('5. payment', () => {
  it('#1002 bank deposit not received: payment pending, nothing prepared yet', () => {
    const result = journey(caseyOrder('#1002'));
    expect(result.payment).toEqual({ status: 'pending', overdue: false, dueAt: null, outstanding: 6082, securedByAuthorization: false, paid: 0, refunded: 0 });
    expect(timeline(result)).toEqual(['placed:done', 'payment_pending:current', 'preparing:upcoming', 'delivered:upcoming']);
    expect(result.headline).toBe('payment_pending');
  });

  it('authorized only: the card is secured, the order is prepared, nothing owed is "pending"', () => {
    const subject = order({ line_items: [line(1, 2)], transactions: [transaction(1, 'authorization', 2000, { created_at: '2026-03-01T09:00:03-05:00' })] });
    const result = journey(subject);
    expect(result.payment).toMatchObject({ status: 'authorized', overdue: false, outstanding: 2000, securedByAuthorization: true, paid: 0 });
    expect(step(result, 'payment_authorized')).toEqual({ kind: 'payment_authorized', at: '2026-03-01T09:00:03-05:00', state: 'done' });
    expect(step(result, 'preparing')!.state).toBe('current');
    expect(result.headline).toBe('being_prepared');
  });

  it('a gift card paid part and a card is authorized for the rest: partially paid, the rest secured, the order prepared', () => {
    // 20.00 owed: 12.50 taken from the gift card at once, 7.50 held on the card until the shop captures.
    const subject = order({
      line_items: [line(1, 2)],
      transactions: [
        transaction(1, 'sale', 1250, { gateway: 'gift_card', created_at: '2026-03-01T09:00:02-05:00' }),
        transaction(2, 'authorization', 750, { created_at: '2026-03-01T09:00:03-05:00' }),
      ],
    });
    const result = journey(subject);
    expect(result.payment).toMatchObject({ status: 'partially_paid', outstanding: 750, securedByAuthorization: true, paid: 1250 });
    expect(timeline(result)).toEqual(['placed:done', 'payment_authorized:done', 'preparing:current', 'delivered:upcoming']);
    expect(step(result, 'payment_authorized')!.at).toBe('2026-03-01T09:00:03-05:00');
    expect(result.headline).toBe('being_prepared');
    // Once the shop captures the 7.50, nothing is owed: paid, at the capture.
    const captured = { ...subject, transactions: [...subject.transactions, transaction(3, 'capture', 750, { created_at: '2026-03-02T10:00:00-05:00' })] };
    expect(journey(captured).payment).toMatchObject({ status: 'paid', outstanding: 0, securedByAuthorization: false, paid: 2000 });
    expect(step(journey(captured), 'paid')!.at).toBe('2026-03-02T10:00:00-05:00');
  });

  it('a part captured leaves the rest of the authorization securing what is owed; a voided one secures nothing', () => {
    const authorized = transaction(1, 'authorization', 2000, { created_at: '2026-03-01T09:00:03-05:00' });
    const part = journey(
      order({ line_items: [line(1, 2)], transactions: [authorized, transaction(2, 'capture', 800, { created_at: '2026-03-02T10:00:00-05:00' })] }),
    );
    expect(part.payment).toMatchObject({ status: 'partially_paid', outstanding: 1200, securedByAuthorization: true });
    expect(step(part, 'payment_authorized')!.state).toBe('done');
    const voided = journey(
      order({ line_items: [line(1, 2)], transactions: [authorized, transaction(2, 'void', 2000, { created_at: '2026-03-02T10:00:00-05:00' })] }),
    );
    expect(voided.payment).toMatchObject({ status: 'voided', outstanding: 2000, securedByAuthorization: false });
    expect(timeline(voided)).toEqual(['placed:done', 'payment_pending:current', 'preparing:upcoming', 'delivered:upcoming']);
    expect(voided.headline).toBe('payment_pending');
  });

  const net30 = (extra: Partial<Order> = {}) =>
    order({ line_items: [line(1, 1)], transactions: [], payment_terms: { name: 'Net 30', due_at: '2026-03-31T00:00:00-04:00' }, ...extra });

  it('net terms past due and unpaid: overdue', () => {
    const result = journey(net30(), '2026-04-02T09:00:00-04:00');
    expect(result.payment).toEqual({
      status: 'pending',
      overdue: true,
      dueAt: '2026-03-31T00:00:00-04:00',
      outstanding: 1000,
      securedByAuthorization: false,
      paid: 0,
      refunded: 0,
    });
    expect(step(result, 'payment_overdue')).toEqual({ kind: 'payment_overdue', at: '2026-03-31T00:00:00-04:00', state: 'problem' });
    expect(result.headline).toBe('payment_overdue');
  });

  it('net terms not yet due: paying is still to come (by the due date), and the goods are prepared meanwhile', () => {
    const result = journey(net30(), new Date('2026-03-19T16:00:00Z'));
    expect(result.payment.overdue).toBe(false);
    expect(step(result, 'payment_pending')).toEqual({ kind: 'payment_pending', at: '2026-03-31T00:00:00-04:00', state: 'upcoming' });
    expect(step(result, 'preparing')!.state).toBe('current');
    expect(result.steps.filter((candidate) => candidate.state === 'current')).toHaveLength(1);
    expect(result.headline).toBe('being_prepared');
  });

  it('net terms past due but paid: not overdue', () => {
    const subject = net30({ transactions: [transaction(1, 'sale', 1000, { created_at: '2026-03-20T10:00:00-04:00' })] });
    const result = journey(subject, '2026-04-02T09:00:00-04:00');
    expect(result.payment).toMatchObject({ status: 'paid', overdue: false, outstanding: 0 });
    expect(step(result, 'paid')).toEqual({ kind: 'paid', at: '2026-03-20T10:00:00-04:00', state: 'done' });
  });

  it('#1001 paid by one sale a few seconds after it was placed', () => {
    const result = journey(caseyOrder('#1001'));
    expect(result.payment).toEqual({ status: 'paid', overdue: false, dueAt: null, outstanding: 0, securedByAuthorization: false, paid: 5386, refunded: 0 });
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'preparing:current', 'delivered:upcoming']);
    expect(step(result, 'placed')!.at).toBe('2026-03-18T09:12:00-04:00');
    expect(step(result, 'paid')!.at).toBe('2026-03-18T09:12:05-04:00');
    expect(result.headline).toBe('being_prepared');
  });

  it('a free order is paid when placed', () => {
    const result = journey(order({ line_items: [line(1, 1, { price: 0 })] }));
    expect(step(result, 'paid')).toEqual({ kind: 'paid', at: PLACED_AT, state: 'done' });
  });

  it('now must be a date: the error says which option', () => {
    expect(() => orderJourney(order({ line_items: [line(1, 1)] }), { now: 'yesterday' })).toThrow('orderJourney: options.now is not a date: "yesterday"');
  });
});

describe('6. fulfillment on hold', () => {
  const hold = { reason: 'inventory_out_of_stock' as const, held_at: '2026-03-02T08:00:00-05:00' };

  it('shows on_hold instead of preparing while nothing has shipped', () => {
    const result = journey(order({ line_items: [line(1, 2)], fulfillment_hold: hold }));
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'on_hold:current', 'delivered:upcoming']);
    expect(step(result, 'on_hold')).toMatchObject({ at: '2026-03-02T08:00:00-05:00', reason: 'inventory_out_of_stock' });
    expect(result.headline).toBe('on_hold');
  });

  it('once something ships, the rest is being prepared again', () => {
    const result = journey(
      order({ line_items: [line(1, 2)], fulfillment_hold: hold, fulfillments: [fulfillment(10, [[1, 1]], { created_at: '2026-03-04T10:00:00-05:00' })] }),
    );
    expect(step(result, 'on_hold')).toBeUndefined();
    expect(step(result, 'preparing')!.state).toBe('current');
    expect(result.headline).toBe('partially_shipped');
  });
});

describe('7. digital-only orders', () => {
  const digital = (extra: Partial<Order> = {}) =>
    order({
      line_items: [line(1, 1, { product: 'candle-making-guide', requires_shipping: false }), line(2, 1, { product: 'gift-card', requires_shipping: false })],
      ...extra,
    });

  it('not fulfilled yet: nothing to prepare, no shipping steps, only the delivery to come', () => {
    const result = journey(digital());
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'delivered:upcoming']);
    expect(result.headline).toBe('digital_pending');
  });

  it('fulfilled: delivered digitally, never "in transit", even when a stale carrier status says so', () => {
    const result = journey(
      digital({
        fulfillments: [
          fulfillment(
            10,
            [
              [1, 1],
              [2, 1],
            ],
            { tracking_company: null, tracking_numbers: [], tracking_urls: [], shipment_status: 'in_transit', created_at: '2026-03-01T09:01:00-05:00' },
          ),
        ],
      }),
    );
    expect(result.shipments[0]).toMatchObject({ method: 'none', status: 'delivered', delivered: true, deliveredAt: '2026-03-01T09:01:00-05:00' });
    expect(units(result, 1)).toEqual({ ...none, delivered: 1 });
    expect(units(result, 2)).toEqual({ ...none, delivered: 1 });
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'delivered:done']);
    expect(result.headline).toBe('digital_delivered');
  });

  it('#1004: the PDF guide delivered digitally, the gift set shipped and delivered', () => {
    const result = journey(caseyOrder('#1004'));
    expect(result.shipments.map((shipment) => [shipment.id, shipment.method, shipment.status])).toEqual([
      [60451, 'none', 'delivered'],
      [60452, 'shipping', 'delivered'],
    ]);
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'delivered:done', 'shipped:done', 'delivered:done']);
    expect(result.headline).toBe('delivered');
  });
});

describe('8. local pickup', () => {
  const pickup = (readyAt: string | null) => ({
    location_name: 'Brooklyn studio',
    address: {
      first_name: '',
      last_name: '',
      company: 'Ember & Wick',
      address1: '12 Wythe Ave',
      address2: null,
      city: 'Brooklyn',
      province: 'New York',
      province_code: 'NY',
      country_code: 'US',
      zip: '11249',
      phone: null,
    },
    ready_at: readyAt,
  });

  it('not ready yet: being prepared, then ready at the Brooklyn studio, then picked up', () => {
    const result = journey(order({ line_items: [line(1, 1)], pickup: pickup(null) }));
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'preparing:current', 'ready_for_pickup:upcoming', 'picked_up:upcoming']);
    expect(step(result, 'ready_for_pickup')!.locationName).toBe('Brooklyn studio');
    expect(result.headline).toBe('being_prepared');
  });

  it('ready: the buyer should come to the Brooklyn studio', () => {
    const result = journey(order({ line_items: [line(1, 1)], pickup: pickup('2026-03-02T16:00:00-05:00') }));
    expect(step(result, 'ready_for_pickup')).toEqual({
      kind: 'ready_for_pickup',
      at: '2026-03-02T16:00:00-05:00',
      state: 'current',
      locationName: 'Brooklyn studio',
    });
    expect(step(result, 'preparing')).toBeUndefined();
    expect(result.headline).toBe('ready_for_pickup');
  });

  it('picked up: a fulfillment with the pickup delivery method', () => {
    const subject = order({
      line_items: [line(1, 1)],
      pickup: pickup('2026-03-02T16:00:00-05:00'),
      fulfillments: [
        fulfillment(10, [[1, 1]], {
          delivery_method: 'pickup',
          created_at: '2026-03-03T11:30:00-05:00',
          tracking_company: null,
          tracking_numbers: [],
          tracking_urls: [],
        }),
      ],
    });
    const result = journey(subject);
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'ready_for_pickup:done', 'picked_up:done']);
    expect(step(result, 'picked_up')).toEqual({
      kind: 'picked_up',
      at: '2026-03-03T11:30:00-05:00',
      state: 'done',
      shipmentId: 10,
      locationName: 'Brooklyn studio',
    });
    expect(units(result, 1)).toEqual({ ...none, delivered: 1 });
    expect(result.headline).toBe('picked_up');
  });
});

describe('9. cancelled orders', () => {
  it('an unpaid order cancelled for lack of stock: the reason shows and nothing is still to come', () => {
    const subject = order({
      line_items: [line(1, 2)],
      transactions: [transaction(1, 'sale', 2000, { status: 'pending' })],
      cancelled_at: '2026-03-03T10:00:00-05:00',
      cancel_reason: 'inventory',
    });
    const result = journey(subject);
    expect(timeline(result)).toEqual(['placed:done', 'cancelled:done']);
    expect(step(result, 'cancelled')).toEqual({ kind: 'cancelled', at: '2026-03-03T10:00:00-05:00', state: 'done', reason: 'inventory' });
    expect(units(result, 1)).toEqual({ ...none, cancelled: 2 });
    expect(result.payment).toMatchObject({ outstanding: 0, overdue: false });
    expect(result.headline).toBe('cancelled');
  });

  it('#1006: cancelled by the customer, refunded in full, items restocked', () => {
    const result = journey(caseyOrder('#1006'));
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'cancelled:done', 'refunded:done']);
    expect(step(result, 'cancelled')!.reason).toBe('customer');
    expect(step(result, 'refunded')).toMatchObject({ at: '2026-03-12T10:15:00-04:00', amount: 9523 });
    expect(units(result, 60061)).toEqual({ ...none, cancelled: 1, restocked: 1 });
    expect(units(result, 60062)).toEqual({ ...none, cancelled: 2, restocked: 2 });
    expect(result.steps.some((candidate) => candidate.state === 'upcoming' || candidate.state === 'current')).toBe(false);
    expect(result.headline).toBe('cancelled');
  });
});

describe('10. several shipments', () => {
  const twoShipments = (secondStatus: 'in_transit' | 'delivered') =>
    order({
      line_items: [line(1, 1), line(2, 2)],
      fulfillments: [
        fulfillment(10, [[1, 1]], { shipment_status: 'delivered', created_at: '2026-03-02T10:00:00-05:00' }),
        fulfillment(11, [[2, 2]], {
          shipment_status: secondStatus,
          created_at: '2026-03-03T10:00:00-05:00',
          tracking_company: 'USPS',
          tracking_numbers: ['9400A', '9400B'],
          tracking_urls: ['https://tools.usps.com/9400A'],
        }),
      ],
    });

  it('one shipped step per shipment, each with its carrier and tracking; not delivered while one is on its way', () => {
    const result = journey(twoShipments('in_transit'));
    const shipped = result.steps.filter((candidate) => candidate.kind === 'shipped');
    expect(shipped.map((candidate) => [candidate.shipmentId, candidate.carrier])).toEqual([
      [10, 'UPS'],
      [11, 'USPS'],
    ]);
    expect(shipped[1].tracking).toEqual([
      { number: '9400A', url: 'https://tools.usps.com/9400A' },
      { number: '9400B', url: null },
    ]);
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'shipped:done', 'delivered:done', 'shipped:done', 'delivered:upcoming']);
    expect(result.headline).toBe('on_the_way');
  });

  it('delivered once every shipping item is delivered', () => {
    const result = journey(twoShipments('delivered'));
    expect(result.steps.filter((candidate) => candidate.kind === 'delivered').map((candidate) => candidate.shipmentId)).toEqual([10, 11]);
    expect(step(result, 'delivered')!.state).toBe('done');
    expect(result.steps.some((candidate) => candidate.state === 'upcoming')).toBe(false);
    expect(result.headline).toBe('delivered');
  });
});

describe('11. carrier events', () => {
  const withEvents = (events: { status: any; happened_at: string }[], extra = {}) =>
    order({ line_items: [line(1, 1)], fulfillments: [fulfillment(10, [[1, 1]], { events, ...extra })] });
  const shippedAt = { status: 'in_transit', happened_at: '2026-03-02T18:00:00-05:00' };

  it.each([
    ['out_for_delivery', 'out_for_delivery', 'current', 'out_for_delivery'],
    ['delivered', 'delivered', 'done', 'delivered'],
    ['failure', 'delivery_failed', 'problem', 'delivery_problem'],
    ['attempted_delivery', 'attempted_delivery', 'problem', 'delivery_problem'],
    ['delayed', 'delayed', 'problem', 'delivery_problem'],
  ])('latest event %s → a %s step (%s), headline %s', (status, kind, state, headline) => {
    const result = journey(withEvents([shippedAt, { status, happened_at: '2026-03-04T09:30:00-05:00' }]));
    expect(result.shipments[0].status).toBe(status);
    expect(result.steps.at(state === 'done' ? -1 : -2)).toEqual({ kind, at: '2026-03-04T09:30:00-05:00', state, shipmentId: 10 });
    expect(result.headline).toBe(headline);
  });

  it('the latest event by time decides, whatever the array order', () => {
    const result = journey(
      withEvents([
        { status: 'delivered', happened_at: '2026-03-04T13:00:00-05:00' },
        { status: 'out_for_delivery', happened_at: '2026-03-04T08:00:00-05:00' },
        shippedAt,
      ]),
    );
    expect(result.shipments[0]).toMatchObject({ status: 'delivered', deliveredAt: '2026-03-04T13:00:00-05:00' });
    expect(result.shipments[0].latestEvent!.happened_at).toBe('2026-03-04T13:00:00-05:00');
  });

  it('times with different offsets compare as instants, not as text', () => {
    // 08:00-08:00 is 16:00 UTC, later than 10:00-05:00 (15:00 UTC).
    const result = journey(
      withEvents([
        { status: 'delayed', happened_at: '2026-03-04T08:00:00-08:00' },
        { status: 'out_for_delivery', happened_at: '2026-03-04T10:00:00-05:00' },
      ]),
    );
    expect(result.shipments[0].status).toBe('delayed');
  });

  it('without events the stored shipment status stands in; without either, "confirmed"', () => {
    expect(journey(withEvents([], { shipment_status: 'attempted_delivery' })).shipments[0].status).toBe('attempted_delivery');
    expect(journey(withEvents([])).shipments[0]).toMatchObject({ status: 'confirmed', delivered: false, deliveredAt: null });
  });

  it('#1003: the trimmer was delayed, then moving again: in transit, no problem', () => {
    const result = journey(caseyOrder('#1003'));
    expect(result.shipments.map((shipment) => [shipment.id, shipment.status, shipment.deliveredAt])).toEqual([
      [60351, 'delivered', '2026-03-05T14:32:00-05:00'],
      [60352, 'in_transit', null],
    ]);
    expect(result.steps.some((candidate) => candidate.state === 'problem')).toBe(false);
  });
});

describe('12. one step in progress at a time', () => {
  const storeOrder = (name: string): Order =>
    structuredClone(store.customers.flatMap((customer) => customer.orders).find((candidate) => candidate.name === name)!);
  const current = (result: OrderJourney) => result.steps.filter((candidate) => candidate.state === 'current').map((candidate) => candidate.kind);

  it('#1014 as placed (Net 30, due 7 March): the goods are prepared now, the invoice is paid later', () => {
    const placed = orderAtPlacement(storeOrder('#1014'));
    expect(placed.payment_terms!.due_at).toBe('2026-03-07T10:00:00-05:00');
    const result = journey(placed, placed.processed_at);
    expect(timeline(result)).toEqual(['placed:done', 'payment_pending:upcoming', 'preparing:current', 'delivered:upcoming']);
    expect(result.headline).toBe('being_prepared');
  });

  it('one parcel out for delivery while the rest is still prepared: the parcel is in progress, the rest comes after', () => {
    const result = journey(
      order({
        line_items: [line(1, 1), line(2, 1)],
        fulfillments: [fulfillment(10, [[1, 1]], { events: [{ status: 'out_for_delivery', happened_at: '2026-03-04T08:00:00-05:00' }] })],
      }),
    );
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'shipped:done', 'out_for_delivery:current', 'preparing:upcoming', 'delivered:upcoming']);
  });

  it('two parcels out for delivery: the one out first is in progress', () => {
    const out = (at: string) => ({ events: [{ status: 'out_for_delivery' as const, happened_at: at }] });
    const result = journey(
      order({
        line_items: [line(1, 1), line(2, 1)],
        fulfillments: [fulfillment(10, [[1, 1]], out('2026-03-04T09:00:00-05:00')), fulfillment(11, [[2, 1]], out('2026-03-04T08:00:00-05:00'))],
      }),
    );
    expect(result.steps.filter((candidate) => candidate.kind === 'out_for_delivery').map((candidate) => [candidate.shipmentId, candidate.state])).toEqual([
      [11, 'current'],
      [10, 'upcoming'],
    ]);
  });

  it('ready for pickup, to be paid at the counter: collecting is in progress, paying comes with it', () => {
    const result = journey(
      order({
        line_items: [line(1, 1)],
        transactions: [],
        pickup: { location_name: 'Brooklyn studio', address: storeOrder('#1010').pickup!.address, ready_at: '2026-03-02T16:00:00-05:00', instructions: null },
      }),
    );
    expect(current(result)).toEqual(['ready_for_pickup']);
    expect(step(result, 'payment_pending')!.state).toBe('upcoming');
  });

  const bundled = loadBundledStores().flatMap(({ name, store: shop }) =>
    shop.customers.flatMap((customer) => customer.orders.map((candidate) => [`${name} ${candidate.name}`, candidate, shop.shop.now!] as const)),
  );
  it.each(bundled)('%s: at most one step in progress, today and the moment it was placed', (_, subject, now) => {
    expect(current(journey(subject, now)).length).toBeLessThanOrEqual(1);
    const placed = orderAtPlacement(subject);
    expect(current(journey(placed, placed.processed_at)).length).toBeLessThanOrEqual(1);
  });
});

describe('every order in the default store', () => {
  const orders = store.customers.flatMap((customer) => customer.orders.map((candidate) => [`${customer.handle} ${candidate.name}`, candidate] as const));

  it.each(orders)('%s: units add up to the quantity ordered and match the fulfillment rules', (_, subject) => {
    const result = journey(subject);
    expect(result.items).toHaveLength(subject.line_items.length);
    subject.line_items.forEach((item, index) => {
      const { ordered, shipped, delivered, cancelled, refunded, restocked } = result.items[index];
      expect(ordered + shipped + delivered + cancelled + refunded).toBe(item.quantity);
      expect(Math.min(ordered, shipped, delivered, cancelled, refunded, restocked)).toBeGreaterThanOrEqual(0);
      expect(restocked).toBeLessThanOrEqual(cancelled + refunded);
      expect(shipped + delivered + refunded).toBe(lineItemState(subject, item).fulfilled);
    });
  });

  it.each(orders)('%s: the timeline starts when the order was placed and runs oldest first', (_, subject) => {
    const steps = journey(subject).steps;
    expect(steps[0]).toEqual({ kind: 'placed', at: subject.processed_at, state: 'done' });
    const times = steps.filter((candidate) => candidate.at !== null).map((candidate) => Date.parse(candidate.at!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('bad input does not crash', () => {
  it('a fulfillment naming a line the order lacks is left out of the shipment', () => {
    const result = journey(
      order({
        line_items: [line(1, 1)],
        fulfillments: [
          fulfillment(10, [
            [1, 1],
            [99, 4],
          ]),
        ],
      }),
    );
    expect(result.shipments[0].items).toEqual([{ lineItemId: 1, quantity: 1 }]);
    expect(units(result, 1)).toEqual({ ...none, shipped: 1 });
  });

  it('more units fulfilled than ordered count once', () => {
    const result = journey(order({ line_items: [line(1, 2)], fulfillments: [fulfillment(10, [[1, 2]]), fulfillment(11, [[1, 2]])] }));
    expect(units(result, 1)).toEqual({ ...none, shipped: 2 });
  });
});
