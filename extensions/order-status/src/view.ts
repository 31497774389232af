/**
 * What the order-status block shows, worked out from the Customer Account API
 * order and the core's journey of it. The core decides every state (which
 * shipment is where, which units wait, were cancelled or refunded, whether
 * payment is overdue); this only joins those answers with the names and
 * pictures the API gives each line, so the components just print. Pure.
 */
import { orderJourney, type JourneyStep, type OrderJourney, type PaymentJourney, type ShipmentJourney } from '@encore/core/journey.ts';
import type { CancelReason } from '@encore/core/model.ts';
import type { StatusOrder } from '@encore/shopify-apis/customer-account/queries.ts';
import { numericId, statusOrderToCore } from '@encore/shopify-apis/customer-account/to-core.ts';
import { cartPermalink } from '@encore/shopify-apis/cart.ts';

export interface LineView {
  id: number;
  title: string;
  variantTitle: string | null;
  image: { url: string; alt: string } | null;
  variantId: string | null;
}

export interface ItemCount {
  line: LineView;
  quantity: number;
}

export interface ShipmentView {
  journey: ShipmentJourney;
  /** 1-based, in the order's order, over successful shipments. */
  number: number;
  items: ItemCount[];
  /** The journey's steps for this shipment, oldest first. */
  steps: JourneyStep[];
}

export interface RefundView {
  /** Subunits. */
  amount: number;
  at: string | null;
  /** Everything paid has come back. */
  full: boolean;
}

export interface PaymentView extends PaymentJourney {
  termsName: string | null;
}

export interface OrderStatusView {
  name: string;
  currency: string;
  journey: OrderJourney;
  shipments: ShipmentView[];
  cancelledShipments: ShipmentView[];
  /** Physical units waiting to ship (or, on a pickup order, to be collected). */
  waiting: ItemCount[];
  /** Digital units still to be delivered. */
  waitingDigital: ItemCount[];
  /** Units taken off the order before shipping, and units refunded after. */
  cancelledItems: ItemCount[];
  refundedItems: ItemCount[];
  refunds: RefundView[];
  payment: PaymentView;
  cancelled: { at: string; reason: CancelReason | null } | null;
  /** Pickup orders: where (the address's first line; the API gives no location name) and whether it is ready. */
  pickup: { place: string | null; readyAt: string | null } | null;
  /** "City, Region, Country" of the shipping address; null without protected data approval. */
  shipTo: string | null;
  /** B2B: the buyer's purchase order number (`Order.poNumber`), for their own records; null when none. */
  poNumber: string | null;
}

function lineViews(order: StatusOrder): Map<number, LineView> {
  const lines = new Map<number, LineView>();
  for (const line of order.lineItems.nodes) {
    lines.set(numericId(line.id), {
      id: numericId(line.id),
      title: line.title,
      variantTitle: line.variantTitle && line.variantTitle !== 'Default Title' ? line.variantTitle : null,
      image: line.image ? { url: line.image.url, alt: line.image.altText ?? line.title } : null,
      variantId: line.variantId,
    });
  }
  return lines;
}

export function orderStatusView(order: StatusOrder, now: Date | string): OrderStatusView {
  const core = statusOrderToCore(order);
  const journey = orderJourney(core, { now });
  const lines = lineViews(order);
  const count = (lineItemId: number, quantity: number): ItemCount[] => {
    const line = lines.get(lineItemId);
    return line && quantity > 0 ? [{ line, quantity }] : [];
  };
  const shipmentView = (shipment: ShipmentJourney, index: number): ShipmentView => ({
    journey: shipment,
    number: index + 1,
    items: shipment.items.flatMap((item) => count(item.lineItemId, item.quantity)),
    steps: journey.steps.filter((step) => step.shipmentId === shipment.id),
  });
  const refunds: RefundView[] = journey.steps
    .filter((step) => (step.kind === 'refunded' || step.kind === 'partially_refunded') && step.amount !== undefined)
    .map((step) => ({ amount: step.amount ?? 0, at: step.at, full: step.kind === 'refunded' }));
  return {
    name: order.name,
    currency: core.currency,
    journey,
    shipments: journey.shipments.map(shipmentView),
    cancelledShipments: journey.cancelledShipments.map(shipmentView),
    waiting: journey.items.filter((item) => item.requiresShipping).flatMap((item) => count(item.lineItemId, item.ordered)),
    waitingDigital: journey.items.filter((item) => !item.requiresShipping).flatMap((item) => count(item.lineItemId, item.ordered)),
    cancelledItems: journey.items.flatMap((item) => count(item.lineItemId, item.cancelled)),
    refundedItems: journey.items.flatMap((item) => count(item.lineItemId, item.refunded)),
    refunds,
    payment: { ...journey.payment, termsName: core.payment_terms?.name ?? null },
    cancelled: core.cancelled_at ? { at: core.cancelled_at, reason: core.cancel_reason } : null,
    pickup: core.pickup ? { place: core.pickup.location_name || null, readyAt: core.pickup.ready_at } : null,
    shipTo: order.shippingAddress?.formattedArea || null,
    poNumber: order.poNumber?.trim() || null,
  };
}

/**
 * "Buy again": a cart permalink (`/cart/VARIANT:QUANTITY,…`) on the online
 * store with every line of the order, the theme's rule. The theme leaves out
 * variants that are no longer available; the Customer Account API says
 * nothing about stock, so every line that still names a variant goes in and
 * checkout leaves out what it cannot sell. The link opens checkout, not the
 * cart (https://shopify.dev/docs/apps/build/checkout/create-cart-permalinks),
 * and the hint beside it says so. null when no line names a variant.
 */
export function buyAgainUrl(storefrontUrl: string | undefined, order: StatusOrder): string | null {
  if (!storefrontUrl) return null;
  const items = order.lineItems.nodes
    .map((line) => ({ variantId: numericId(line.variantId), quantity: line.quantity }))
    .filter((item) => item.variantId > 0 && item.quantity > 0);
  return items.length === 0 ? null : cartPermalink(storefrontUrl, items);
}
