/**
 * A customer and their orders as the Customer Account API (GraphQL, version
 * 2026-10) returns them: what a customer-account extension gets back from
 * `shopify://customer-account/api/2026-10/graphql.json`.
 *
 * Field names, nullability and enum values were checked against:
 * - shopify.dev/docs/api/customer/latest/objects/Order (and /2025-01/objects/Order)
 * - shopify.dev/docs/api/customer/latest/objects/Fulfillment and /objects/TrackingInformation
 * - the schema-generated types in Shopify/hydrogen,
 *   packages/hydrogen-react/src/customer-account-api-types.d.ts (generated from 2025-07; the
 *   2026 "latest" pages for Fulfillment and TrackingInformation list the same fields), for Customer, CustomerAddress,
 *   CustomerEmailAddress, LineItem, DiscountAllocation, DiscountApplication and its four
 *   implementations, Fulfillment, FulfillmentEvent, FulfillmentLineItem, Refund, OrderTransaction,
 *   CardPaymentDetails, OrderPaymentInformation, PaymentTerms, PaymentSchedule, OrderPickupInformation,
 *   PickupAddress, ShippingLine, MoneyV2, MoneyBag, and the enums OrderFinancialStatus,
 *   OrderFulfillmentStatus, OrderCancelReason, FulfillmentStatus, FulfillmentEventStatus,
 *   OrderTransactionKind/Status/Type, PaymentTermsType, PickupStatus, EmailMarketingState)
 * - shopify.dev/changelog: "New field fulfillmentStatus added to the Order type of the
 *   Customer Account API" (since 2025-04).
 *
 * Statuses and amounts come from derive.ts; this file only renames and
 * reshapes. Where a field needs something the fixture does not record, the
 * choice is written next to it.
 */
import {
  financialStatus,
  fulfillmentStatus,
  lineAmounts,
  lineItemState,
  orderAmounts,
  totalRefunded,
} from '../derive.ts';
import { fulfillmentNotRequired } from '../../../extensions/core/src/order-status.ts';
import type {
  Customer,
  DiscountAllocation as FixtureAllocation,
  DiscountApplication as FixtureApplication,
  Fulfillment as FixtureFulfillment,
  LineItem as FixtureLineItem,
  Order as FixtureOrder,
  Store,
  Transaction,
} from '../types.ts';
import { imageUrl, lineCatalog, lineName, orderContext, orderNumber, selectedOptions, statusPageUrl, variantTitle, type OrderContext } from './context.ts';
import { connection, customerAddress, latest, pickupAddressOf } from './customer-account-parts.ts';
import type * as CA from './customer-account-types.ts';
import { childId, gid, stableId } from './ids.ts';
import { paymentJourney } from '../../../extensions/core/src/journey.ts';
import { moneyBag, moneyV2 } from './money.ts';

export type * as CustomerAccount from './customer-account-types.ts';

/** One order, as `query { order(id: …) { … } }` returns it to its owner. */
export function customerAccountOrder(store: Store, order: FixtureOrder, customer: Customer): CA.Order {
  return new OrderView(orderContext(store, order, customer)).order();
}

/** The logged-in customer, with every order newest first. */
export function customerAccountCustomer(store: Store, customer: Customer): CA.Customer {
  if (!store.customers.some((candidate) => candidate.id === customer.id)) {
    throw new Error(`customer "${customer.handle}" (id ${customer.id}) is not in this store`);
  }
  const newestFirst = [...customer.orders].sort(
    (a, b) => Date.parse(b.processed_at) - Date.parse(a.processed_at) || b.id - a.id,
  );
  const addresses = customer.addresses.map((address) => customerAddress(address, gid('CustomerAddress', address.id)));
  const defaultIndex = customer.addresses.findIndex((address) => address.id === customer.default_address_id);
  const fullName = [customer.first_name, customer.last_name].filter(Boolean).join(' ');
  return {
    id: gid('Customer', customer.id),
    firstName: customer.first_name || null,
    lastName: customer.last_name || null,
    // Shopify falls back to the email, then the phone, when there is no name.
    displayName: fullName || customer.email || customer.phone || '',
    emailAddress: customer.email
      ? { emailAddress: customer.email, marketingState: customer.accepts_marketing ? 'SUBSCRIBED' : 'NOT_SUBSCRIBED' }
      : null,
    phoneNumber: customer.phone ? { phoneNumber: customer.phone } : null,
    tags: [...customer.tags],
    defaultAddress: defaultIndex >= 0 ? addresses[defaultIndex] : null,
    addresses: connection(addresses),
    orders: connection(newestFirst.map((order) => customerAccountOrder(store, order, customer))),
  };
}

