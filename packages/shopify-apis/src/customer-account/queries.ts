/**
 * The Customer Account API (2026-10) documents Encore sends, and the exact
 * shape each one answers with. Each selects only what a surface reads:
 * the order-status block (one order: its journey, tracking, refunds,
 * payment) and the order-index block (the history: what was bought, when).
 * Field names come from types.ts, which was checked against Shopify's
 * published schema; nothing here is selected "just in case".
 *
 * Page sizes: Shopify prices a query before running it by its page sizes
 * (2 + first × one node's cost per connection) and refuses one that asks too
 * much; each document stays within 1,000 points, the single-query ceiling
 * Shopify documents for its GraphQL APIs (test/extensions/customer-account-
 * cost.test.ts holds them to it). So one order reads up to 50 lines, 10
 * fulfillments with their 10 latest carrier events and 25 lines each; the
 * history the newest 50 orders (as many as the theme's Liquid reads,
 * LIQUID_HISTORY_LIMIT in test/support/liquid-signals.ts) with up to 12 lines each. Longer orders
 * are cut at those sizes: the journey then counts only the lines it read.
 */
import type * as CA from './types.ts';

type Money = Pick<CA.MoneyV2, 'amount' | 'currencyCode'>;

/** What both surfaces read of a line: the journey counts units, buy again and recommendations name variants. */
const LINE_ITEM_FRAGMENT = `fragment EncoreLineItem on LineItem {
  id
  title
  variantTitle
  quantity
  refundableQuantity
  requiresShipping
  productId
  variantId
}`;

// ------------------------------------------------------------------- one order

const ORDER_STATUS_FIELDS = `
  id
  name
  createdAt
  processedAt
  cancelledAt
  cancelReason
  fulfillmentStatus
  poNumber
  totalPrice { amount currencyCode }
  shippingAddress { formattedArea }
  lineItems(first: 50) {
    nodes { ...EncoreLineItem image { url altText } price { amount currencyCode } }
  }
  fulfillments(first: 10) {
    nodes {
      id
      createdAt
      updatedAt
      status
      latestShipmentStatus
      requiresShipping
      isPickedUp
      pickupAddress { address1 }
      trackingInformation { company number url }
      events(last: 10) { nodes { happenedAt status } }
      fulfillmentLineItems(first: 25) { nodes { quantity lineItem { id } } }
    }
  }
  refunds { id createdAt updatedAt totalRefunded { amount currencyCode } }
  transactions {
    createdAt
    kind
    status
    transactionAmount { presentmentMoney { amount currencyCode } }
  }
  paymentInformation {
    totalOutstandingAmount { amount currencyCode }
    paymentTerms {
      paymentTermsName
      nextDueAt
      overdue
      paymentSchedules(first: 10) { nodes { dueAt completed } }
    }
  }
  pickupInformation {
    status
    updatedAt
    address { address1 address2 city zoneCode countryCode zip }
  }
`;

/** One order by id, for its owner. Variables: `{ id: "gid://shopify/Order/…" }`. */
export const ORDER_STATUS_QUERY = `query EncoreOrderStatus($id: ID!) {
  order(id: $id) {${ORDER_STATUS_FIELDS}}
}
${LINE_ITEM_FRAGMENT}`;

/** A line as the history reads it (no image or price: the Storefront answers carry those). */
export type HistoryLineItem = Omit<StatusLineItem, 'image' | 'price'>;

export interface StatusLineItem {
  id: string;
  title: string;
  variantTitle: string | null;
  quantity: number;
  refundableQuantity: number;
  requiresShipping: boolean;
  productId: string | null;
  variantId: string | null;
  image: Pick<CA.Image, 'url' | 'altText'> | null;
  price: Money | null;
}

