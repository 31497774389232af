/**
 * An order as Shopify's Liquid can see it. The theme's `customers/order` page
 * runs on Shopify's servers and can only read Liquid's `order` object, which
 * knows far less than the Admin or Customer Account APIs: no fulfillment
 * status, no carrier events, no cancelled fulfillments, no refund object, no
 * payment terms, no fulfillment hold, no pickup location (shopify.dev's Liquid
 * `order` object). `liquidVisibleOrder(order)` removes from an order what
 * Liquid cannot see, so that `orderJourney(liquidVisibleOrder(order), { now })`
 * is exactly the journey the theme's Liquid can tell, and a test can prove the
 * theme and the core agree instead of the theme guessing.
 *
 * What Liquid sees, and the choice made for each part of the model:
 *
 * - `created_at` only: Liquid has no `processed_at`, so it becomes `created_at`.
 * - Line items, discounts, shipping lines, tax lines, note, attributes, tags,
 *   addresses, transactions (kind, status, amount, time, gateway, card):
 *   all visible, kept as they are.
 * - Fulfillments are reachable only as `line_item.fulfillment`: the latest
 *   successful fulfillment (by `created_at`, the later one recorded on a tie)
 *   holding that line. So:
 *   - cancelled fulfillments are dropped (only their effect shows: the units
 *     are unfulfilled again);
 *   - the visible fulfillments are the distinct `line_item.fulfillment`s, in
 *     the order a template meets them walking `order.line_items` (Liquid has
 *     no list of fulfillments, so no other order exists for it);
 *   - a successful fulfillment that is no line's latest is invisible, but its
 *     units still count in `line_item.successfully_fulfilled_quantity`: they
 *     are added to the same line's entry in that line's latest fulfillment,
 *     so every line keeps its fulfilled units and no shipment appears that
 *     Liquid cannot show;
 *   - `status` is "success"; `events`, `shipment_status` and `cancelled_at`
 *     are removed: Liquid has no carrier news, so nothing is ever "out for
 *     delivery", "delivered" by a carrier or delayed;
 *   - `delivery_method` is removed: the journey then infers it the way a
 *     template can (digital goods only → "none"; `order.pickup_in_store?` →
 *     "pickup"; otherwise "shipping");
 *   - tracking: Liquid gives every number but only the first URL
 *     (`fulfillment.tracking_url`). The other numbers' URLs are the first
 *     URL with the first number replaced by theirs (carriers' tracking links
 *     differ only by the number) when the first URL contains the first
 *     number; otherwise they have no URL.
 * - Refunds: Liquid has no refund object and cannot tell which units a
 *   refund removed, returned or restocked. Each successful `refund`
 *   transaction becomes one refund of its amount at its time, with no line
 *   items and no restock: refund steps still show, and item counts never
 *   claim a unit was refunded.
 * - `payment_terms`: not in Liquid; null. A terms order with money owed reads
 *   as "payment pending" and is never "overdue" in the theme.
 * - `fulfillment_hold`: not in Liquid; null. A held order reads as being prepared.
 * - `pickup`: Liquid knows only `order.pickup_in_store?`. The location's name
 *   is what Shopify titles a local pickup order's shipping line with (the
 *   location name), so it becomes `shipping_lines[0].title`; the address,
 *   readiness (`ready_at`) and instructions are unknown: an empty address,
 *   null, null. A pickup order is therefore never "ready for pickup" in
 *   the theme until it is picked up (fulfilled).
 * - `duties`: Liquid has only `order.total_duties`: one duty of that total,
 *   with an empty title.
 * - `taxes_included`: not an order attribute, but a template can tell it from
 *   the totals (subtotal + shipping + duties = total while taxes are
 *   charged), so it is kept.
 * - `company` and `po_number` (B2B): not in Liquid; null. Re-checked against
 *   shopify.dev's Liquid `order` object
 *   (https://shopify.dev/docs/api/liquid/objects/order) and its machine-readable
 *   copy (@shopify/theme-check-docs-updater data/objects.json): no purchase
 *   order number and no company among its properties (`company` is reached
 *   through a B2B customer's session, never from an order). The buyer sees
 *   the PO number through the Customer Account API's `Order.poNumber`, in the
 *   order-status block.
 *
 * Pure: the input is not changed, and the result shares no mutable parts with it.
 */
import { comparableTime } from '@encore/core/dates.ts';
import type { Address, Duty, Fulfillment, Order, Pickup, QuantityOfLineItem, Refund } from '@encore/core/model.ts';