const FINANCIAL_STATUS: Record<ReturnType<typeof financialStatus>, CA.OrderFinancialStatus> = {
  authorized: 'AUTHORIZED',
  paid: 'PAID',
  partially_paid: 'PARTIALLY_PAID',
  partially_refunded: 'PARTIALLY_REFUNDED',
  pending: 'PENDING',
  refunded: 'REFUNDED',
  voided: 'VOIDED',
};

/** RESTOCKED is documented as replaced; a restocked order has nothing left to fulfill, so from 2026-10 it reads FULFILLMENT_NOT_REQUIRED (`#fulfillmentStatus`). */
const FULFILLMENT_STATUS: Record<ReturnType<typeof fulfillmentStatus>, CA.OrderFulfillmentStatus> = {
  fulfilled: 'FULFILLED',
  partial: 'PARTIALLY_FULFILLED',
  restocked: 'UNFULFILLED',
  unfulfilled: 'UNFULFILLED',
};

const APPLICATION_TYPENAME = {
  automatic: 'AutomaticDiscountApplication',
  discount_code: 'DiscountCodeApplication',
  manual: 'ManualDiscountApplication',
  script: 'ScriptDiscountApplication',
} as const;

/** Gateways whose transactions Shopify types by gateway rather than by card. */
const GATEWAY_TYPES: Record<string, CA.OrderTransactionType> = {
  bank_deposit: 'BANK_DEPOSIT',
  cash_on_delivery: 'CASH_ON_DELIVERY',
  gift_card: 'GIFT_CARD',
  manual: 'MANUAL',
  money_order: 'MONEY_ORDER',
  shopify_installments: 'SHOPIFY_INSTALLMENTS',
  store_credit: 'STORE_CREDIT',
};

class OrderView {
  readonly #context: OrderContext;
  readonly #order: FixtureOrder;
  readonly #currency: string;
  readonly #applications: CA.DiscountApplication[];
  readonly #lineItems = new Map<number, CA.LineItem>();

  constructor(context: OrderContext) {
    this.#context = context;
    this.#order = context.order;
    this.#currency = context.order.currency;
    this.#applications = this.#order.discount_applications.map((application) => this.#application(application));
  }

  #money(subunits: number): CA.MoneyV2 {
    return moneyV2(subunits, this.#currency);
  }

