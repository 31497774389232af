/**
 * The thank-you page extension API (`purchase.thank-you.block.render`) built
 * from a placed order: what `shopify.orderConfirmation.value`,
 * `shopify.lines.value`, `shopify.cost.*.value` and friends hold for the
 * buyer who just placed it. Values are plain (no signals): a tester or the
 * studio wraps them. Types are the published ones from
 * @shopify/ui-extensions 2026.10 (rc.13), so a misspelt field fails `tsc`.
 *
 * The checkout API's `Money.amount` is a number in major units.
 */
import type {
  Attribute,
  BuyerIdentity,
  CartCost,
  CartDiscountAllocation,
  CartDiscountCode,
  CartLine,
  CurrencyCode,
  Customer as CheckoutCustomer,
  DeliveryGroup,
  DeliveryOption,
  ExtensionSettings,
  Localization,
  Money,
  OrderConfirmationApi,
  PurchasingCompany,
  SelectedPaymentOption,
  Shop,
  Timezone,
} from '@shopify/ui-extensions/checkout';
import { lineAmounts, orderAmounts } from '../derive.ts';
import type { Customer, DiscountAllocation, LineItem, Order, Store, Transaction } from '../types.ts';
import { imageUrl, lineCatalog, orderContext, publishedLocale, selectedOptions, shopId, type OrderContext } from './context.ts';
import { gid, stableId } from './ids.ts';
import { majorUnits } from './money.ts';

/** A signal-valued API object with each signal replaced by its current value. */
export type Unsignalled<T> = {
  [K in keyof T]: T[K] extends { readonly value: infer V; subscribe: unknown } ? V : T[K];
};

export interface ThankYouApi {
  orderConfirmation: Unsignalled<OrderConfirmationApi>['orderConfirmation'];
  lines: CartLine[];
  cost: Unsignalled<CartCost>;
  shop: Shop;
  localization: Unsignalled<Localization>;
  /** Undefined without protected customer data access; Encore always grants it. */
  buyerIdentity: Unsignalled<BuyerIdentity>;
  /** Codes the buyer entered. */
  discountCodes: CartDiscountCode[];
  /** Order-level discounts (line-level ones sit on each line). */
  discountAllocations: CartDiscountAllocation[];
  /** Cart attributes collected at checkout. */
  attributes: Attribute[];
  /** How the buyer chose to pay, as checkout recorded it. */
  selectedPaymentOptions: SelectedPaymentOption[];
  /** One group for the lines that ship (or are picked up); none when nothing does. */
  deliveryGroups: DeliveryGroup[];
  /** The merchant's extension settings that follow from the store (`cards_charged_later`); the rest are left unset. */
  settings: ExtensionSettings;
}

export interface ThankYouOptions {
  /** One of the shop's published locales; the primary one by default. */
  locale?: string;
}

export function thankYouApi(store: Store, order: Order, customer: Customer, options: ThankYouOptions = {}): ThankYouApi {
  const context = orderContext(store, order, customer);
  const locale = publishedLocale(store, options.locale);
  const currency = currencyCode(order.currency, `${context.path}.currency`);
  const money = (subunits: number): Money => ({ amount: majorUnits(subunits, currency), currencyCode: currency });
  const amounts = orderAmounts(order);
  const earlier = customer.orders.filter((other) => other.id !== order.id && Date.parse(other.processed_at) < Date.parse(order.processed_at));
  const country = order.shipping_address?.country_code;
  const lines = order.line_items.map((line) => cartLine(context, line, money));
  const placed = orderAtPlacement(order).transactions;
  return {
    orderConfirmation: {
      order: { id: gid('Order', order.id) },
      ...(order.confirmation_number ? { number: order.confirmation_number } : {}),
      isFirstOrder: earlier.length === 0,
    },
    lines,
    cost: {
      // Checkout's subtotal is after line discounts and before order-level ones.
      subtotalAmount: money(amounts.lineItemsSubtotal),
      totalShippingAmount: money(amounts.shipping),
      totalTaxAmount: money(amounts.tax),
      totalAmount: money(order.total_price),
    },
    shop: {
      id: gid('Shop', shopId(store)),
      name: store.shop.name,
      storefrontUrl: `https://${store.shop.domain}`,
      myshopifyDomain: store.shop.permanent_domain,
    },
    localization: {
      currency: { isoCode: currency },
      // An IANA zone from the fixture; the type lists Shopify's supported zones.
      timezone: store.shop.timezone as Timezone,
      language: { isoCode: locale },
      extensionLanguage: { isoCode: locale },
      country: country ? { isoCode: country as NonNullable<Unsignalled<Localization>['country']>['isoCode'] } : undefined,
      market: undefined,
    },
    buyerIdentity: {
      customer: customer.has_account ? checkoutCustomer(customer, earlier.length) : undefined,
      email: order.email || undefined,
      phone: order.phone ?? undefined,
      purchasingCompany: order.company ? purchasingCompany(order.company) : undefined,
    },
    discountCodes: order.discount_applications
      .filter((application) => application.type === 'discount_code')
      .map((application) => ({ code: application.code ?? application.title })),
    discountAllocations: orderLevelAllocations(context, money),
    attributes: Object.entries(order.attributes).map(([key, value]) => ({ key, value })),
    selectedPaymentOptions: paymentOptionsOf(order, placed),
    settings: settingsOf(placed),
    deliveryGroups: deliveryGroupsOf(order, lines, money),
  };
}