export interface StatusFulfillment {
  id: string;
  createdAt: string;
  updatedAt: string;
  status: CA.FulfillmentStatus | null;
  latestShipmentStatus: CA.FulfillmentEventStatus | null;
  requiresShipping: boolean;
  isPickedUp: boolean;
  pickupAddress: Pick<CA.PickupAddress, 'address1'> | null;
  trackingInformation: CA.TrackingInformation[];
  events: { nodes: Pick<CA.FulfillmentEvent, 'happenedAt' | 'status'>[] };
  fulfillmentLineItems: { nodes: { quantity: number | null; lineItem: { id: string } }[] };
}

export interface StatusRefund {
  id: string;
  createdAt: string | null;
  updatedAt: string;
  totalRefunded: Money;
}

export interface StatusTransaction {
  createdAt: string;
  kind: CA.OrderTransactionKind | null;
  status: CA.OrderTransactionStatus | null;
  transactionAmount: { presentmentMoney: Money };
}

export interface StatusPaymentTerms {
  paymentTermsName: string;
  nextDueAt: string | null;
  overdue: boolean;
  paymentSchedules: { nodes: Pick<CA.PaymentSchedule, 'dueAt' | 'completed'>[] };
}

export type StatusPickupAddress = Pick<CA.PickupAddress, 'address1' | 'address2' | 'city' | 'zoneCode' | 'countryCode' | 'zip'>;

/** What `ORDER_STATUS_QUERY` answers under `data.order`. */
export interface StatusOrder {
  id: string;
  name: string;
  createdAt: string;
  processedAt: string;
  cancelledAt: string | null;
  cancelReason: CA.OrderCancelReason | null;
  fulfillmentStatus: CA.OrderFulfillmentStatus;
  /** B2B: the purchase order number the buyer gave at checkout; null when none. */
  poNumber: string | null;
  totalPrice: Money;
  /** Protected customer data: null without approval or when the order ships nowhere. */
  shippingAddress: { formattedArea: string | null } | null;
  lineItems: { nodes: StatusLineItem[] };
  fulfillments: { nodes: StatusFulfillment[] };
  refunds: StatusRefund[];
  transactions: StatusTransaction[];
  paymentInformation: {
    totalOutstandingAmount: Money;
    paymentTerms: StatusPaymentTerms | null;
  } | null;
  pickupInformation: {
    status: CA.PickupStatus | null;
    updatedAt: string | null;
    address: StatusPickupAddress | null;
  } | null;
}

export interface OrderStatusData {
  /** null when the order does not exist or is not this customer's. */
  order: StatusOrder | null;
}

// ----------------------------------------------------------------- the history

/** How many of the newest orders the history reads. */
export const ORDER_HISTORY_LIMIT = 50;

/**
 * The customer's orders, newest first, with what was bought. Cancellation and
 * `refundableQuantity` are there so the core can tell what the customer kept.
 */
export const ORDER_HISTORY_QUERY = `query EncoreOrderHistory($first: Int!) {
  customer {
    orders(first: $first, sortKey: PROCESSED_AT, reverse: true) {
      nodes {
        id
        name
        processedAt
        cancelledAt
        totalPrice { currencyCode }
        purchasingEntity { __typename ... on PurchasingCompany { company { name } location { name } } }
        lineItems(first: 12) {
          nodes { ...EncoreLineItem }
        }
      }
    }
  }
}
${LINE_ITEM_FRAGMENT}`;

export interface HistoryOrder {
  id: string;
  name: string;
  processedAt: string;
  cancelledAt: string | null;
  totalPrice: { currencyCode: string };
  /** A B2B order's company and location: such a buyer pays company prices, not the list prices the Storefront API gives. */
  purchasingEntity: { __typename: string; company?: { name: string }; location?: { name: string } } | null;
  lineItems: { nodes: HistoryLineItem[] };
}

/** What `ORDER_HISTORY_QUERY` answers under `data`. */
export interface OrderHistoryData {
  customer: { orders: { nodes: HistoryOrder[] } } | null;
}
