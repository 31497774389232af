/**
 * The buyer-facing journey of an order: what every surface (thank-you and
 * order-status extensions, the theme's account pages) tells the buyer, worked
 * out once from the order's payments, fulfillments and refunds. The Liquid
 * theme reproduces these rules, so each is a small pure function below.
 *
 * Model, in the order it is computed:
 *
 * 1. Shipments: one per fulfillment. A fulfillment's delivery method is its
 *    own `delivery_method`; else "none" when every item in it is digital
 *    (`requires_shipping: false`); else "pickup" when the order is a pickup
 *    order; else "shipping". Its status: "cancelled" for a cancelled
 *    fulfillment; "delivered" for "none" (delivered digitally, never in
 *    transit); "picked_up" for "pickup"; otherwise the status of the latest
 *    carrier event by `happened_at`, else `shipment_status`, else "confirmed".
 *    Delivered = status "delivered" or "picked_up".
 * 2. Items: every unit of a line is in exactly one bucket, so
 *    ordered + shipped + delivered + cancelled + refunded = quantity.
 *    Units in successful fulfillments are delivered when their shipment is
 *    delivered (or the line is digital), else shipped. Refunded units are
 *    "cancelled" while unshipped units remain, beyond that "refunded"
 *    (returns, taken from delivered units first). A cancelled order cancels
 *    every unit still waiting. `restocked` counts how many of the cancelled and
 *    refunded units a restocking refund put back; it is not a bucket.
 * 3. Payment: outstanding = total − captured/sold, 0 once cancelled. Overdue
 *    = payment terms due before `now` with money outstanding.
 * 4. Steps, each `{ kind, at, state }`:
 *    placed (done, processed_at) → one payment step → per shipment its steps
 *    → fulfillment_cancelled per cancelled fulfillment (done, cancelled_at)
 *    → what is still waiting → one step per refund that returned money →
 *    cancelled (done, with the reason). Then sorted oldest first
 *    by `at`; a step without a time sorts at its shipment's `created_at`, or
 *    after every dated step when it has no shipment (stable: ties keep the
 *    order above). A cancelled order drops every step not done or problem.
 *    At most one step is current: the earliest (`oneStepUnderWay`).
 * 5. Headline: the first rule that holds in `headlineOf`.
 *
 * `now` is always passed in: nothing here reads the clock.
 */
import { comparableTime, latestIndex, timeOf } from './dates.ts';
import type { Fulfillment, FulfillmentEvent, LineItem, Order, ShipmentStatus } from './model.ts';
import { financialStatus, lineItemStates, payments, type FinancialStatus } from './order-status.ts';

export type JourneyStepKind =
  | 'placed'
  | 'payment_pending'
  | 'payment_authorized'
  | 'paid'
  | 'payment_overdue'
  | 'on_hold'
  | 'preparing'
  | 'shipped'
  | 'out_for_delivery'
  | 'delivered'
  | 'delivery_failed'
  | 'attempted_delivery'
  | 'delayed'
  | 'ready_for_pickup'
  | 'picked_up'
  | 'fulfillment_cancelled'
  | 'cancelled'
  | 'refunded'
  | 'partially_refunded';

/** done: it happened. current: under way now. upcoming: still to come. problem: something went wrong. */
export type JourneyStepState = 'done' | 'current' | 'upcoming' | 'problem';

export interface TrackingNumber {
  number: string;
  /** The carrier's page for it; null when the fulfillment gives none. */
  url: string | null;
}

export interface JourneyStep {
  kind: JourneyStepKind;
  /** When it happened (done), started (current) or is due (payment steps); null when not known or not reached. */
  at: string | null;
  state: JourneyStepState;
  /** The fulfillment this step belongs to, for shipment steps. */
  shipmentId?: number;
  /** shipped: the carrier, null when the merchant gave none. */
  carrier?: string | null;
  /** shipped: every tracking number with its URL. */
  tracking?: TrackingNumber[];
  /** cancelled: the order's `cancel_reason`; on_hold: the hold's reason. */
  reason?: string | null;
  /** ready_for_pickup / picked_up on a pickup order: where to collect it. */
  locationName?: string;
  /** refunded / partially_refunded: money returned by this refund, in subunits. */
  amount?: number;
}