/** A pickup location's address, which Liquid never shows for an order. */
const UNKNOWN_ADDRESS: Address = {
  first_name: '',
  last_name: '',
  company: null,
  address1: '',
  address2: null,
  city: '',
  province: null,
  province_code: null,
  country_code: '',
  zip: '',
  phone: null,
};

export function liquidVisibleOrder(order: Order): Order {
  const visible: Order = structuredClone(order);
  visible.processed_at = order.created_at;
  visible.fulfillments = visibleFulfillments(order);
  visible.refunds = visibleRefunds(order);
  visible.payment_terms = null;
  visible.fulfillment_hold = null;
  visible.pickup = order.pickup ? visiblePickup(order) : null;
  visible.duties = visibleDuties(order);
  visible.company = null;
  visible.po_number = null;
  return visible;
}

/**
 * Per line, the fulfillment `line_item.fulfillment` gives: the latest successful
 * one holding it by `created_at`, the one recorded later on equal times (the
 * drops' rule, `lineItemState`).
 */
function latestFulfillmentByLine(order: Order): Map<number, Fulfillment> {
  const latest = new Map<number, { fulfillment: Fulfillment; time: number }>();
  for (const fulfillment of order.fulfillments) {
    if (fulfillment.status !== 'success') continue;
    const time = comparableTime(fulfillment.created_at);
    for (const entry of fulfillment.line_items) {
      const current = latest.get(entry.line_item);
      if (current === undefined || time >= current.time) latest.set(entry.line_item, { fulfillment, time });
    }
  }
  return new Map([...latest].map(([lineId, { fulfillment }]) => [lineId, fulfillment]));
}

function visibleFulfillments(order: Order): Fulfillment[] {
  const latest = latestFulfillmentByLine(order);
  // The distinct latest fulfillments, in the order a template meets them in `order.line_items`.
  const shown: Fulfillment[] = [];
  for (const line of order.line_items) {
    const fulfillment = latest.get(line.id);
    if (fulfillment && !shown.includes(fulfillment)) shown.push(fulfillment);
  }
  const entries = new Map<Fulfillment, QuantityOfLineItem[]>(shown.map((fulfillment) => [fulfillment, fulfillment.line_items.map((entry) => ({ ...entry }))]));
  // Units shipped in fulfillments Liquid cannot reach count toward their line's latest one.
  for (const fulfillment of order.fulfillments) {
    if (fulfillment.status !== 'success' || entries.has(fulfillment)) continue;
    for (const entry of fulfillment.line_items) {
      const target = latest.get(entry.line_item);
      if (!target) continue;
      const list = entries.get(target)!;
      const same = list.find((candidate) => candidate.line_item === entry.line_item);
      if (same) same.quantity += entry.quantity;
      else list.push({ ...entry });
    }
  }
  return shown.map((fulfillment) => ({
    id: fulfillment.id,
    created_at: fulfillment.created_at,
    status: 'success',
    tracking_company: fulfillment.tracking_company,
    tracking_numbers: [...fulfillment.tracking_numbers],
    tracking_urls: visibleTrackingUrls(fulfillment),
    line_items: entries.get(fulfillment)!,
  }));
}

/**
 * `fulfillment.tracking_url` is the first URL, and only while there is a
 * tracking number. The others are derived from it when it names the first
 * number; the array stops where no URL can be derived (the journey reads a
 * missing entry as "no URL").
 */
export function visibleTrackingUrls(fulfillment: Pick<Fulfillment, 'tracking_numbers' | 'tracking_urls'>): string[] {
  const numbers = fulfillment.tracking_numbers;
  const first = fulfillment.tracking_urls[0];
  if (numbers.length === 0 || first === undefined) return [];
  const firstNumber = numbers[0];
  if (firstNumber === '' || !first.includes(firstNumber)) return [first];
  return numbers.map((number, index) => (index === 0 ? first : first.split(firstNumber).join(number)));
}

function visibleRefunds(order: Order): Refund[] {
  return order.transactions
    .filter((transaction) => transaction.kind === 'refund' && transaction.status === 'success')
    .map((transaction) => ({ id: transaction.id, created_at: transaction.created_at, note: null, restock: false, line_items: [], amount: transaction.amount }));
}

function visiblePickup(order: Order): Pickup {
  return { location_name: order.shipping_lines[0]?.title ?? '', address: { ...UNKNOWN_ADDRESS }, ready_at: null, instructions: null };
}

function visibleDuties(order: Order): Duty[] | undefined {
  if (order.duties === undefined) return undefined;
  const total = order.duties.reduce((sum, duty) => sum + duty.price, 0);
  return order.duties.length > 0 ? [{ title: '', price: total }] : [];
}
