/**
 * What Shopify computes from an order's history rather than stores: money
 * totals, the financial status (from transactions), the fulfillment status
 * (from fulfillments minus cancelled ones, and refunds that removed items).
 * Pure functions over the domain model, shared by the fixture loader's
 * consistency checks, the Liquid drops and the buyer-facing journey
 * (journey.ts), so every surface tells the same story about an order.
 */
import { comparableTime } from './dates.ts';
import type { DiscountApplication, Fulfillment, LineItem, Order } from './model.ts';

/** Liquid `order.financial_status` values these rules can produce. */
export type FinancialStatus = 'authorized' | 'paid' | 'partially_paid' | 'partially_refunded' | 'pending' | 'refunded' | 'voided';

/** Liquid `order.fulfillment_status` values these rules can produce. */
export type FulfillmentStatus = 'fulfilled' | 'partial' | 'restocked' | 'unfulfilled';

/** An order-level discount: on line items, spread over all of them. */
export function isCartLevel(application: DiscountApplication): boolean {
  return application.target_type === 'line_item' && application.target_selection === 'all';
}

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

export interface LineAmounts {
  originalLinePrice: number;
  /** Discounts aimed at this line (not order-level ones). */
  lineLevelDiscount: number;
  finalLinePrice: number;
  /** Per unit; rounded when the line-level discount does not split evenly. */
  finalPrice: number;
}

export function lineAmounts(order: Order, line: LineItem): LineAmounts {
  const originalLinePrice = line.price * line.quantity;
  const lineLevelDiscount = sum(
    line.discount_allocations
      .filter((allocation) => {
        const application = order.discount_applications[allocation.discount_application];
        // An allocation to a missing application is still money off this line (the loader reports the bad index).
        return application === undefined || !isCartLevel(application);
      })
      .map((allocation) => allocation.amount),
  );
  const finalLinePrice = originalLinePrice - lineLevelDiscount;
  return { originalLinePrice, lineLevelDiscount, finalLinePrice, finalPrice: Math.round(finalLinePrice / line.quantity) };
}

export interface OrderAmounts {
  /** Σ original line prices. */
  lineItemsOriginal: number;
  /** Σ final line prices (after line-level discounts): Liquid `line_items_subtotal_price`. */
  lineItemsSubtotal: number;
  cartLevelDiscounts: number;
  /** After every item discount: Liquid `subtotal_price`. */
  subtotal: number;
  shippingOriginal: number;
  shippingDiscounts: number;
  /** After shipping discounts: Liquid `shipping_price`. */
  shipping: number;
  tax: number;
  /** Taxes added to the total: none when prices already include them. */
  addedTax: number;
  /** Import duties. */
  duties: number;
  /** Line-level + order-level + shipping discounts: Liquid `total_discounts`. */
  totalDiscounts: number;
  /** subtotal − discounts + shipping + added taxes + duties, to compare with the stated `total_price`. */
  computedTotal: number;
}

export function orderAmounts(order: Order): OrderAmounts {
  const lines = order.line_items.map((line) => lineAmounts(order, line));
  const lineItemsOriginal = sum(lines.map((line) => line.originalLinePrice));
  const lineItemsSubtotal = sum(lines.map((line) => line.finalLinePrice));
  const cartLevelDiscounts = sum(
    order.line_items.flatMap((line) =>
      line.discount_allocations
        .filter((allocation) => {
          const application = order.discount_applications[allocation.discount_application];
          return application !== undefined && isCartLevel(application);
        })
        .map((allocation) => allocation.amount),
    ),
  );
  const shippingOriginal = sum(order.shipping_lines.map((line) => line.price));
  const shippingDiscounts = sum(order.shipping_lines.flatMap((line) => line.discount_allocations.map((allocation) => allocation.amount)));
  const tax = sum(order.tax_lines.map((line) => line.price));
  const duties = sum((order.duties ?? []).map((duty) => duty.price));
  const addedTax = order.taxes_included ? 0 : tax;
  const subtotal = lineItemsSubtotal - cartLevelDiscounts;
  const shipping = shippingOriginal - shippingDiscounts;
  const totalDiscounts = lineItemsOriginal - lineItemsSubtotal + cartLevelDiscounts + shippingDiscounts;
  return {
    lineItemsOriginal,
    lineItemsSubtotal,
    cartLevelDiscounts,
    subtotal,
    shippingOriginal,
    shippingDiscounts,
    shipping,
    tax,
    addedTax,
    duties,
    totalDiscounts,
    computedTotal: lineItemsOriginal - totalDiscounts + shippingOriginal + addedTax + duties,
  };
}

/** Σ of successful discount allocations pointing at application `index`, across lines and shipping. */
export function allocatedToApplication(order: Order, index: number): number {
  const allocations = [...order.line_items, ...order.shipping_lines].flatMap((line) => line.discount_allocations);
  return sum(allocations.filter((allocation) => allocation.discount_application === index).map((allocation) => allocation.amount));
}

export interface Payments {
  authorized: number;
  /** Captures and sales: money actually taken. */
  paid: number;
  /** Captures alone: the part of `paid` taken on earlier authorizations. */
  captured: number;
  refunded: number;
  voided: number;
}

