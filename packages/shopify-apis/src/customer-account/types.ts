/**
 * The part of the Customer Account API (GraphQL, 2026-10) schema that Encore
 * reads and the store adapter fills in: field names, nullability and enum
 * values as Shopify publishes them. Objects list the fields Encore serves,
 * not every field of the schema, so a query asking for one of these gets
 * Shopify's shape. Sources are named at the top of
 * tools/fixtures/src/adapters/customer-account.ts. Pure types: the extensions
 * (which may not import from tools/) and the adapter share this file.
 */

/** GraphQL `MoneyV2`: a decimal string in major units, e.g. `{ amount: "53.86", currencyCode: "USD" }`. */
export interface MoneyV2 {
  amount: string;
  currencyCode: string;
}

/** `MoneyBag`: the same amount in shop and presentment currency. */
export interface MoneyBag {
  shopMoney: MoneyV2;
  presentmentMoney: MoneyV2;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** Relay connection; Encore serves whole lists, so there is never a next page. */
export interface Connection<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

export type OrderFinancialStatus = 'AUTHORIZED' | 'EXPIRED' | 'PAID' | 'PARTIALLY_PAID' | 'PARTIALLY_REFUNDED' | 'PENDING' | 'REFUNDED' | 'VOIDED';

/**
 * Shopify's display status. OPEN, PENDING_FULFILLMENT and RESTOCKED are documented as replaced (by UNFULFILLED /
 * IN_PROGRESS). The 2026-10 value FULFILLMENT_NOT_REQUIRED belongs to the Admin API's OrderDisplayFulfillmentStatus
 * (https://shopify.dev/changelog/orderdisplayfulfillmentstatus-now-returns-fulfillmentnotrequired names the Admin
 * GraphQL API only), not to this enum: the studio's stand-in, executed against the published schema, refuses it.
 */
export type OrderFulfillmentStatus =
  | 'FULFILLED'
  | 'IN_PROGRESS'
  | 'ON_HOLD'
  | 'OPEN'
  | 'PARTIALLY_FULFILLED'
  | 'PENDING_FULFILLMENT'
  | 'READY_FOR_DELIVERY'
  | 'READY_FOR_PICKUP'
  | 'RESTOCKED'
  | 'SCHEDULED'
  | 'UNFULFILLED';

export type OrderCancelReason = 'CUSTOMER' | 'DECLINED' | 'FRAUD' | 'INVENTORY' | 'OTHER' | 'STAFF';

/** `Fulfillment.status`: CANCELLED with two Ls here. */
export type FulfillmentStatus = 'CANCELLED' | 'ERROR' | 'FAILURE' | 'OPEN' | 'PENDING' | 'SUCCESS';

export type FulfillmentEventStatus =
  | 'ATTEMPTED_DELIVERY'
  | 'CARRIER_PICKED_UP'
  | 'CONFIRMED'
  | 'DELAYED'
  | 'DELIVERED'
  | 'FAILURE'
  | 'IN_TRANSIT'
  | 'LABEL_PRINTED'
  | 'LABEL_PURCHASED'
  | 'OUT_FOR_DELIVERY'
  | 'PICKED_UP'
  | 'READY_FOR_PICKUP';

export type OrderTransactionKind =
  | 'AUTHORIZATION'
  | 'CAPTURE'
  | 'CARD_APPROVAL'
  | 'CARD_DECLINE'
  | 'CHANGE'
  | 'EMV_AUTHORIZATION'
  | 'REFUND'
  | 'REFUND_EMV_INITIATE'
  | 'SALE'
  | 'SUGGESTED_REFUND'
  | 'VOID';

export type OrderTransactionStatus = 'ERROR' | 'FAILURE' | 'PENDING' | 'PENDING_AUTHENTICATION' | 'SUCCESS';

export type OrderTransactionType =
  'BANK_DEPOSIT' | 'CARD' | 'CASH_ON_DELIVERY' | 'CUSTOM' | 'GIFT_CARD' | 'MANUAL' | 'MONEY_ORDER' | 'SHOPIFY_INSTALLMENTS' | 'STORE_CREDIT';

export type PaymentTermsType = 'FIXED' | 'FULFILLMENT' | 'NET' | 'RECEIPT' | 'UNKNOWN';

export type PickupStatus = 'CLOSED' | 'IN_PROGRESS' | 'OPEN';

export type EmailMarketingState = 'INVALID' | 'NOT_SUBSCRIBED' | 'PENDING' | 'REDACTED' | 'SUBSCRIBED' | 'UNSUBSCRIBED';

export type DiscountApplicationAllocationMethod = 'ACROSS' | 'EACH' | 'ONE';
export type DiscountApplicationTargetSelection = 'ALL' | 'ENTITLED' | 'EXPLICIT';
export type DiscountApplicationTargetType = 'LINE_ITEM' | 'SHIPPING_LINE';

export interface CustomerAddress {
  id: string;
  firstName: string | null;
  lastName: string | null;
  name: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  zoneCode: string | null;
  /** Country name, e.g. "United States". */
  country: string | null;
  /** ISO 3166-1 alpha-2. */
  territoryCode: string | null;
  zip: string | null;
  phoneNumber: string | null;
  formatted: string[];
  formattedArea: string | null;
}

export interface PickupAddress {
  address1: string;
  address2: string | null;
  city: string;
  countryCode: string;
  phone: string | null;
  zip: string | null;
  zoneCode: string | null;
}

export interface Image {
  id: string | null;
  url: string;
  altText: string | null;
  width: number | null;
  height: number | null;
}

export interface Attribute {
  key: string;
  value: string | null;
}

export interface PricingPercentageValue {
  percentage: number;
}

interface DiscountApplicationBase {
  allocationMethod: DiscountApplicationAllocationMethod;
  targetSelection: DiscountApplicationTargetSelection;
  targetType: DiscountApplicationTargetType;
  value: MoneyV2 | PricingPercentageValue;
}

/** The schema's four implementations of the `DiscountApplication` interface; `__typename` tells them apart. */
export type DiscountApplication =
  | (DiscountApplicationBase & { __typename: 'AutomaticDiscountApplication'; title: string })
  | (DiscountApplicationBase & { __typename: 'DiscountCodeApplication'; code: string })
  | (DiscountApplicationBase & { __typename: 'ManualDiscountApplication'; title: string; description: string | null })
  | (DiscountApplicationBase & { __typename: 'ScriptDiscountApplication'; title: string });

export interface DiscountAllocation {
  allocatedAmount: MoneyV2;
  discountApplication: DiscountApplication;
}

export interface LineItemVariantOption {
  name: string;
  value: string;
}

export interface LineItemSellingPlan {
  name: string;
  sellingPlanId: string | null;
}

export interface LineItem {
  id: string;
  /** "Product - Variant". */
  name: string;
  title: string;
  variantTitle: string | null;
  quantity: number;
  /** Quantity not yet refunded. */
  refundableQuantity: number;
  /** Unit price before discounts. */
  price: MoneyV2 | null;
  /** Unit price × quantity. */
  totalPrice: MoneyV2 | null;
  totalPriceBeforeDiscounts: MoneyV2 | null;
  /** After discounts aimed at this line. */
  totalPriceWithDiscounts: MoneyV2 | null;
  /** Unit price × units still on the order (removed units left out). */
  currentTotalPrice: MoneyV2 | null;
  /** Discounts aimed at this line only (not order-level ones). */
  totalDiscount: MoneyV2;
  discountAllocations: DiscountAllocation[];
  image: Image | null;
  sku: string | null;
  vendor: string | null;
  productId: string | null;
  productType: string | null;
  variantId: string | null;
  variantOptions: LineItemVariantOption[] | null;
  requiresShipping: boolean;
  giftCard: boolean;
  customAttributes: Attribute[];
  sellingPlan: LineItemSellingPlan | null;
}

export interface TrackingInformation {
  company: string | null;
  number: string | null;
  url: string | null;
}

export interface FulfillmentEvent {
  id: string;
  happenedAt: string;
  status: FulfillmentEventStatus;
}

export interface FulfillmentLineItem {
  id: string;
  quantity: number | null;
  lineItem: LineItem;
}

export interface Fulfillment {
  id: string;
  createdAt: string;
  updatedAt: string;
  estimatedDeliveryAt: string | null;
  status: FulfillmentStatus | null;
  latestShipmentStatus: FulfillmentEventStatus | null;
  isPickedUp: boolean;
  pickupAddress: PickupAddress | null;
  requiresShipping: boolean;
  trackingInformation: TrackingInformation[];
  events: Connection<FulfillmentEvent>;
  fulfillmentLineItems: Connection<FulfillmentLineItem>;
}

export interface Refund {
  id: string;
  createdAt: string | null;
  updatedAt: string;
  totalRefunded: MoneyV2;
  returnName: string | null;
}

export interface CardPaymentDetails {
  cardBrand: string;
  last4: string | null;
}

/** A gift card redeemed by a payment: its code's last characters and what it had left after the payment. */
export interface GiftCardDetails {
  last4: string;
  balance: MoneyV2;
}

export interface OrderTransaction {
  id: string;
  createdAt: string;
  processedAt: string | null;
  kind: OrderTransactionKind | null;
  status: OrderTransactionStatus | null;
  type: OrderTransactionType;
  transactionAmount: MoneyBag;
  paymentDetails: CardPaymentDetails | null;
  giftCardDetails: GiftCardDetails | null;
  transactionParentId: string | null;
}

export interface PaymentSchedule {
  id: string;
  dueAt: string | null;
  completed: boolean;
  completedAt: string | null;
}

export interface PaymentTerms {
  id: string;
  paymentTermsName: string;
  paymentTermsType: PaymentTermsType;
  nextDueAt: string | null;
  overdue: boolean;
  paymentSchedules: Connection<PaymentSchedule>;
}

export interface OrderPaymentInformation {
  paymentStatus: OrderFinancialStatus | null;
  paymentTerms: PaymentTerms | null;
  paymentCollectionUrl: string | null;
  /** Still to be paid. */
  totalOutstandingAmount: MoneyV2;
  /** Paid before any refund. */
  totalPaidAmount: MoneyV2;
}

export interface OrderPickupInformation {
  address: PickupAddress | null;
  status: PickupStatus | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface ShippingLine {
  title: string;
  handle: string | null;
  /** Before discounts and taxes. */
  originalPrice: MoneyV2;
}

export interface OrderLineItemsSummary {
  lineItemCount: number;
  totalQuantityOfLineItems: number;
  totalQuantityOfLegacyFeesLineItems: number;
  totalQuantityOfTipLineItems: number;
}

export interface OrderDiscountInformation {
  totalDiscounts: MoneyV2;
  totalOrderLevelAppliedDiscounts: MoneyV2;
}

/**
 * `PurchasingEntity`, the union `Customer | PurchasingCompany`
 * (shopify.dev/docs/api/customer/latest/unions/PurchasingEntity): Encore reads only whether a company bought,
 * and which (`PurchasingCompany.company` and `.location`, both non-null).
 */
export type PurchasingEntity =
  { __typename: 'Customer'; id: string } | { __typename: 'PurchasingCompany'; company: { id: string; name: string }; location: { id: string; name: string } };

export interface Order {
  id: string;
  name: string;
  number: number;
  confirmationNumber: string | null;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  cancelReason: OrderCancelReason | null;
  currencyCode: string;
  customerLocale: string | null;
  email: string | null;
  phone: string | null;
  note: string | null;
  poNumber: string | null;
  /** Who bought: the customer, or for a B2B order the company at one of its locations. */
  purchasingEntity: PurchasingEntity | null;
  customAttributes: Attribute[];
  financialStatus: OrderFinancialStatus | null;
  fulfillmentStatus: OrderFulfillmentStatus;
  requiresShipping: boolean;
  statusPageUrl: string;
  billingAddress: CustomerAddress | null;
  shippingAddress: CustomerAddress | null;
  lineItems: Connection<LineItem>;
  lineItemsSummary: OrderLineItemsSummary | null;
  discountApplications: Connection<DiscountApplication>;
  discountInformation: OrderDiscountInformation;
  shippingLine: ShippingLine | null;
  shippingDiscountAllocations: DiscountAllocation[];
  fulfillments: Connection<Fulfillment>;
  refunds: Refund[];
  transactions: OrderTransaction[];
  paymentInformation: OrderPaymentInformation | null;
  pickupInformation: OrderPickupInformation | null;
  /** Before duties, shipping and taxes; after every discount. */
  subtotal: MoneyV2 | null;
  /** Before order-level discounts, duties and shipping. */
  subtotalBeforeDiscounts: MoneyV2 | null;
  /** Shipping before discounts. */
  totalShipping: MoneyV2;
  totalDiscountedShipping: MoneyV2;
  totalTax: MoneyV2 | null;
  totalDuties: MoneyV2 | null;
  totalPrice: MoneyV2;
  totalRefunded: MoneyV2;
}

export interface CustomerEmailAddress {
  emailAddress: string | null;
  marketingState: EmailMarketingState;
}

export interface CustomerPhoneNumber {
  phoneNumber: string;
}

export interface Customer {
  id: string;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  emailAddress: CustomerEmailAddress | null;
  phoneNumber: CustomerPhoneNumber | null;
  tags: string[];
  defaultAddress: CustomerAddress | null;
  addresses: Connection<CustomerAddress>;
  /** Newest first, as the account pages list them. */
  orders: Connection<Order>;
}