export type DeliveryMethod = 'shipping' | 'local_delivery' | 'pickup' | 'none';

export interface ShipmentItem {
  lineItemId: number;
  quantity: number;
}

export interface ShipmentJourney {
  id: number;
  status: ShipmentStatus | 'cancelled';
  method: DeliveryMethod;
  carrier: string | null;
  tracking: TrackingNumber[];
  items: ShipmentItem[];
  createdAt: string;
  /** The carrier event that decided the status, if any (its message and city are worth showing). */
  latestEvent: FulfillmentEvent | null;
  delivered: boolean;
  /** When it was delivered or collected; null when not delivered or the carrier gave no time. */
  deliveredAt: string | null;
  /** Cancelled shipments only; null when the time was not recorded. */
  cancelledAt: string | null;
}

export interface ItemJourney {
  lineItemId: number;
  /** Product handle. */
  product: string;
  variantId: number;
  quantity: number;
  requiresShipping: boolean;
  /** Waiting to be fulfilled. */
  ordered: number;
  /** In a shipment not delivered yet. */
  shipped: number;
  delivered: number;
  /** Taken off the order before it shipped (refund or order cancellation). */
  cancelled: number;
  /** Refunded after it shipped: a return. */
  refunded: number;
  /** Of the cancelled and refunded units, how many went back to stock. */
  restocked: number;
  /** Successful shipments holding this line, with the units in each. */
  shipments: { shipmentId: number; quantity: number }[];
}

export interface PaymentJourney {
  status: FinancialStatus;
  overdue: boolean;
  /** Payment terms' due date; null without terms. */
  dueAt: string | null;
  /** Subunits still owed. */
  outstanding: number;
  /**
   * What is owed is held by authorizations the shop has yet to capture (a card authorized at checkout, alone or
   * beside a gift card that paid the rest): the buyer's part is done, the shop charges when it captures.
   */
  securedByAuthorization: boolean;
  /** Subunits captured or sold. */
  paid: number;
  refunded: number;
}

export type Headline =
  | 'cancelled'
  | 'payment_overdue'
  | 'payment_pending'
  | 'refunded'
  | 'delivery_problem'
  | 'picked_up'
  | 'digital_delivered'
  | 'delivered'
  | 'ready_for_pickup'
  | 'out_for_delivery'
  | 'partially_shipped'
  | 'on_the_way'
  | 'on_hold'
  | 'being_prepared'
  | 'digital_pending';

export interface OrderJourney {
  headline: Headline;
  steps: JourneyStep[];
  items: ItemJourney[];
  /** Successful fulfillments, in the order's order. */
  shipments: ShipmentJourney[];
  /** Cancelled fulfillments: their items are waiting again. */
  cancelledShipments: ShipmentJourney[];
  payment: PaymentJourney;
}

export interface JourneyOptions {
  /** The moment the buyer looks: decides whether payment is overdue. */
  now: string | Date;
}

export function orderJourney(order: Order, options: JourneyOptions): OrderJourney {
  const now = timeOf(options.now);
  if (Number.isNaN(now)) throw new RangeError(`orderJourney: options.now is not a date: ${JSON.stringify(String(options.now))}`);

  const lines = new Map<number, LineItem>();
  for (const line of order.line_items) lines.set(line.id, line);

  const shipments: ShipmentJourney[] = [];
  const cancelledShipments: ShipmentJourney[] = [];
  for (const fulfillment of order.fulfillments) {
    const shipment = shipmentJourney(order, fulfillment, lines);
    (fulfillment.status === 'success' ? shipments : cancelledShipments).push(shipment);
  }

  const items = itemJourneys(order, shipments);
  const payment = paymentJourney(order, now);
  const facts = orderFacts(order, items, shipments, payment);

  const steps: JourneyStep[] = [{ kind: 'placed', at: order.processed_at ?? order.created_at, state: 'done' }];
  const paid = paymentStep(order, payment);
  if (paid) steps.push(paid);
  for (const shipment of shipments) steps.push(...shipmentSteps(order, shipment));
  for (const shipment of cancelledShipments) {
    steps.push({ kind: 'fulfillment_cancelled', at: shipment.cancelledAt, state: 'done', shipmentId: shipment.id });
  }
  steps.push(...waitingSteps(order, facts));
  steps.push(...refundSteps(order, payment));
  if (order.cancelled_at !== null) steps.push({ kind: 'cancelled', at: order.cancelled_at, state: 'done', reason: order.cancel_reason });

  return {
    headline: headlineOf(order, facts, payment),
    steps: oneStepUnderWay(timeline(order, steps, shipments, cancelledShipments)),
    items,
    shipments,
    cancelledShipments,
    payment,
  };
}

