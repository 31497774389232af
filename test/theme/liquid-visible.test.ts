import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { orderJourney, type OrderJourney } from '@encore/core/journey.ts';
import { liquidVisibleOrder, visibleTrackingUrls } from '../support/liquid-visible.ts';
import type { Order } from '@encore/core/model.ts';
import { lineItemState } from '@encore/core/order-status.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { fulfillment, line, order, refund, transaction } from '../core/order-builder.ts';

const store = loadStore();
const NOW = store.shop.now!;
const storeOrder = (name: string): Order =>
  structuredClone(store.customers.flatMap((customer) => customer.orders).find((candidate) => candidate.name === name)!);
const visibleJourney = (subject: Order): OrderJourney => orderJourney(liquidVisibleOrder(subject), { now: NOW });
const timeline = (result: OrderJourney): string[] => result.steps.map((step) => `${step.kind}:${step.state}`);
const units = (result: OrderJourney, lineItemId: number) => {
  const { ordered, shipped, delivered, cancelled, refunded, restocked } = result.items.find((item) => item.lineItemId === lineItemId)!;
  return { ordered, shipped, delivered, cancelled, refunded, restocked };
};
const none = { ordered: 0, shipped: 0, delivered: 0, cancelled: 0, refunded: 0, restocked: 0 };

describe('fulfillments as line_item.fulfillment shows them', () => {
  it('drops cancelled fulfillments: #1005 has no shipment and its items wait again', () => {
    const visible = liquidVisibleOrder(storeOrder('#1005'));
    expect(visible.fulfillments).toEqual([]);
    const result = visibleJourney(storeOrder('#1005'));
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'preparing:current', 'delivered:upcoming']);
    expect(units(result, 60051)).toEqual({ ...none, ordered: 3 });
  });

  it('removes carrier events and shipment status: #1003 has two shipments, neither delivered by a carrier', () => {
    const visible = liquidVisibleOrder(storeOrder('#1003'));
    expect(visible.fulfillments.map((f) => [f.id, f.status, f.events, f.shipment_status, f.delivery_method])).toEqual([
      [60351, 'success', undefined, undefined, undefined],
      [60352, 'success', undefined, undefined, undefined],
    ]);
    const result = visibleJourney(storeOrder('#1003'));
    expect(result.shipments.map((shipment) => shipment.status)).toEqual(['confirmed', 'confirmed']);
    expect(units(result, 60031)).toEqual({ ...none, shipped: 2 });
    expect(units(result, 60032)).toEqual({ ...none, shipped: 1 });
    expect(units(result, 60033)).toEqual({ ...none, ordered: 1 });
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'shipped:done', 'shipped:done', 'preparing:current', 'delivered:upcoming']);
    expect(result.headline).toBe('partially_shipped');
  });

  it("counts the units of a fulfillment that is no line's latest toward the line's latest one", () => {
    const subject = order({
      line_items: [line(1, 3)],
      fulfillments: [
        fulfillment(10, [[1, 2]], { created_at: '2026-03-02T10:00:00-05:00' }),
        fulfillment(11, [[1, 1]], { created_at: '2026-03-03T10:00:00-05:00' }),
      ],
    });
    const visible = liquidVisibleOrder(subject);
    expect(visible.fulfillments.map((f) => [f.id, f.line_items])).toEqual([[11, [{ line_item: 1, quantity: 3 }]]]);
    expect(lineItemState(visible, visible.line_items[0]).fulfilled).toBe(lineItemState(subject, subject.line_items[0]).fulfilled);
    expect(timeline(visibleJourney(subject))).toEqual(['placed:done', 'paid:done', 'shipped:done', 'delivered:upcoming']);
  });

  it('lists fulfillments in the order the line items reach them, keeping entries of lines whose latest is elsewhere', () => {
    const subject = order({
      line_items: [line(1, 2), line(2, 1)],
      fulfillments: [
        fulfillment(
          10,
          [
            [1, 1],
            [2, 1],
          ],
          { created_at: '2026-03-02T10:00:00-05:00' },
        ),
        fulfillment(11, [[1, 1]], { created_at: '2026-03-03T10:00:00-05:00' }),
      ],
    });
    const visible = liquidVisibleOrder(subject);
    expect(visible.fulfillments.map((f) => [f.id, f.line_items.map((entry) => `${entry.line_item}×${entry.quantity}`)])).toEqual([
      [11, ['1×1']],
      [10, ['1×1', '2×1']],
    ]);
  });

  it("on equal times the fulfillment recorded later is the line's latest, as the drops say", () => {
    const at = '2026-03-02T10:00:00-05:00';
    const subject = order({
      line_items: [line(1, 2)],
      fulfillments: [fulfillment(10, [[1, 1]], { created_at: at }), fulfillment(11, [[1, 1]], { created_at: at })],
    });
    expect(liquidVisibleOrder(subject).fulfillments.map((f) => [f.id, f.line_items[0].quantity])).toEqual([[11, 2]]);
  });

  it('infers the delivery method as a template can: a local delivery of physical goods reads as shipping', () => {
    const subject = order({
      line_items: [line(1, 1)],
      fulfillments: [fulfillment(10, [[1, 1]], { delivery_method: 'local_delivery', shipment_status: 'delivered' })],
    });
    const result = visibleJourney(subject);
    expect(result.shipments[0].method).toBe('shipping');
    expect(result.headline).toBe('on_the_way');
  });

  it('keeps digital deliveries delivered: #1009 is inferred "none" from its lines', () => {
    const result = visibleJourney(storeOrder('#1009'));
    expect(result.shipments[0].method).toBe('none');
    expect(result.headline).toBe('digital_delivered');
    expect(units(result, 60092)).toEqual({ ...none, delivered: 1 });
  });
});