  order(): CA.Order {
    const order = this.#order;
    const amounts = orderAmounts(order);
    const lineItems = order.line_items.map((line) => this.#lineItem(line));
    const shippingLines = order.shipping_lines;
    return {
      id: gid('Order', order.id),
      name: order.name,
      number: orderNumber(order),
      confirmationNumber: order.confirmation_number ?? null,
      createdAt: order.created_at,
      processedAt: order.processed_at,
      updatedAt: latest([
        order.created_at,
        order.processed_at,
        order.cancelled_at,
        ...order.fulfillments.flatMap((fulfillment) => fulfillmentTimes(fulfillment)),
        ...order.refunds.map((refund) => refund.created_at),
        ...order.transactions.map((transaction) => transaction.created_at),
      ]),
      cancelledAt: order.cancelled_at,
      cancelReason: order.cancel_reason ? (order.cancel_reason.toUpperCase() as CA.OrderCancelReason) : null,
      // The schema documents this as the shop's currency at the time of the order.
      currencyCode: this.#context.store.shop.currency,
      // Fixtures do not record the locale the buyer checked out in.
      customerLocale: null,
      email: order.email || null,
      phone: order.phone,
      note: order.note,
      poNumber: order.po_number ?? null,
      purchasingEntity: order.company
        ? {
            __typename: 'PurchasingCompany',
            // Fixtures name the company and location but do not number them: ids are stable hashes of the names.
            company: { id: gid('Company', stableId(order.company.name)), name: order.company.name },
            location: { id: gid('CompanyLocation', stableId(`${order.company.name}/${order.company.location}`)), name: order.company.location },
          }
        : { __typename: 'Customer', id: gid('Customer', this.#context.customer.id) },
      customAttributes: attributes(order.attributes),
      financialStatus: FINANCIAL_STATUS[financialStatus(order)],
      fulfillmentStatus: this.#fulfillmentStatus(),
      requiresShipping: order.line_items.some((line) => line.requires_shipping),
      statusPageUrl: statusPageUrl(this.#context.store, order),
      // An order's addresses are snapshots the fixture does not number; the order's id with a role keeps them apart.
      billingAddress: order.billing_address ? customerAddress(order.billing_address, gid('CustomerAddress', order.id, { role: 'billing' })) : null,
      shippingAddress: order.shipping_address ? customerAddress(order.shipping_address, gid('CustomerAddress', order.id, { role: 'shipping' })) : null,
      lineItems: connection(lineItems),
      lineItemsSummary: {
        lineItemCount: lineItems.length,
        totalQuantityOfLineItems: order.line_items.reduce((total, line) => total + line.quantity, 0),
        totalQuantityOfLegacyFeesLineItems: 0,
        totalQuantityOfTipLineItems: 0,
      },
      discountApplications: connection(this.#applications),
      discountInformation: {
        totalDiscounts: this.#money(amounts.totalDiscounts),
        totalOrderLevelAppliedDiscounts: this.#money(amounts.cartLevelDiscounts),
      },
      shippingLine: shippingLines.length === 0 ? null : {
        // One summary line for the whole order, as the schema describes it.
        title: shippingLines.map((line) => line.title).join(', '),
        handle: null,
        originalPrice: this.#money(amounts.shippingOriginal),
      },
      shippingDiscountAllocations: shippingLines.flatMap((line, index) =>
        this.#allocations(line.discount_allocations, `shipping_lines[${index}]`),
      ),
      fulfillments: connection(order.fulfillments.map((fulfillment, index) => this.#fulfillment(fulfillment, index))),
      refunds: order.refunds.map((refund) => ({
        id: gid('Refund', refund.id),
        createdAt: refund.created_at,
        updatedAt: refund.created_at,
        totalRefunded: this.#money(refund.amount),
        returnName: null,
      })),
      transactions: order.transactions.map((transaction) => this.#transaction(transaction)),
      paymentInformation: this.#paymentInformation(),
      pickupInformation: this.#pickupInformation(),
      subtotal: this.#money(amounts.subtotal),
      subtotalBeforeDiscounts: this.#money(amounts.lineItemsSubtotal),
      totalShipping: this.#money(amounts.shippingOriginal),
      totalDiscountedShipping: this.#money(amounts.shipping),
      totalTax: this.#money(amounts.tax),
      totalDuties: order.duties && order.duties.length > 0 ? this.#money(amounts.duties) : null,
      totalPrice: this.#money(order.total_price),
      totalRefunded: this.#money(totalRefunded(order)),
    };
  }

  #fulfillmentStatus(): CA.OrderFulfillmentStatus {
    const order = this.#order;
    if (fulfillmentNotRequired(order)) return 'FULFILLMENT_NOT_REQUIRED';
    const status = FULFILLMENT_STATUS[fulfillmentStatus(order)];
    if (status === 'FULFILLED' || order.cancelled_at !== null) return status;
    // A hold or a ready pickup says more about the waiting items than "unfulfilled" does.
    if (order.fulfillment_hold) return 'ON_HOLD';
    if (order.pickup?.ready_at) return 'READY_FOR_PICKUP';
    return status;
  }

  #application(application: FixtureApplication): CA.DiscountApplication {
    const common = {
      // Percentages and order-wide amounts spread over the lines; a fixed amount on chosen lines applies to each.
      allocationMethod: (application.value_type === 'fixed_amount' && application.target_selection !== 'all' ? 'EACH' : 'ACROSS') as CA.DiscountApplicationAllocationMethod,
      targetSelection: application.target_selection.toUpperCase() as CA.DiscountApplicationTargetSelection,
      targetType: application.target_type.toUpperCase() as CA.DiscountApplicationTargetType,
      value: application.value_type === 'percentage' ? { percentage: application.value } : this.#money(application.value),
    };
    switch (application.type) {
      case 'discount_code':
        return { __typename: APPLICATION_TYPENAME.discount_code, ...common, code: application.code ?? application.title };
      case 'manual':
        return { __typename: APPLICATION_TYPENAME.manual, ...common, title: application.title, description: null };
      case 'automatic':
      case 'script':
        return { __typename: APPLICATION_TYPENAME[application.type], ...common, title: application.title };
    }
  }

  #allocations(allocations: FixtureAllocation[], at: string): CA.DiscountAllocation[] {
    return allocations.map((allocation, index) => {
      const application = this.#applications[allocation.discount_application];
      if (!application) {
        throw new Error(`${this.#context.path}.${at}.discount_allocations[${index}].discount_application: no discount application ${allocation.discount_application}`);
      }
      return { allocatedAmount: this.#money(allocation.amount), discountApplication: application };
    });
  }

  #lineItem(line: FixtureLineItem): CA.LineItem {
    const cached = this.#lineItems.get(line.id);
    if (cached) return cached;
    const order = this.#order;
    const { product, variant, image } = lineCatalog(this.#context, line);
    const amounts = lineAmounts(order, line);
    const state = lineItemState(order, line);
    const item: CA.LineItem = {
      id: gid('LineItem', line.id),
      name: lineName(product, variant),
      title: product.title,
      variantTitle: variantTitle(product, variant),
      quantity: line.quantity,
      refundableQuantity: line.quantity - state.removed - state.returned,
      price: this.#money(line.price),
      totalPrice: this.#money(amounts.originalLinePrice),
      totalPriceBeforeDiscounts: this.#money(amounts.originalLinePrice),
      totalPriceWithDiscounts: this.#money(amounts.finalLinePrice),
      currentTotalPrice: this.#money(line.price * (line.quantity - state.removed)),
      totalDiscount: this.#money(amounts.lineLevelDiscount),
      discountAllocations: this.#allocations(line.discount_allocations, `line_items[${order.line_items.indexOf(line)}]`),
      image: image
        ? { id: gid('ProductImage', image.id), url: imageUrl(this.#context.store, image), altText: image.alt, width: image.width, height: image.height }
        : null,
      sku: variant.sku,
      vendor: product.vendor,
      productId: gid('Product', product.id),
      productType: product.product_type,
      variantId: gid('ProductVariant', variant.id),
      variantOptions: product.options.length === 0 ? null : selectedOptions(product, variant),
      requiresShipping: line.requires_shipping,
      giftCard: product.gift_card === true,
      customAttributes: attributes(line.properties),
      sellingPlan: line.selling_plan ? { name: line.selling_plan.name, sellingPlanId: gid('SellingPlan', line.selling_plan.id) } : null,
    };
    this.#lineItems.set(line.id, item);
    return item;
  }

  #fulfillment(fulfillment: FixtureFulfillment, index: number): CA.Fulfillment {
    const order = this.#order;
    const at = `${this.#context.path}.fulfillments[${index}]`;
    const events = (fulfillment.events ?? []).map((event, position) => ({
      id: gid('FulfillmentEvent', childId(fulfillment.id, position)),
      happenedAt: event.happened_at,
      status: event.status.toUpperCase() as CA.FulfillmentEventStatus,
    }));
    const latestStatus = fulfillment.shipment_status
      ? (fulfillment.shipment_status.toUpperCase() as CA.FulfillmentEventStatus)
      : (events.at(-1)?.status ?? null);
    const lines = fulfillment.line_items.map((entry, position) => {
      const line = order.line_items.find((candidate) => candidate.id === entry.line_item);
      if (!line) throw new Error(`${at}.line_items[${position}].line_item: no line item ${entry.line_item} on order ${order.name}`);
      return { line, entry, position };
    });
    const method = fulfillment.delivery_method ?? 'shipping';
    const pickupAddress = method === 'pickup' && order.pickup ? pickupAddressOf(order.pickup.address) : null;
    return {
      id: gid('Fulfillment', fulfillment.id),
      createdAt: fulfillment.created_at,
      updatedAt: latest(fulfillmentTimes(fulfillment)),
      // Fixtures record where a parcel has been, not when it should arrive.
      estimatedDeliveryAt: null,
      status: fulfillment.status === 'cancelled' ? 'CANCELLED' : 'SUCCESS',
      latestShipmentStatus: latestStatus,
      isPickedUp: method === 'pickup' && latestStatus === 'PICKED_UP',
      pickupAddress,
      requiresShipping: method !== 'none' && lines.some(({ line }) => line.requires_shipping),
      trackingInformation: trackingInformation(fulfillment),
      events: connection(events),
      fulfillmentLineItems: connection(
        lines.map(({ line, entry, position }) => ({
          id: gid('FulfillmentLineItem', childId(fulfillment.id, position)),
          quantity: entry.quantity,
          lineItem: this.#lineItem(line),
        })),
      ),
    };
  }

  #transaction(transaction: Transaction): CA.OrderTransaction {
    return {
      id: gid('OrderTransaction', transaction.id),
      createdAt: transaction.created_at,
      processedAt: transaction.created_at,
      kind: transaction.kind.toUpperCase() as CA.OrderTransactionKind,
      status: transaction.status.toUpperCase() as CA.OrderTransactionStatus,
      type: GATEWAY_TYPES[transaction.gateway] ?? (transaction.card ? 'CARD' : 'CUSTOM'),
      transactionAmount: moneyBag(transaction.amount, this.#currency),
      paymentDetails: transaction.card ? { cardBrand: transaction.card.brand, last4: transaction.card.last_four } : null,
      giftCardDetails: transaction.gift_card ? { last4: transaction.gift_card.last_characters, balance: this.#money(transaction.gift_card.balance) } : null,
      // Fixtures do not link a capture or refund to the transaction it settles.
      transactionParentId: null,
    };
  }

  #paymentInformation(): CA.OrderPaymentInformation {
    const order = this.#order;
    // Outstanding and overdue are the core's rules, so this API and every other surface agree.
    const now = this.#context.store.shop.now ? Date.parse(this.#context.store.shop.now) : Date.now();
    const { paid, outstanding, overdue, status } = paymentJourney(order, now);
    return {
      paymentStatus: FINANCIAL_STATUS[status],
      paymentTerms: order.payment_terms ? this.#paymentTerms(order.payment_terms, outstanding, overdue) : null,
      // Shopify shows a pay link only once the merchant sends an invoice; fixtures have none.
      paymentCollectionUrl: null,
      totalOutstandingAmount: this.#money(outstanding),
      totalPaidAmount: this.#money(paid),
    };
  }

  #paymentTerms(terms: NonNullable<FixtureOrder['payment_terms']>, outstanding: number, overdue: boolean): CA.PaymentTerms {
    const order = this.#order;
    const completed = outstanding === 0;
    const lastPayment = order.transactions
      .filter((transaction) => transaction.status === 'success' && (transaction.kind === 'capture' || transaction.kind === 'sale'))
      .map((transaction) => transaction.created_at);
    return {
      id: gid('PaymentTerms', order.id),
      paymentTermsName: terms.name,
      paymentTermsType: paymentTermsType(terms.name),
      nextDueAt: completed ? null : terms.due_at,
      overdue,
      paymentSchedules: connection([
        {
          id: gid('PaymentSchedule', childId(order.id, 0)),
          dueAt: terms.due_at,
          completed,
          completedAt: completed && lastPayment.length > 0 ? latest(lastPayment) : null,
        },
      ]),
    };
  }

  #pickupInformation(): CA.OrderPickupInformation | null {
    const pickup = this.#order.pickup;
    if (!pickup) return null;
    const pickedUp = this.#order.fulfillments.some(
      (fulfillment) => fulfillment.status === 'success' && (fulfillment.shipment_status === 'picked_up' || fulfillment.events?.at(-1)?.status === 'picked_up'),
    );
    return {
      address: pickupAddressOf(pickup.address),
      // OPEN: waiting at the counter; CLOSED: collected. While the order is still being prepared Shopify's status is not documented, so null.
      status: pickedUp ? 'CLOSED' : pickup.ready_at ? 'OPEN' : null,
      createdAt: this.#order.processed_at,
      updatedAt: pickup.ready_at ?? this.#order.processed_at,
    };
  }
}

/** Net terms are named "Net 30"; due-on-receipt and due-on-fulfillment terms say so; any other dated terms are fixed. */
function paymentTermsType(name: string): CA.PaymentTermsType {
  if (/^\s*net\s*\d+/i.test(name)) return 'NET';
  if (/receipt/i.test(name)) return 'RECEIPT';
  if (/fulfil/i.test(name)) return 'FULFILLMENT';
  return 'FIXED';
}

function trackingInformation(fulfillment: FixtureFulfillment): CA.TrackingInformation[] {
  if (fulfillment.tracking_numbers.length === 0) {
    return fulfillment.tracking_company ? [{ company: fulfillment.tracking_company, number: null, url: null }] : [];
  }
  return fulfillment.tracking_numbers.map((number, index) => ({
    company: fulfillment.tracking_company,
    number,
    url: fulfillment.tracking_urls[index] ?? null,
  }));
}

function fulfillmentTimes(fulfillment: FixtureFulfillment): (string | null | undefined)[] {
  return [fulfillment.created_at, fulfillment.cancelled_at, ...(fulfillment.events ?? []).map((event) => event.happened_at)];
}

function attributes(record: Record<string, string>): CA.Attribute[] {
  return Object.entries(record).map(([key, value]) => ({ key, value }));
}
