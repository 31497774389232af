/**
 * Customer Account API orders as the core's `Order` model, so the core's
 * rules (orderJourney, buyAgain, recommendProducts) run on what the API
 * returned and every surface tells the same story. Pure: no platform calls.
 *
 * What the API does not carry, and the choice made (each is narrowed, with
 * the reason, in test/extensions/customer-account-layer.test.ts):
 * - Product handles: a line names its product by gid only. `product` is the
 *   handle when the caller can resolve one (`handleOf`, e.g. from Storefront
 *   data), else the product gid, else `line:<id>` for a deleted product.
 * - Refund line items and restocking: a `Refund` has only its amount and
 *   time. Each line's refunded units are `quantity − refundableQuantity`;
 *   they are attached to the order's first refund (to a zero-amount record
 *   when there is none), which is all the core needs to tell removed units
 *   from returns. Whether they went back to stock is unknown: `restock` is false.
 * - When a fulfillment was cancelled: `Fulfillment` has no `cancelledAt`; its
 *   `updatedAt` (the last change to a cancelled fulfillment) stands in.
 * - How a fulfillment travels: `requiresShipping: false` is a digital
 *   delivery, a `pickupAddress` or `isPickedUp` a collection, anything else
 *   shipping. Local delivery cannot be told from shipping.
 * - Carrier statuses: CARRIER_PICKED_UP is not a core status; the parcel has
 *   left with the carrier, so it reads as in transit. Events carry no
 *   message or city.
 * - Fulfillment holds: only `fulfillmentStatus: ON_HOLD` says so, without a
 *   reason or time: reason "other", `held_at` empty (the step shows no date).
 * - Pickup: no location name; the pickup address's first line names the
 *   place. Ready means `pickupInformation.status` OPEN (waiting) or CLOSED
 *   (collected), ready since `updatedAt`.
 * - Transactions: no gateway (the payment type stands in) and no card.
 *   Kinds that move no money (card approvals, suggested refunds, change…) are
 *   left out; EMV authorizations count as authorizations.
 * - Discounts, shipping lines, taxes, addresses, notes, attributes, email:
 *   not selected (the journey reads none of them), so empty or null.
 */
import type { FulfillmentEvent, Fulfillment, LineItem, Order, PaymentTerms, Pickup, Refund, ShipmentStatus, Transaction } from '@encore/core/model.ts';
import { subunitsOf as amountInSubunits } from '@encore/core/subunits.ts';
import type * as CA from './types.ts';
import type { HistoryLineItem, HistoryOrder, StatusFulfillment, StatusLineItem, StatusOrder, StatusPaymentTerms, StatusTransaction } from './queries.ts';
import { blankOrder } from '@encore/core/blank-order.ts';

export interface ToCoreOptions {
  /** The handle of a product gid, when the caller knows it (Storefront data); the gid is kept otherwise. */
  handleOf?: (productId: string) => string | undefined;
}

/** Integer subunits of a `MoneyV2`: "53.86" USD is 5386, "1200" JPY is 120000 (Shopify scales every currency by at least 100). */
export function subunitsOf(money: Pick<CA.MoneyV2, 'amount' | 'currencyCode'> | null | undefined): number {
  if (!money) return 0;
  const value = amountInSubunits(money.amount, money.currencyCode);
  // An amount that is not a number counts as nothing rather than poisoning every sum.
  return Number.isNaN(value) ? 0 : value;
}

/** The numeric id at the end of a gid (`gid://shopify/Order/6001` → 6001); `fallback` when there is none. */
export function numericId(gid: string | null | undefined, fallback = 0): number {
  const match = typeof gid === 'string' ? /\/(\d+)(?:\?.*)?$/.exec(gid) : null;
  if (!match) return fallback;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) ? id : fallback;
}

// ------------------------------------------------------------------ line items

function lineItem(line: HistoryLineItem & Partial<Pick<StatusLineItem, 'price'>>, options: ToCoreOptions): LineItem {
  const handle = line.productId ? (options.handleOf?.(line.productId) ?? line.productId) : `line:${line.id}`;
  return {
    id: numericId(line.id),
    product: handle,
    // A deleted variant has no id: 0 names no variant, so nothing links to it.
    variant_id: numericId(line.variantId),
    quantity: line.quantity,
    // The history does not ask for prices (the Storefront answers carry them): 0 there.
    price: line.price ? subunitsOf(line.price) : 0,
    properties: {},
    discount_allocations: [],
    requires_shipping: line.requiresShipping,
  };
}