// ---------------------------------------------------------------- shipments

const isDigital = (line: LineItem | undefined): boolean => line !== undefined && line.requires_shipping === false;

/**
 * Shopify records how each fulfillment reaches the buyer; fixtures may leave it
 * out. A fulfillment of digital goods only carries nothing, and a pickup
 * order's fulfillments are collections.
 */
export function deliveryMethod(order: Order, fulfillment: Fulfillment, lines: ReadonlyMap<number, LineItem>): DeliveryMethod {
  if (fulfillment.delivery_method) return fulfillment.delivery_method;
  if (fulfillment.line_items.length > 0 && fulfillment.line_items.every((entry) => isDigital(lines.get(entry.line_item)))) return 'none';
  if (order.pickup) return 'pickup';
  return 'shipping';
}

/**
 * The carrier's latest word decides (by time, whatever the array order); the
 * stored `shipment_status` stands in when there are no events. A digital
 * delivery is delivered the moment it is fulfilled, and a pickup fulfillment
 * is only created when the buyer collects.
 */
export function shipmentStatus(fulfillment: Fulfillment, method: DeliveryMethod): { status: ShipmentStatus | 'cancelled'; event: FulfillmentEvent | null } {
  if (fulfillment.status === 'cancelled') return { status: 'cancelled', event: null };
  if (method === 'none') return { status: 'delivered', event: null };
  if (method === 'pickup') return { status: 'picked_up', event: null };
  const events = fulfillment.events ?? [];
  const latest = latestIndex(events, (event) => event.happened_at);
  if (latest >= 0) return { status: events[latest].status, event: events[latest] };
  return { status: fulfillment.shipment_status ?? 'confirmed', event: null };
}

function shipmentJourney(order: Order, fulfillment: Fulfillment, lines: ReadonlyMap<number, LineItem>): ShipmentJourney {
  const method = deliveryMethod(order, fulfillment, lines);
  const { status, event } = shipmentStatus(fulfillment, method);
  const delivered = status === 'delivered' || status === 'picked_up';
  const numbers = fulfillment.tracking_numbers ?? [];
  const urls = fulfillment.tracking_urls ?? [];
  let deliveredAt: string | null = null;
  if (delivered) deliveredAt = method === 'none' || method === 'pickup' ? fulfillment.created_at : (event?.happened_at ?? null);
  return {
    id: fulfillment.id,
    status,
    method,
    carrier: fulfillment.tracking_company ?? null,
    tracking: numbers.map((number, index) => ({ number, url: urls[index] ?? null })),
    // An entry naming a line the order does not have cannot be shown; the loader reports it.
    items: fulfillment.line_items.filter((entry) => lines.has(entry.line_item)).map((entry) => ({ lineItemId: entry.line_item, quantity: entry.quantity })),
    createdAt: fulfillment.created_at,
    latestEvent: event,
    delivered,
    deliveredAt,
    cancelledAt: fulfillment.status === 'cancelled' ? (fulfillment.cancelled_at ?? null) : null,
  };
}

// -------------------------------------------------------------------- items

/**
 * Per-unit buckets. Quantities come from `lineItemState` (cancelled
 * fulfillments count for nothing; refunds remove unshipped units first and
 * never undo a shipment); this only splits the fulfilled units by whether
 * their shipment arrived, and lets an order cancellation cancel what waits.
 */
