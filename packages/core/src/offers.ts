/**
 * Offer rules: which of the merchant's configured offers the post-purchase
 * page shows for one order, in what order, at what price and quantity.
 *
 * What the caller must pass
 * - `order.subtotal` in subunits of the SHOP currency (Shopify's `shopMoney`),
 *   because the config's `order_value` bands and fixed amounts are written in
 *   it; `order.currency` is the presentment currency, used only by the
 *   `currency` condition. `order.country` is the shipping country, null when
 *   nothing ships.
 * - `customer.orderCount`: orders the customer placed BEFORE this one. An
 *   adapter that reads a count which already includes this order (Shopify's
 *   `numberOfOrders` once the order exists) subtracts one.
 * - `customer: null` when the buyer is unknown. An unknown buyer's history is
 *   unknown, so `first_order` (true or false), `customer_order_count` and
 *   `customer_tag` conditions do not hold for them: a first-order discount is
 *   a margin decision and is not handed to someone who may have ordered fifty
 *   times. Offers without customer conditions still show.
 *
 * Rules
 * - An offer shows when every condition of its trigger holds (see offer-config.ts).
 * - Highest priority first, ties by id; at most 3 (Shopify accepts at most
 *   3 post-purchase offers per order).
 * - Never a product already in the order, and never two offers for the same
 *   product: the higher-priority one wins. (Once one variant is accepted the
 *   product is in the order, so a second variant of it is the same mistake.)
 * - Never a variant the store does not have, of an unpublished product, or out
 *   of stock (inventory tracked, at or below 0, policy "deny").
 * - The quantity the customer may pick is capped by the stock left when the
 *   variant cannot be oversold.
 *
 * Prices are for display and for choosing; the changeset Shopify calculates
 * from the same discount is what the customer is charged.
 */
import type { Collection, Product, Variant } from './model.ts';
import { MAX_FUNNEL_STEPS, byPriorityOrder, type Offer, type OfferConfig, type OfferDiscount, type OfferNext, type OfferTrigger } from './offer-config.ts';

/** Shopify's limit on post-purchase offers per order. */
export const MAX_OFFERS_PER_ORDER = MAX_FUNNEL_STEPS;

export interface OfferOrderLine {
  /** Product handle. */
  product: string;
  variant_id: number;
  quantity: number;
}

export interface OfferOrder {
  lines: OfferOrderLine[];
  /** Subunits of the shop currency. */
  subtotal: number;
  /** Presentment currency, ISO 4217. */
  currency: string;
  /** Shipping country, ISO 3166-1 alpha-2; null when nothing ships. */
  country: string | null;
}

export interface OfferCustomer {
  /** Orders placed before this one. */
  orderCount: number;
  tags: string[];
}

export interface OfferInput {
  config: OfferConfig;
  products: Product[];
  order: OfferOrder;
  customer: OfferCustomer | null;
  collections: Collection[];
}

export interface OfferPick {
  offer: Offer;
  product: Product;
  variant: Variant;
  /** Preselected quantity. */
  quantity: number;
  /** Most the customer may pick: the offer's max, or the stock left when lower. */
  maxQuantity: number;
  /** Unit price before the offer's discount, subunits. */
  price: number;
  /** Unit price after it. */
  discountedPrice: number;
  /** Off each unit: price − discountedPrice. */
  discount: number;
}

export function selectOffers(input: OfferInput): OfferPick[] {
  const { config, products, order, customer, collections } = input;
  const variants = new Map<number, { product: Product; variant: Variant }>();
  for (const product of products) {
    for (const variant of product.variants) variants.set(variant.id, { product, variant });
  }
  const ordered = orderedLineProducts(order, products);
  const context: TriggerContext = { order, customer, ordered, collections };
  // By handle and by variant, so a line whose handle and variant disagree still counts as its product.
  const taken = new Set(order.lines.flatMap((line) => [line.product, variants.get(line.variant_id)?.product.handle ?? line.product]));

  const picks: OfferPick[] = [];
  for (const offer of [...config.offers].sort(byPriorityOrder)) {
    if (picks.length === MAX_OFFERS_PER_ORDER) break;
    if (!triggerHolds(offer.trigger, context)) continue;
    const found = variants.get(offer.action.variant_id);
    if (!found || found.product.published_at === null) continue;
    const { product, variant } = found;
    if (taken.has(product.handle)) continue;
    const stock = sellableStock(variant);
    if (stock !== null && stock <= 0) continue;
    const maxQuantity = stock === null ? offer.action.quantity.max : Math.min(offer.action.quantity.max, stock);
    const discountedPrice = offerPrice(variant.price, offer.action.discount);
    picks.push({
      offer,
      product,
      variant,
      quantity: Math.min(offer.action.quantity.default, maxQuantity),
      maxQuantity,
      price: variant.price,
      discountedPrice,
      discount: variant.price - discountedPrice,
    });
    taken.add(product.handle);
  }
  return picks;
}