describe('tracking links', () => {
  it("derives every number's URL from the first when it names the first number (#1007's two UPS packages)", () => {
    const visible = liquidVisibleOrder(storeOrder('#1007'));
    expect(visible.fulfillments[0].tracking_urls).toEqual([
      'https://www.ups.com/track?tracknum=1Z999AA10123456800',
      'https://www.ups.com/track?tracknum=1Z999AA10123456819',
    ]);
  });

  it('gives only the first URL when it does not contain the number, none without numbers', () => {
    expect(visibleTrackingUrls({ tracking_numbers: ['A1', 'B2'], tracking_urls: ['https://carrier.example/t', 'https://carrier.example/u'] })).toEqual([
      'https://carrier.example/t',
    ]);
    expect(visibleTrackingUrls({ tracking_numbers: [], tracking_urls: ['https://carrier.example/t'] })).toEqual([]);
    expect(visibleTrackingUrls({ tracking_numbers: ['A1'], tracking_urls: [] })).toEqual([]);
  });
});

describe('money, terms, holds and pickup', () => {
  it("turns refund transactions into refunds with no items: #1007's snuffer stays shipped, the refund step stays", () => {
    const visible = liquidVisibleOrder(storeOrder('#1007'));
    expect(visible.refunds).toEqual([{ id: 60702, created_at: '2026-02-27T12:00:00-05:00', note: null, restock: false, line_items: [], amount: 1742 }]);
    const result = visibleJourney(storeOrder('#1007'));
    expect(units(result, 60072)).toEqual({ ...none, shipped: 1 });
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'shipped:done', 'partially_refunded:done', 'delivered:upcoming']);
  });

  it('ignores refund transactions that failed', () => {
    const subject = order({
      line_items: [line(1, 1)],
      transactions: [transaction(1, 'sale', 1000), transaction(2, 'refund', 1000, { status: 'failure' })],
      refunds: [refund(5, [[1, 1]], 0)],
    });
    expect(liquidVisibleOrder(subject).refunds).toEqual([]);
  });

  it('drops payment terms: #1014 is payment pending, never overdue, in the theme', () => {
    const full = orderJourney(storeOrder('#1014'), { now: NOW });
    expect(full.headline).toBe('payment_overdue');
    const result = visibleJourney(storeOrder('#1014'));
    expect(liquidVisibleOrder(storeOrder('#1014')).payment_terms).toBeNull();
    expect(result.headline).toBe('payment_pending');
    expect(result.payment.overdue).toBe(false);
    expect(timeline(result)).toEqual(['placed:done', 'shipped:done', 'payment_pending:current', 'delivered:upcoming']);
  });

  it('drops the fulfillment hold: #1011 reads as being prepared', () => {
    const result = visibleJourney(storeOrder('#1011'));
    expect(result.headline).toBe('being_prepared');
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'preparing:current', 'delivered:upcoming']);
  });

  it('keeps a pickup order a pickup, named by its shipping line, never ready before it is collected (#1010)', () => {
    const visible = liquidVisibleOrder(storeOrder('#1010'));
    expect(visible.pickup).toEqual({
      location_name: 'Brooklyn studio',
      address: expect.objectContaining({ address1: '', city: '' }),
      ready_at: null,
      instructions: null,
    });
    const result = visibleJourney(storeOrder('#1010'));
    expect(result.headline).toBe('being_prepared');
    expect(timeline(result)).toEqual(['placed:done', 'paid:done', 'preparing:current', 'ready_for_pickup:upcoming', 'picked_up:upcoming']);
  });

  it('sums duties into one, as order.total_duties does (#1012); no duties stay none', () => {
    expect(liquidVisibleOrder(storeOrder('#1012')).duties).toEqual([
      { title: '', price: storeOrder('#1012').duties!.reduce((sum, duty) => sum + duty.price, 0) },
    ]);
    expect(liquidVisibleOrder(storeOrder('#1001')).duties).toBeUndefined();
  });

  it("Shopify's Liquid order has no purchase order number or company, so the theme cannot show #1014's PO", () => {
    // shopify.dev's Liquid reference, machine-readable (https://shopify.dev/docs/api/liquid/objects/order).
    const objects: { name: string; properties?: { name: string }[] }[] = JSON.parse(
      readFileSync(createRequire(import.meta.url).resolve('@shopify/theme-check-docs-updater/data/objects.json'), 'utf8'),
    );
    const names = objects.find((object) => object.name === 'order')!.properties!.map((property) => property.name);
    expect(names).toEqual(expect.arrayContaining(['name', 'confirmation_number', 'attributes', 'financial_status', 'pickup_in_store?']));
    expect(names.filter((name) => /po_|purchase|company/.test(name))).toEqual([]);
    expect(storeOrder('#1014').po_number).toBe('PO-2026-0142');
    expect(liquidVisibleOrder(storeOrder('#1014')).po_number).toBeNull();
  });

  it('places the order at created_at and drops B2B details', () => {
    const subject = order({
      line_items: [line(1, 1)],
      processed_at: '2026-03-01T10:00:00-05:00',
      company: { name: 'Harbor', location: 'Boston' },
      po_number: 'PO-1',
    });
    const visible = liquidVisibleOrder(subject);
    expect([visible.processed_at, visible.company, visible.po_number]).toEqual([subject.created_at, null, null]);
  });
});

describe('purity', () => {
  it('leaves the order untouched and shares nothing mutable with it', () => {
    const subject = storeOrder('#1003');
    const before = structuredClone(subject);
    const visible = liquidVisibleOrder(subject);
    expect(subject).toEqual(before);
    visible.line_items[0].quantity = 99;
    visible.fulfillments[0].line_items[0].quantity = 99;
    visible.fulfillments[0].tracking_numbers.push('X');
    expect(subject).toEqual(before);
  });

  it('is idempotent: what Liquid sees of what Liquid sees is the same', () => {
    for (const customer of store.customers) {
      for (const subject of customer.orders) {
        const once = liquidVisibleOrder(subject);
        expect(liquidVisibleOrder(once), subject.name).toEqual(once);
      }
    }
  });
});
