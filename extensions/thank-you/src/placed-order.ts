/**
 * The thank-you page's view of the order, as the core's `Order` the moment it
 * was placed, so "what happens next" comes from the same `orderJourney` the
 * order-status page and the theme use. Pure: the entry module reads the
 * `shopify` values and hands them over.
 *
 * What the thank-you API tells, and what is chosen where it is silent:
 * - Payment: `selectedPaymentOptions` gives each method's type only.
 *   `manualPayment` (bank deposit, money order…) and `paymentOnDelivery`
 *   leave the order pending; `deferred` is payment terms (B2B net terms,
 *   due date not shown to extensions: the placement time stands in, so the
 *   order is never overdue here); anything else took the money at checkout,
 *   as a sale, or as an authorization when the merchant set "cards charged
 *   later" (the shop's capture setting is not in the API). No option at all
 *   reads as paid, Shopify's usual case.
 * - Delivery: each delivery group's selected option: `pickup` becomes the
 *   order's pickup (location name and address, not ready yet); `shipping`,
 *   `local` and `pickupPoint` become shipping lines. Lines that do not
 *   require shipping are digital.
 * - Nothing is fulfilled, refunded or cancelled yet. Placed at `now`.
 * - Line items name products by handle when the Storefront answered for
 *   them (`handles`), else by product gid, which matches no catalog product.
 */
import type { CartLine, DeliveryGroup, DeliveryOption, Money, OrderConfirmationApi, SelectedPaymentOption } from '@shopify/ui-extensions/checkout';

/** `shopify.orderConfirmation.value`. */
export type OrderConfirmation = OrderConfirmationApi['orderConfirmation']['value'];
import type { DeliveryMethod } from '@encore/core/journey.ts';
import type { Address, LineItem, Order, Pickup, ShippingLine, Transaction } from '@encore/core/model.ts';
import { subunitsOf } from '@encore/core/subunits.ts';
import { numericId } from '@encore/shopify-apis/storefront/product.ts';

export interface PlacedOrderInput {
  confirmation: OrderConfirmation;
  lines: readonly CartLine[];
  /** `shopify.cost.*.value`; the shipping and tax amounts may be absent. */
  cost: { totalAmount: Money; totalShippingAmount?: Money; totalTaxAmount?: Money };
  deliveryGroups: readonly DeliveryGroup[];
  payments: readonly SelectedPaymentOption[];
  cardsChargedLater: boolean;
  /** ISO time the page is shown: the order was just placed. */
  now: string;
  /** Product gid → handle, from the Storefront answers. */
  handles?: ReadonlyMap<string, string>;
}

const PENDING_METHODS: ReadonlySet<string> = new Set(['manualPayment', 'paymentOnDelivery']);
/** Methods a shop can authorize now and capture later. */
const CARD_METHODS: ReadonlySet<string> = new Set(['creditCard', 'wallet', 'customOnsite']);

/** How the order reaches the buyer, in the core's words: what the delivery step says. */
export function deliveryMode(order: Order, groups: readonly DeliveryGroup[]): DeliveryMethod {
  if (order.pickup) return 'pickup';
  if (order.line_items.every((line) => !line.requires_shipping)) return 'none';
  return selectedOptions(groups).some((option) => option.type === 'local') ? 'local_delivery' : 'shipping';
}

function selectedOptions(groups: readonly DeliveryGroup[]): DeliveryOption[] {
  const options: DeliveryOption[] = [];
  for (const group of groups) {
    const handle = group.selectedDeliveryOption?.handle;
    const option = group.deliveryOptions.find((candidate) => candidate.handle === handle);
    if (option) options.push(option);
  }
  return options;
}

/** What this page reads of a checkout `MailingAddress` (every field optional there). */
interface PickupAddress {
  firstName?: string;
  lastName?: string;
  company?: string | null;
  address1?: string;
  address2?: string | null;
  city?: string;
  provinceCode?: string | null;
  countryCode?: string;
  zip?: string;
  phone?: string | null;
}