function itemJourneys(order: Order, shipments: ShipmentJourney[]): ItemJourney[] {
  const inShipments = new Map<number, { shipment: ShipmentJourney; quantity: number }[]>();
  for (const shipment of shipments) {
    for (const item of shipment.items) {
      let list = inShipments.get(item.lineItemId);
      if (!list) inShipments.set(item.lineItemId, (list = []));
      list.push({ shipment, quantity: item.quantity });
    }
  }
  const restockedUnits = new Map<number, number>();
  for (const refund of order.refunds) {
    if (!refund.restock) continue;
    for (const entry of refund.line_items) restockedUnits.set(entry.line_item, (restockedUnits.get(entry.line_item) ?? 0) + entry.quantity);
  }
  const states = lineItemStates(order);
  const cancelledOrder = order.cancelled_at !== null;

  return order.line_items.map((line, index) => {
    const state = states[index];
    const entries = inShipments.get(line.id) ?? [];
    let arrived = 0;
    for (const entry of entries) if (entry.shipment.delivered || isDigital(line)) arrived += entry.quantity;
    const deliveredBeforeReturns = Math.min(arrived, state.fulfilled);
    // A buyer returns what reached them; only what is left comes out of units still in transit.
    const returnedDelivered = Math.min(state.returned, deliveredBeforeReturns);
    const delivered = deliveredBeforeReturns - returnedDelivered;
    const shipped = state.fulfilled - deliveredBeforeReturns - (state.returned - returnedDelivered);
    // Cancelling an order stops everything not yet fulfilled, refunded or not.
    const ordered = cancelledOrder ? 0 : state.unfulfilled;
    const cancelled = state.removed + (cancelledOrder ? state.unfulfilled : 0);
    return {
      lineItemId: line.id,
      product: line.product,
      variantId: line.variant_id,
      quantity: line.quantity,
      requiresShipping: line.requires_shipping !== false,
      ordered,
      shipped,
      delivered,
      cancelled,
      refunded: state.returned,
      restocked: Math.min(restockedUnits.get(line.id) ?? 0, state.removed + state.returned),
      shipments: entries.map((entry) => ({ shipmentId: entry.shipment.id, quantity: entry.quantity })),
    };
  });
}

// ------------------------------------------------------------------ payment

/**
 * Overdue is a property of payment terms (Shopify's `PaymentTerms.overdue`),
 * not a financial status: the due date has passed and money is still owed.
 * A cancelled order owes nothing.
 */
export function paymentJourney(order: Order, now: number): PaymentJourney {
  const { paid, refunded, authorized, captured, voided } = payments(order);
  const outstanding = order.cancelled_at !== null ? 0 : Math.max(0, order.total_price - paid);
  const dueAt = order.payment_terms?.due_at ?? null;
  const uncaptured = Math.max(0, authorized - captured - voided);
  return {
    status: financialStatus(order),
    overdue: dueAt !== null && outstanding > 0 && timeOf(dueAt) < now,
    dueAt,
    outstanding,
    securedByAuthorization: outstanding > 0 && uncaptured >= outstanding,
    paid,
    refunded,
  };
}

/** Latest successful transaction of these kinds. */
function latestTransactionAt(order: Order, kinds: readonly string[]): string | null {
  const found = order.transactions.filter((transaction) => transaction.status === 'success' && kinds.includes(transaction.kind));
  const latest = latestIndex(found, (transaction) => transaction.created_at);
  return latest >= 0 ? found[latest].created_at : null;
}

/**
 * One payment step. Paid once nothing is owed and money was taken (free orders
 * are paid when placed). Authorizations that cover what is owed (a card alone,
 * or beside a gift card that paid the rest) are the buyer's part done: the card
 * is charged when the merchant captures. Otherwise payment is pending: now
 * (a bank deposit, a manual method) or later (terms not yet due), or overdue. A cancelled order
 * that took no money shows no payment step beyond an authorization.
 */