/**
 * The order as it stood when its thank-you page showed: the checkout's own payment, nothing since.
 *
 * Checkout records the buyer's payment as a `sale` (authorized and captured in one step) or an
 * `authorization` (the shop captures later), pending while a manual method or the provider has yet to
 * settle it. With Shopify's default capture ("automatically at checkout") a payment is captured when the
 * provider completes processing, which for additional payment methods can be minutes after the order (the
 * bundled stores record every sale, cards, iDEAL, MobilePay and Vipps alike, 4 minutes later), so no time
 * window tells the checkout's payment from later ones. Kind and status do: a `capture`, `refund` or `void`
 * is always a later act on an earlier payment, and a payment that succeeds once the order was already
 * waiting for its money (payment terms, or the checkout's own payment left pending) is that money arriving
 * or the merchant marking the order paid. A fulfillment hold is placed on an order that exists, and the
 * thank-you API has no way to show one.
 */
export function orderAtPlacement(order: Order): Order {
  const copy = structuredClone(order);
  return {
    ...copy,
    fulfillments: [],
    refunds: [],
    cancelled_at: null,
    cancel_reason: null,
    transactions: checkoutPayments(copy),
    fulfillment_hold: null,
    pickup: copy.pickup ? { ...copy.pickup, ready_at: null } : null,
  };
}

function checkoutPayments(order: Order): Transaction[] {
  let waiting = Boolean(order.payment_terms);
  const byTime = [...order.transactions].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
  return byTime.filter((transaction) => {
    if (transaction.kind !== 'sale' && transaction.kind !== 'authorization') return false;
    if (waiting && transaction.status === 'success') return false;
    if (transaction.status === 'pending') waiting = true;
    return true;
  });
}

/**
 * The payment method as checkout names its kind: terms are deferred; a payment the checkout left pending
 * (bank transfer, cash on delivery, konbini), or none at all, is manual; otherwise a card, or an offsite
 * wallet/redirect. Whether a card was charged or only authorized is not among them: `selectedPaymentOptions`
 * gives a type and a handle, nothing more (see `settingsOf`).
 */
function paymentOptionsOf(order: Order, placed: readonly Transaction[]): SelectedPaymentOption[] {
  if (order.payment_terms) return [{ type: 'deferred', handle: 'terms' }];
  if (order.total_price > 0 && (placed.length === 0 || placed.some((transaction) => transaction.status === 'pending'))) {
    return [{ type: 'manualPayment', handle: 'manual' }];
  }
  return [{ type: placed.some((transaction) => transaction.card) ? 'creditCard' : 'offsite', handle: 'payment' }];
}

/**
 * The extension's settings as the merchant of this shop sets them. The thank-you API cannot tell an
 * authorized card from a charged one, so the page relies on the merchant's `cards_charged_later`. A checkout
 * authorizes a card instead of charging it when the shop captures on fulfillment or by hand, so the
 * fixture's own authorization says how that shop's merchant sets it.
 */
function settingsOf(placed: readonly Transaction[]): ExtensionSettings {
  return { cards_charged_later: placed.some((transaction) => transaction.kind === 'authorization' && transaction.status === 'success') };
}

function deliveryGroupsOf(order: Order, lines: CartLine[], money: (subunits: number) => Money): DeliveryGroup[] {
  const shipped = lines.filter((line) => line.merchandise.requiresShipping);
  if (shipped.length === 0) return [];
  const shippingLine = order.shipping_lines[0];
  const cost = money(shippingLine?.price ?? 0);
  const option: DeliveryOption = order.pickup
    ? {
        type: 'pickup',
        handle: 'pickup',
        title: shippingLine?.title,
        code: 'pickup',
        metafields: [],
        location: { name: order.pickup.location_name, address: { address1: order.pickup.address.address1, city: order.pickup.address.city } },
      }
    : {
        type: 'shipping',
        handle: 'shipping',
        title: shippingLine?.title,
        code: shippingLine?.title ?? 'shipping',
        metafields: [],
        carrier: {},
        cost,
        costAfterDiscounts: cost,
        deliveryEstimate: {},
      };
  return [
    {
      id: 'gid://shopify/CartDeliveryGroup/1',
      targetedCartLines: shipped.map((line) => ({ id: line.id })),
      deliveryOptions: [option],
      selectedDeliveryOption: { handle: option.handle },
      groupType: 'oneTimePurchase',
      isDeliveryRequired: true,
    },
  ];
}