/** Only successful transactions move money. */
export function payments(order: Order): Payments {
  const total = (kinds: string[]) => sum(order.transactions.filter((t) => t.status === 'success' && kinds.includes(t.kind)).map((t) => t.amount));
  return {
    authorized: total(['authorization']),
    paid: total(['capture', 'sale']),
    captured: total(['capture']),
    refunded: total(['refund']),
    voided: total(['void']),
  };
}

export function totalRefunded(order: Order): number {
  return payments(order).refunded;
}

export function financialStatus(order: Order): FinancialStatus {
  const { authorized, paid, refunded, voided } = payments(order);
  if (refunded > 0) return refunded >= paid ? 'refunded' : 'partially_refunded';
  if (paid > 0) return paid >= order.total_price ? 'paid' : 'partially_paid';
  // Free orders are paid the moment they are placed.
  if (order.total_price === 0) return 'paid';
  if (voided > 0 && authorized > 0) return 'voided';
  if (authorized > 0) return 'authorized';
  // Payment terms, manual methods and pending gateways alike: money is still to come.
  return 'pending';
}

export interface LineItemState {
  /** Units in successful fulfillments (cancelled ones do not count). */
  fulfilled: number;
  /** Refunded units that had not shipped: taken off the order. */
  removed: number;
  /** Refunded units that had shipped: a refund does not undo a shipment. */
  returned: number;
  /** Units still waiting to ship. */
  unfulfilled: number;
  /** The latest successful fulfillment (by `created_at`) that includes this line, if any. */
  fulfillment: Fulfillment | null;
}

/**
 * A refunded unit counts as taken off the order while unshipped units remain,
 * and as a return only beyond those: a refund never undoes a shipment.
 */
function stateOf(line: LineItem, fulfilledUnits: number, refunded: number, fulfillment: Fulfillment | null): LineItemState {
  const fulfilled = Math.min(fulfilledUnits, line.quantity);
  const removed = Math.min(refunded, line.quantity - fulfilled);
  const returned = Math.min(refunded - removed, fulfilled);
  return { fulfilled, removed, returned, unfulfilled: line.quantity - fulfilled - removed, fulfillment };
}

/**
 * A line's fulfillment is the latest successful one by `created_at`; on equal
 * times the one recorded last, as Shopify lists them in creation order.
 * Each time is read once per fulfillment: parsing dominates on large orders.
 */
export function lineItemState(order: Order, line: LineItem): LineItemState {
  let fulfilled = 0;
  let fulfillment: Fulfillment | null = null;
  let latestTime = Number.NEGATIVE_INFINITY;
  for (const candidate of order.fulfillments) {
    if (candidate.status !== 'success') continue;
    let time: number | undefined;
    for (const entry of candidate.line_items) {
      if (entry.line_item !== line.id) continue;
      fulfilled += entry.quantity;
      time ??= comparableTime(candidate.created_at);
      if (fulfillment === null || time >= latestTime) {
        fulfillment = candidate;
        latestTime = time;
      }
    }
  }
  let refunded = 0;
  for (const refund of order.refunds) {
    for (const entry of refund.line_items) if (entry.line_item === line.id) refunded += entry.quantity;
  }
  return stateOf(line, fulfilled, refunded, fulfillment);
}

/** Per line id: units fulfilled, latest successful fulfillment, units refunded, from one pass over the history. */
function indexByLine(order: Order) {
  const fulfilled = new Map<number, number>();
  const latest = new Map<number, { fulfillment: Fulfillment; time: number }>();
  for (const candidate of order.fulfillments) {
    if (candidate.status !== 'success') continue;
    const time = comparableTime(candidate.created_at);
    for (const entry of candidate.line_items) {
      fulfilled.set(entry.line_item, (fulfilled.get(entry.line_item) ?? 0) + entry.quantity);
      const current = latest.get(entry.line_item);
      if (current === undefined || time >= current.time) latest.set(entry.line_item, { fulfillment: candidate, time });
    }
  }
  const refunded = new Map<number, number>();
  for (const refund of order.refunds) {
    for (const entry of refund.line_items) refunded.set(entry.line_item, (refunded.get(entry.line_item) ?? 0) + entry.quantity);
  }
  return (line: LineItem): LineItemState => stateOf(line, fulfilled.get(line.id) ?? 0, refunded.get(line.id) ?? 0, latest.get(line.id)?.fulfillment ?? null);
}

/**
 * `lineItemState` of every line, in the order's line order: one pass over the
 * fulfillments and refunds instead of one per line, for orders with hundreds of lines.
 */
export function lineItemStates(order: Order): LineItemState[] {
  return order.line_items.map(indexByLine(order));
}

export function fulfillmentStatus(order: Order): FulfillmentStatus {
  let fulfilled = 0;
  let unfulfilled = 0;
  for (const state of lineItemStates(order)) {
    fulfilled += state.fulfilled;
    unfulfilled += state.unfulfilled;
  }
  // Cancelled before anything shipped, with the items put back on the shelf.
  if (order.cancelled_at !== null && fulfilled === 0 && unfulfilled === 0 && order.refunds.some((refund) => refund.restock)) return 'restocked';
  if (fulfilled === 0) return 'unfulfilled';
  return unfulfilled === 0 ? 'fulfilled' : 'partial';
}

/** Money the customer has actually parted with on this order. */
export function netPaid(order: Order): number {
  const { paid, refunded } = payments(order);
  return paid - refunded;
}