function paymentStep(order: Order, payment: PaymentJourney): JourneyStep | null {
  const authorizedAt = () => latestTransactionAt(order, ['authorization']);
  if (payment.outstanding === 0) {
    if (payment.paid > 0) return { kind: 'paid', at: latestTransactionAt(order, ['capture', 'sale']), state: 'done' };
    if (order.total_price === 0) return { kind: 'paid', at: order.processed_at, state: 'done' };
    const at = authorizedAt();
    return at === null ? null : { kind: 'payment_authorized', at, state: 'done' };
  }
  if (payment.overdue) return { kind: 'payment_overdue', at: payment.dueAt, state: 'problem' };
  if (payment.securedByAuthorization) return { kind: 'payment_authorized', at: authorizedAt(), state: 'done' };
  // Terms not yet due: the invoice comes later and the goods go ahead, so paying is still to come.
  return { kind: 'payment_pending', at: payment.dueAt, state: order.payment_terms ? 'upcoming' : 'current' };
}

/**
 * Waiting for a manual payment (bank deposit, cash on delivery…): merchants do
 * not prepare such orders until the money arrives. Payment terms are the
 * opposite arrangement (goods first, invoice later), and an authorization
 * already secures the money.
 */
function isAwaitingPayment(order: Order, payment: PaymentJourney): boolean {
  return payment.outstanding > 0 && !payment.overdue && !payment.securedByAuthorization && !order.payment_terms;
}

// -------------------------------------------------------------------- steps

/** Unit counts over the whole order that the step and headline rules read. */
interface OrderFacts {
  /** Physical units waiting to be fulfilled. */
  waitingPhysical: number;
  waitingDigital: number;
  /** Units in shipments not delivered yet. */
  inTransit: number;
  deliveredPhysical: number;
  deliveredDigital: number;
  /** Physical units ever fulfilled (including those returned since). */
  fulfilledPhysical: number;
  awaitingPayment: boolean;
  /** A shipment under way whose latest carrier news is bad. */
  deliveryProblem: boolean;
  outForDelivery: boolean;
}

const PROBLEM_STATUSES: ReadonlySet<string> = new Set(['failure', 'attempted_delivery', 'delayed']);

function orderFacts(order: Order, items: ItemJourney[], shipments: ShipmentJourney[], payment: PaymentJourney): OrderFacts {
  const facts: OrderFacts = {
    waitingPhysical: 0,
    waitingDigital: 0,
    inTransit: 0,
    deliveredPhysical: 0,
    deliveredDigital: 0,
    fulfilledPhysical: 0,
    awaitingPayment: isAwaitingPayment(order, payment),
    deliveryProblem: shipments.some((shipment) => PROBLEM_STATUSES.has(shipment.status)),
    outForDelivery: shipments.some((shipment) => shipment.status === 'out_for_delivery'),
  };
  for (const item of items) {
    facts.inTransit += item.shipped;
    if (item.requiresShipping) {
      facts.waitingPhysical += item.ordered;
      facts.deliveredPhysical += item.delivered;
      facts.fulfilledPhysical += item.shipped + item.delivered + item.refunded;
    } else {
      facts.waitingDigital += item.ordered;
      facts.deliveredDigital += item.delivered;
    }
  }
  return facts;
}

/**
 * A shipment's steps: digital deliveries and pickups are one step each; a
 * carried shipment is `shipped` (with carrier and tracking) plus one step for
 * its latest carrier status when that status is news to the buyer (in transit,
 * label and confirmed add nothing to "shipped").
 */