/** Units of each line refunded so far (removed before shipping or returned after). */
function refundedUnits(lines: HistoryLineItem[]): { line_item: number; quantity: number }[] {
  return lines
    .map((line) => ({ line_item: numericId(line.id), quantity: Math.max(0, line.quantity - Math.max(0, line.refundableQuantity)) }))
    .filter((entry) => entry.quantity > 0);
}

// ---------------------------------------------------------------- fulfillments

const EVENT_STATUS: Record<CA.FulfillmentEventStatus, ShipmentStatus> = {
  ATTEMPTED_DELIVERY: 'attempted_delivery',
  CARRIER_PICKED_UP: 'in_transit',
  CONFIRMED: 'confirmed',
  DELAYED: 'delayed',
  DELIVERED: 'delivered',
  FAILURE: 'failure',
  IN_TRANSIT: 'in_transit',
  LABEL_PRINTED: 'label_printed',
  LABEL_PURCHASED: 'label_purchased',
  OUT_FOR_DELIVERY: 'out_for_delivery',
  PICKED_UP: 'picked_up',
  READY_FOR_PICKUP: 'ready_for_pickup',
};

function shipmentStatus(status: CA.FulfillmentEventStatus | null | undefined): ShipmentStatus | null {
  return status ? (EVENT_STATUS[status] ?? null) : null;
}

/** Cancelled, failed and errored fulfillments never left: their items wait again. Open and pending ones are under way. */
function fulfillmentState(status: CA.FulfillmentStatus | null): Fulfillment['status'] {
  return status === 'CANCELLED' || status === 'FAILURE' || status === 'ERROR' ? 'cancelled' : 'success';
}

function fulfillment(node: StatusFulfillment): Fulfillment {
  const status = fulfillmentState(node.status);
  const tracked = node.trackingInformation.filter((info) => info.number);
  const numbers = tracked.map((info) => info.number as string);
  // Same order as the numbers; a number without a page gets "" (no link) so later pages stay aligned.
  const urls = tracked.map((info) => info.url ?? '');
  while (urls.length > 0 && urls[urls.length - 1] === '') urls.pop();
  const company = node.trackingInformation.find((info) => info.company)?.company ?? null;
  const events: FulfillmentEvent[] = [];
  for (const event of node.events.nodes) {
    const eventStatus = shipmentStatus(event.status);
    if (eventStatus) events.push({ status: eventStatus, happened_at: event.happenedAt });
  }
  return {
    id: numericId(node.id),
    created_at: node.createdAt,
    status,
    cancelled_at: status === 'cancelled' ? node.updatedAt : null,
    shipment_status: shipmentStatus(node.latestShipmentStatus),
    delivery_method: !node.requiresShipping ? 'none' : node.pickupAddress || node.isPickedUp ? 'pickup' : 'shipping',
    tracking_company: company,
    tracking_numbers: numbers,
    tracking_urls: urls,
    line_items: node.fulfillmentLineItems.nodes.map((entry) => ({ line_item: numericId(entry.lineItem.id), quantity: entry.quantity ?? 0 })),
    events,
  };
}

// --------------------------------------------------------------------- payment

const TRANSACTION_KIND: Partial<Record<CA.OrderTransactionKind, Transaction['kind']>> = {
  AUTHORIZATION: 'authorization',
  EMV_AUTHORIZATION: 'authorization',
  CAPTURE: 'capture',
  SALE: 'sale',
  REFUND: 'refund',
  VOID: 'void',
};

const TRANSACTION_STATUS: Record<CA.OrderTransactionStatus, Transaction['status']> = {
  SUCCESS: 'success',
  PENDING: 'pending',
  PENDING_AUTHENTICATION: 'pending',
  FAILURE: 'failure',
  ERROR: 'error',
};

function transactions(nodes: StatusTransaction[]): Transaction[] {
  const out: Transaction[] = [];
  nodes.forEach((node, index) => {
    const kind = node.kind ? TRANSACTION_KIND[node.kind] : undefined;
    if (!kind) return;
    out.push({
      id: index + 1,
      kind,
      // No status is no proof the money moved.
      status: node.status ? TRANSACTION_STATUS[node.status] : 'pending',
      gateway: '',
      amount: subunitsOf(node.transactionAmount.presentmentMoney),
      created_at: node.createdAt,
      card: null,
    });
  });
  return out;
}