/**
 * The unit price after an offer's discount, in subunits.
 * Percentage: the amount off is price × percent / 100 rounded half up to the
 * subunit (15% of 1010 is 151.5, so 152 off and 858 to pay: the half subunit
 * goes to the customer), computed in integers so no float error can tip a half.
 * Fixed amount: that many subunits off. Never below 0.
 */
export function offerPrice(variantPrice: number, discount: OfferDiscount | null): number {
  if (discount === null) return Math.max(0, variantPrice);
  const off = discount.type === 'percentage' ? percentOf(variantPrice, discount.value) : discount.value;
  return Math.max(0, variantPrice - off);
}

/** `percent` has at most 2 decimals (the config guarantees it), so it is a whole number of basis points. */
function percentOf(amount: number, percent: number): number {
  const basisPoints = Math.round(percent * 100);
  const scaled = Math.max(0, amount) * basisPoints + 5000;
  return (scaled - (scaled % 10000)) / 10000;
}

/**
 * The funnel over an order's picks (in `selectOffers` order): the first pick
 * is shown first; for each pick, the offer shown after accepting and after
 * declining it. An offer left without `next` leads to the following pick
 * either way. A `next` naming an offer that is not among this order's picks
 * (its trigger does not hold, its product is already in the order, it is out
 * of stock, or it fell past the limit of 3) ends the funnel there: the buyer
 * goes on to the thank-you page rather than to an offer the merchant did not
 * choose for that answer. Every link points forward in the picks (the config
 * only allows later offers), so the buyer sees at most 3 offers.
 */
export function offerFunnel(picks: OfferPick[]): Map<string, OfferNext> {
  const position = new Map(picks.map((pick, i) => [pick.offer.id, i]));
  const funnel = new Map<string, OfferNext>();
  picks.forEach((pick, i) => {
    const following = picks[i + 1]?.offer.id ?? null;
    const next = pick.offer.next;
    // Forward only, even if a config slipped past the validator: a funnel must never loop.
    const resolve = (target: string | null) => (target !== null && (position.get(target) ?? -1) > i ? target : null);
    funnel.set(pick.offer.id, next ? { accepted: resolve(next.accepted), declined: resolve(next.declined) } : { accepted: following, declined: following });
  });
  return funnel;
}

/** Units that can still be sold, or null when nothing limits it (untracked, or sold past zero). */
function sellableStock(variant: Variant): number | null {
  if (variant.inventory_quantity === null || variant.inventory_policy === 'continue') return null;
  return variant.inventory_quantity;
}

interface TriggerContext {
  order: OfferOrder;
  customer: OfferCustomer | null;
  /** Products of the order's lines that the catalog knows. */
  ordered: Product[];
  collections: Collection[];
}

function orderedLineProducts(order: OfferOrder, products: Product[]): Product[] {
  const byHandle = new Map(products.map((product) => [product.handle, product]));
  return order.lines.flatMap((line) => byHandle.get(line.product) ?? []);
}

function triggerHolds(trigger: OfferTrigger, context: TriggerContext): boolean {
  const { order, customer, ordered, collections } = context;
  if (trigger.product && !order.lines.some((line) => trigger.product!.includes(line.product))) return false;
  if (trigger.collection) {
    const handles = new Set(collections.filter((collection) => trigger.collection!.includes(collection.handle)).flatMap((collection) => collection.products));
    if (!order.lines.some((line) => handles.has(line.product))) return false;
  }
  if (trigger.tag && !ordered.some((product) => anyOf(trigger.tag!, product.tags))) return false;
  if (trigger.product_type && !ordered.some((product) => anyOf(trigger.product_type!, [product.product_type]))) return false;
  if (trigger.order_value && !inBand(order.subtotal, trigger.order_value)) return false;
  if (trigger.customer_order_count && !(customer && inBand(customer.orderCount, trigger.customer_order_count))) return false;
  if (trigger.first_order !== undefined && !(customer && (customer.orderCount === 0) === trigger.first_order)) return false;
  if (trigger.customer_tag && !(customer && anyOf(trigger.customer_tag, customer.tags))) return false;
  if (trigger.country && !(order.country !== null && trigger.country.includes(order.country.toUpperCase()))) return false;
  if (trigger.currency && !trigger.currency.includes(order.currency.toUpperCase())) return false;
  return true;
}

function inBand(value: number, band: { min?: number; max?: number }): boolean {
  return (band.min === undefined || value >= band.min) && (band.max === undefined || value < band.max);
}

/** Whether any wanted word is among `have`, without regard to case. */
function anyOf(wanted: string[], have: string[]): boolean {
  const lower = new Set(have.map((word) => word.toLowerCase()));
  return wanted.some((word) => lower.has(word.toLowerCase()));
}