function shipmentSteps(order: Order, shipment: ShipmentJourney): JourneyStep[] {
  const shipmentId = shipment.id;
  if (shipment.method === 'none') return [{ kind: 'delivered', at: shipment.deliveredAt, state: 'done', shipmentId }];
  if (shipment.method === 'pickup') {
    const picked: JourneyStep = { kind: 'picked_up', at: shipment.deliveredAt, state: 'done', shipmentId };
    if (order.pickup) picked.locationName = order.pickup.location_name;
    return [picked];
  }
  const steps: JourneyStep[] = [{ kind: 'shipped', at: shipment.createdAt, state: 'done', shipmentId, carrier: shipment.carrier, tracking: shipment.tracking }];
  const at = shipment.latestEvent?.happened_at ?? null;
  switch (shipment.status) {
    case 'delivered':
    case 'picked_up':
      steps.push({ kind: 'delivered', at: shipment.deliveredAt, state: 'done', shipmentId });
      break;
    case 'out_for_delivery':
      steps.push({ kind: 'out_for_delivery', at, state: 'current', shipmentId });
      break;
    case 'ready_for_pickup':
      // Waiting at the carrier's pickup point.
      steps.push({ kind: 'ready_for_pickup', at, state: 'current', shipmentId });
      break;
    case 'failure':
      steps.push({ kind: 'delivery_failed', at, state: 'problem', shipmentId });
      break;
    case 'attempted_delivery':
      steps.push({ kind: 'attempted_delivery', at, state: 'problem', shipmentId });
      break;
    case 'delayed':
      steps.push({ kind: 'delayed', at, state: 'problem', shipmentId });
      break;
  }
  return steps;
}

/**
 * What is still to happen to units not yet fulfilled. A hold replaces
 * "preparing" until something ships (Shopify's fulfillment hold blocks the
 * fulfillment, not the shipments already made). Pickup orders are prepared,
 * then ready at the location, then picked up. Digital goods need no
 * preparing: they are simply still to be delivered.
 */
function waitingSteps(order: Order, facts: OrderFacts): JourneyStep[] {
  const steps: JourneyStep[] = [];
  const pickup = order.pickup ?? null;
  const hold = order.fulfillment_hold ?? null;
  const ready = pickup !== null && pickup.ready_at !== null;
  if (facts.waitingPhysical > 0 && !ready) {
    if (hold && facts.fulfilledPhysical === 0) steps.push({ kind: 'on_hold', at: hold.held_at, state: 'current', reason: hold.reason });
    else steps.push({ kind: 'preparing', at: null, state: facts.awaitingPayment ? 'upcoming' : 'current' });
  }
  if (pickup) {
    const locationName = pickup.location_name;
    if (ready) {
      steps.push({ kind: 'ready_for_pickup', at: pickup.ready_at, state: facts.waitingPhysical > 0 ? 'current' : 'done', locationName });
    } else if (facts.waitingPhysical > 0) {
      steps.push({ kind: 'ready_for_pickup', at: null, state: 'upcoming', locationName });
    }
    if (facts.waitingPhysical > 0) steps.push({ kind: 'picked_up', at: null, state: 'upcoming', locationName });
  }
  const toDeliver = facts.inTransit + facts.waitingDigital + (pickup ? 0 : facts.waitingPhysical);
  if (toDeliver > 0) steps.push({ kind: 'delivered', at: null, state: 'upcoming' });
  return steps;
}

/**
 * One step per refund that returned money, oldest first: "refunded" once the
 * refunds so far add up to everything paid, "partially_refunded" before.
 * A refund that only removed or restocked items returns no money and is told
 * through the items instead.
 */
function refundSteps(order: Order, payment: PaymentJourney): JourneyStep[] {
  const refunds = order.refunds
    .filter((refund) => refund.amount > 0)
    .map((refund) => ({ refund, time: comparableTime(refund.created_at) }))
    .sort((a, b) => (a.time === b.time ? 0 : a.time < b.time ? -1 : 1))
    .map((entry) => entry.refund);
  let total = 0;
  return refunds.map((refund) => {
    total += refund.amount;
    return { kind: total >= payment.paid ? 'refunded' : 'partially_refunded', at: refund.created_at, state: 'done', amount: refund.amount };
  });
}

/**
 * Oldest first. A step without a readable time sorts at its shipment's
 * creation time, or after every dated step when it belongs to no shipment;
 * equal times keep the order the steps were built in. Once an order is
 * cancelled nothing is still to come: only what happened (and problems) stays.
 */