function currencyCode(code: string, at: string): CurrencyCode {
  if (!/^[A-Z]{3}$/.test(code)) throw new Error(`${at}: "${code}" is not an ISO 4217 currency code`);
  return code as CurrencyCode;
}

function cartLine(context: OrderContext, line: LineItem, money: (subunits: number) => Money): CartLine {
  const { store, order } = context;
  const { product, variant, image } = lineCatalog(context, line);
  const lineDiscounts = line.discount_allocations.filter((allocation) => {
    const application = order.discount_applications[allocation.discount_application];
    return application !== undefined && !(application.target_type === 'line_item' && application.target_selection === 'all');
  });
  return {
    // Checkout's line ids are not stable; the line item's own number is as good as any.
    id: gid('CartLine', line.id),
    merchandise: {
      type: 'variant',
      id: gid('ProductVariant', variant.id),
      // Product carries no title, so checkout puts the product's title here and the variant's in the subtitle
      // (the type's comment speaks of the variant; live carts show the product name).
      title: product.title,
      ...(product.options.length > 0 ? { subtitle: variant.title } : {}),
      ...(image ? { image: { url: imageUrl(store, image), ...(image.alt ? { altText: image.alt } : {}) } } : {}),
      // A product without options has one variant, which Shopify's storefront APIs describe as Title: Default Title.
      selectedOptions: product.options.length > 0 ? selectedOptions(product, variant) : [{ name: 'Title', value: variant.title }],
      product: { id: gid('Product', product.id), vendor: product.vendor, productType: product.product_type },
      requiresShipping: line.requires_shipping,
      ...(line.selling_plan
        ? { sellingPlan: { id: gid('SellingPlan', line.selling_plan.id), recurringDeliveries: !/pre-?order|try/i.test(line.selling_plan.name) } }
        : {}),
      ...(variant.sku ? { sku: variant.sku } : {}),
    },
    quantity: line.quantity,
    cost: { totalAmount: money(lineAmounts(order, line).finalLinePrice) },
    attributes: Object.entries(line.properties).map(([key, value]) => ({ key, value })),
    discountAllocations: lineDiscounts.map((allocation) => discountAllocation(context, allocation, money)),
    lineComponents: [],
    parentRelationship: null,
  };
}

/** Order-level discounts, summed per application across the lines they were spread over. */
function orderLevelAllocations(context: OrderContext, money: (subunits: number) => Money): CartDiscountAllocation[] {
  const { order } = context;
  const totals = new Map<number, number>();
  for (const line of order.line_items) {
    for (const allocation of line.discount_allocations) {
      const application = order.discount_applications[allocation.discount_application];
      if (application?.target_type === 'line_item' && application.target_selection === 'all') {
        totals.set(allocation.discount_application, (totals.get(allocation.discount_application) ?? 0) + allocation.amount);
      }
    }
  }
  return [...totals].map(([index, amount]) => discountAllocation(context, { discount_application: index, amount }, money));
}

function discountAllocation(context: OrderContext, allocation: DiscountAllocation, money: (subunits: number) => Money): CartDiscountAllocation {
  const application = context.order.discount_applications[allocation.discount_application];
  if (!application) throw new Error(`${context.path}: no discount application ${allocation.discount_application}`);
  const discountedAmount = money(allocation.amount);
  switch (application.type) {
    case 'discount_code':
      return { type: 'code', code: application.code ?? application.title, discountedAmount };
    case 'automatic':
      return { type: 'automatic', title: application.title, discountedAmount };
    case 'manual':
    case 'script':
      // Checkout calls discounts that are neither codes nor automatic "custom".
      return { type: 'custom', title: application.title, discountedAmount };
  }
}

function checkoutCustomer(customer: Customer, previousOrders: number): CheckoutCustomer {
  const fullName = [customer.first_name, customer.last_name].filter(Boolean).join(' ');
  return {
    id: gid('Customer', customer.id),
    email: customer.email,
    ...(customer.phone ? { phone: customer.phone } : {}),
    ...(fullName ? { fullName } : {}),
    ...(customer.first_name ? { firstName: customer.first_name } : {}),
    ...(customer.last_name ? { lastName: customer.last_name } : {}),
    // Shopify serves a generated avatar; fixtures have no picture, so there is no URL to give.
    image: { url: '' },
    acceptsMarketing: customer.accepts_marketing,
    acceptsEmailMarketing: customer.accepts_marketing,
    acceptsSmsMarketing: false,
    storeCreditAccounts: [],
    ordersCount: previousOrders,
  };
}

/** Fixtures name the company and location but do not number them; their ids are stable hashes of the names. */
export function purchasingCompany(company: NonNullable<Order['company']>): PurchasingCompany {
  return {
    company: { id: gid('Company', stableId(company.name)), name: company.name },
    location: { id: gid('CompanyLocation', stableId(`${company.name}/${company.location}`)), name: company.location },
  };
}