/** The due date the terms were agreed with (the first schedule's), else the next one. */
function paymentTerms(terms: StatusPaymentTerms | null | undefined): PaymentTerms | null {
  if (!terms) return null;
  const due = terms.paymentSchedules.nodes.find((schedule) => schedule.dueAt)?.dueAt ?? terms.nextDueAt ?? '';
  return { name: terms.paymentTermsName, due_at: due };
}

function pickup(order: StatusOrder): Pickup | null {
  const info = order.pickupInformation;
  if (!info) return null;
  const address = info.address;
  const ready = info.status === 'OPEN' || info.status === 'CLOSED';
  return {
    location_name: address?.address1 ?? '',
    address: {
      first_name: '',
      last_name: '',
      company: null,
      address1: address?.address1 ?? '',
      address2: address?.address2 ?? null,
      city: address?.city ?? '',
      province: null,
      province_code: address?.zoneCode ?? null,
      country_code: address?.countryCode ?? '',
      zip: address?.zip ?? '',
      phone: null,
    },
    ready_at: ready ? (info.updatedAt ?? order.processedAt) : null,
    instructions: null,
  };
}

// ---------------------------------------------------------------------- orders

function refunds(order: StatusOrder): Refund[] {
  const out: Refund[] = order.refunds.map((refund) => ({
    id: numericId(refund.id),
    created_at: refund.createdAt ?? refund.updatedAt,
    note: null,
    restock: false,
    line_items: [],
    amount: subunitsOf(refund.totalRefunded),
  }));
  const units = refundedUnits(order.lineItems.nodes);
  if (units.length === 0) return out;
  if (out.length === 0) out.push({ id: 0, created_at: order.processedAt, note: null, restock: false, line_items: [], amount: 0 });
  out[0].line_items = units;
  return out;
}

function emptyOrder(id: string, name: string, processedAt: string, createdAt: string, currency: string): Order {
  return blankOrder({ id: numericId(id), name, created_at: createdAt, processed_at: processedAt, currency });
}

/** One order from `ORDER_STATUS_QUERY`, ready for `orderJourney`. */
export function statusOrderToCore(order: StatusOrder, options: ToCoreOptions = {}): Order {
  const currency = order.totalPrice.currencyCode;
  return {
    ...emptyOrder(order.id, order.name, order.processedAt, order.createdAt, currency),
    line_items: order.lineItems.nodes.map((line) => lineItem(line, options)),
    total_price: subunitsOf(order.totalPrice),
    fulfillments: order.fulfillments.nodes.map(fulfillment),
    transactions: transactions(order.transactions),
    refunds: refunds(order),
    cancelled_at: order.cancelledAt,
    cancel_reason: order.cancelReason ? (order.cancelReason.toLowerCase() as Order['cancel_reason']) : null,
    payment_terms: paymentTerms(order.paymentInformation?.paymentTerms),
    fulfillment_hold: order.fulfillmentStatus === 'ON_HOLD' ? { reason: 'other', held_at: '' } : null,
    pickup: pickup(order),
  };
}

/**
 * An order from `ORDER_HISTORY_QUERY`: what was bought and kept, for
 * `buyAgain` and `recommendProducts`. It has no fulfillments or payments,
 * so it is not for `orderJourney`.
 */
export function historyOrderToCore(order: HistoryOrder, options: ToCoreOptions = {}): Order {
  const lines = order.lineItems.nodes;
  const currency = order.totalPrice.currencyCode;
  const core: Order = {
    ...emptyOrder(order.id, order.name, order.processedAt, order.processedAt, currency),
    line_items: lines.map((line) => lineItem(line, options)),
    cancelled_at: order.cancelledAt,
  };
  const entity = order.purchasingEntity;
  if (entity?.__typename === 'PurchasingCompany') core.company = { name: entity.company?.name ?? '', location: entity.location?.name ?? '' };
  const units = refundedUnits(lines);
  if (units.length > 0) core.refunds = [{ id: 0, created_at: order.processedAt, note: null, restock: false, line_items: units, amount: 0 }];
  return core;
}