function timeline(order: Order, steps: JourneyStep[], shipments: ShipmentJourney[], cancelled: ShipmentJourney[]): JourneyStep[] {
  const created = new Map<number, number>();
  for (const shipment of [...shipments, ...cancelled]) created.set(shipment.id, timeOf(shipment.createdAt));
  const kept = order.cancelled_at === null ? steps : steps.filter((step) => step.state === 'done' || step.state === 'problem');
  const keyed = kept.map((step, position) => {
    let time = timeOf(step.at);
    if (Number.isNaN(time) && step.shipmentId !== undefined) time = created.get(step.shipmentId) ?? Number.NaN;
    return { step, position, time: Number.isNaN(time) ? Number.POSITIVE_INFINITY : time };
  });
  keyed.sort((a, b) => (a.time === b.time ? a.position - b.position : a.time < b.time ? -1 : 1));
  return keyed.map((entry) => entry.step);
}

/**
 * The buyer stands at one point of the journey, so at most one step is
 * current (every surface marks it "in progress", the theme with
 * `aria-current="step"`, which names a single step). The earliest current
 * step in the timeline keeps it; a later one (the rest of a partly shipped
 * order being prepared while a parcel is out for delivery, a second parcel
 * out for delivery, a manual payment still owed once a pickup is ready)
 * comes after it and reads as upcoming.
 */
function oneStepUnderWay(steps: JourneyStep[]): JourneyStep[] {
  let seen = false;
  return steps.map((step) => {
    if (step.state !== 'current') return step;
    if (!seen) {
      seen = true;
      return step;
    }
    // Object.assign, not spread: the extensions' build target would add esbuild's spread helpers to every bundle.
    return Object.assign({}, step, { state: 'upcoming' as const });
  });
}

// ----------------------------------------------------------------- headline

/**
 * The one-line summary; the first rule that holds wins:
 *  1. cancelled         the order was cancelled
 *  2. payment_overdue   payment terms past due, money owed
 *  3. payment_pending   waiting for a manual payment (no terms, no authorization)
 *  4. refunded          financial status "refunded" (everything paid came back)
 *  5. delivery_problem  a shipment's latest carrier status is failure, attempted delivery or delayed
 *  6. nothing waiting or in transit: picked_up (pickup order), digital_delivered
 *     (no physical unit delivered), delivered; refunded when nothing was delivered at all
 *  7. ready_for_pickup  pickup order marked ready, units still to collect
 *  8. out_for_delivery  a shipment is out for delivery
 *  9. partially_shipped physical units shipped and others still waiting
 * 10. on_the_way        everything physical shipped, some not delivered yet
 * 11. on_hold           held and nothing shipped yet
 * 12. being_prepared    physical units waiting
 * 13. digital_pending   only digital units waiting
 */
function headlineOf(order: Order, facts: OrderFacts, payment: PaymentJourney): Headline {
  if (order.cancelled_at !== null) return 'cancelled';
  if (payment.overdue) return 'payment_overdue';
  if (facts.awaitingPayment) return 'payment_pending';
  if (payment.status === 'refunded') return 'refunded';
  if (facts.deliveryProblem) return 'delivery_problem';
  const waiting = facts.waitingPhysical + facts.waitingDigital;
  if (waiting === 0 && facts.inTransit === 0) {
    if (facts.deliveredPhysical + facts.deliveredDigital === 0) return 'refunded';
    if (order.pickup) return 'picked_up';
    return facts.deliveredPhysical === 0 ? 'digital_delivered' : 'delivered';
  }
  if (order.pickup?.ready_at && facts.waitingPhysical > 0) return 'ready_for_pickup';
  if (facts.outForDelivery) return 'out_for_delivery';
  if (facts.waitingPhysical > 0 && facts.fulfilledPhysical > 0) return 'partially_shipped';
  if (facts.waitingPhysical === 0 && facts.inTransit > 0) return 'on_the_way';
  if (facts.waitingPhysical > 0) return order.fulfillment_hold && facts.fulfilledPhysical === 0 ? 'on_hold' : 'being_prepared';
  return 'digital_pending';
}