/** The pickup location's address in the model's shape (nothing on this page reads it beyond the name). */
function address({
  firstName = '',
  lastName = '',
  company = null,
  address1 = '',
  address2 = null,
  city = '',
  provinceCode = null,
  countryCode = '',
  zip = '',
  phone = null,
}: PickupAddress): Address {
  return {
    first_name: firstName,
    last_name: lastName,
    company,
    address1,
    address2,
    city,
    province: null,
    province_code: provinceCode,
    country_code: countryCode,
    zip,
    phone,
  };
}

function transactions(input: PlacedOrderInput, total: number): { transactions: Transaction[]; terms: Order['payment_terms'] } {
  const types = input.payments.map((option) => option.type);
  if (total <= 0 || types.some((type) => PENDING_METHODS.has(type))) return { transactions: [], terms: null };
  if (types.includes('deferred')) return { transactions: [], terms: { name: 'deferred', due_at: input.now } };
  const authorizeOnly = input.cardsChargedLater && types.length > 0 && types.every((type) => CARD_METHODS.has(type));
  const transaction: Transaction = {
    id: 1,
    kind: authorizeOnly ? 'authorization' : 'sale',
    status: 'success',
    gateway: types[0] || 'unknown',
    amount: total,
    created_at: input.now,
    card: null,
  };
  return { transactions: [transaction], terms: null };
}

/** The order as the core models it, at the moment it was placed. */
export function placedOrder(input: PlacedOrderInput): Order {
  const currency = input.cost.totalAmount.currencyCode;
  const subunits = (money: Money | undefined): number => {
    // Absent or unreadable amounts count as 0 (NaN || 0).
    return (money && subunitsOf(money.amount, money.currencyCode || currency)) || 0;
  };
  const total = subunits(input.cost.totalAmount);
  const lineItems: LineItem[] = input.lines.map((line, index) => {
    const discounts = line.discountAllocations.reduce((sum, allocation) => sum + subunits(allocation.discountedAmount), 0);
    const quantity = Math.max(1, line.quantity);
    const productId = line.merchandise.product.id;
    return {
      // Checkout's cart line ids are not numbers; the position is as stable for one page.
      id: index + 1,
      product: (input.handles && input.handles.get(productId)) || productId,
      variant_id: numericId(line.merchandise.id),
      quantity: line.quantity,
      price: Math.round((subunits(line.cost.totalAmount) + discounts) / quantity),
      properties: {},
      discount_allocations: [],
      requires_shipping: line.merchandise.requiresShipping,
    };
  });
  const options = selectedOptions(input.deliveryGroups);
  const pickupOption = options.find((option) => option.type === 'pickup');
  const pickup: Pickup | null =
    pickupOption?.type === 'pickup'
      ? { location_name: pickupOption.location.name || pickupOption.title || '', address: address(pickupOption.location.address || {}), ready_at: null }
      : null;
  const shippingLines: ShippingLine[] = options.map((option) => ({
    title: option.title || '',
    price: option.type === 'pickup' ? 0 : subunits(option.cost),
    discount_allocations: [],
  }));
  const tax = subunits(input.cost.totalTaxAmount);
  const { transactions: paid, terms } = transactions(input, total);
  // NaN (an id without digits) reads as 0.
  const id = numericId(input.confirmation.order.id);
  // Every field written out rather than core/blank-order.ts: the call and its spread cost this bundle bytes it does not have.
  return {
    id: id || 0,
    name: input.confirmation.number || '',
    description: '',
    confirmation_number: input.confirmation.number,
    created_at: input.now,
    processed_at: input.now,
    currency,
    email: '',
    phone: null,
    tags: [],
    note: null,
    attributes: {},
    billing_address: null,
    shipping_address: null,
    line_items: lineItems,
    discount_applications: [],
    shipping_lines: shippingLines,
    tax_lines: tax > 0 ? [{ title: 'Tax', rate: 0, price: tax }] : [],
    total_price: total,
    fulfillments: [],
    transactions: paid,
    refunds: [],
    cancelled_at: null,
    cancel_reason: null,
    payment_terms: terms,
    pickup,
  };
}
