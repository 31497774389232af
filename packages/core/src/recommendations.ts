/**
 * Recommendations and "Buy again", from a customer's purchase history. One set
 * of rules for every surface: the customer account page, the thank-you page
 * and the post-purchase offer.
 *
 * ```ts
 * recommendProducts({ products, collections, history, storeOrders?, now, limit? = 4, perCollectionCap? = 2, exclude?,
 *                     signals? = store-wide, popular? })
 *   → Recommendation[]   // { product, variant, score, reason: { kind, because?, detail? } }
 * buyAgain({ products, history, now, limit? = 8 })
 *   → BuyAgainItem[]     // { product, variant, lastOrderedAt, timesOrdered, quantity, dueAt, due }
 * ```
 *
 * How a candidate is scored. Every product the customer kept carries an
 * *interest*: Σ over its order lines of kept units × 0.5^(age in days /
 * RECENCY_HALF_LIFE_DAYS), so three candles last month outweigh one two years
 * ago. A candidate then earns, from each purchased product other than itself:
 *
 *   interest × ( WEIGHT_COLLECTION × shared collections
 *              + WEIGHT_TYPE       × same product type
 *              + WEIGHT_TAG        × shared tags
 *              + WEIGHT_VENDOR     × same vendor
 *              + WEIGHT_BOUGHT_TOGETHER × log2(1 + other shoppers' orders holding both) )
 *
 * Types, vendors and tags match as written, like Liquid's `==` and
 * `contains`, so a theme can reproduce the same signals.
 *
 * The score is the sum over purchases, rounded to 6 decimals so equal sums
 * compare equal; ties go to the handle in code-point order. The purchase
 * contributing most is the reason's `because`; its single strongest signal is
 * the reason's `kind` (a shared collection, the type, a shared tag, the
 * vendor, or bought together) and `detail` names it.
 *
 * Who is left out: gift cards (never offered, and a purchased one carries
 * no interest, so it is never a reason); unpublished or not-yet-published products;
 * products without a variant that is in stock and priced above zero; products
 * the customer already bought, unless replenishable (they are scored only from
 * the customer's *other* purchases, so a product never recommends itself).
 * Refunded-only purchases (every unit refunded, or the order cancelled) count
 * as bought, so they are never offered back, but they add no interest and are
 * never a reason: the customer sent them back.
 *
 * Diversity: at most `perCollectionCap` picks share a primary collection (the
 * first collection in `collections` order listing the product); products in no
 * collection are not capped. When the history reaches fewer than `limit`
 * products (a new customer reaches none), the rest are the most popular
 * products: most units kept across `storeOrders`, then catalog order, with
 * reason `popular` and the units as score. The catalog comes last in every
 * mode, so a customer who bought everything else still sees something.
 *
 * Buy again lists replenishable products the customer kept units of (refunded
 * units and cancelled orders do not count), that are published and have a
 * variant in stock and priced above zero. An item is due once its last order
 * plus `replenishDays(product)` has come; due items first, then the most
 * recently ordered, then handle.
 *
 * `signals` replaces those signals with a caller's `SignalSet`
 * (recommendation-picks.ts): which orders and units count, whether recency
 * and vendor count, which products a pick may come from, how far the catalog
 * fill reads, and whether other shoppers' orders count at all. The default is
 * everything above, with `storeOrders` feeding bought together and best
 * sellers; a given set reads `storeOrders` only through its own `together` and
 * `bestSellers`. With any set, a `popular` list replaces best sellers as the
 * fill, in its order, with score 0; the catalog comes last unless
 * `fillFromCatalog` is false. Exclusions, the diversity cap, tie-breaks and
 * reasons are the same rules. A theme's Liquid computes a narrower set on
 * Shopify's servers; the theme's parity tests define it where they use it.
 *
 * Cost: the catalog is indexed once (`indexCatalog`: products, types,
 * vendors and tags numbered, collections as position lists) and the index is
 * reused while the catalog stays the same. Each call then makes one pass over
 * the history and one over `storeOrders` (map look-ups by handle), adds
 * interest into flat arrays, and scores the catalog through the products
 * carrying each interesting type, vendor, tag and collection. Only candidates
 * that could make the list are checked for stock and publication, and only
 * the picks look back over the purchases for their reason. Nothing is
 * O(catalog × history). Never reads the clock: `now` is an input.
 *
 * Where the code is: the scoring, reasons, cap and fill are in
 * recommendation-picks.ts; this module adds what reads other shoppers'
 * orders (bought together, best sellers), and buy again.
 * `recommendFromHistory` there is this function without `storeOrders`, for a
 * surface that has only the customer's orders (the thank-you block), so its
 * bundle carries no code it could never run.
 */
import { firstOfferableVariant, indexCatalog, isGiftCard, isOfferable, isPublished, isReplenishable, replenishDays } from './catalog.ts';
import type { Order, Product, Variant } from './model.ts';
import {
  type BestSellers,
  byHandle,
  count,
  DAY_MS,
  forEachKeptLine,
  type HistoryRecommendInput,
  nowMsOf,
  orderMs,
  pickRecommendations,
  type Recommendation,
  type SignalSet,
  type Together,
  WEIGHT_BOUGHT_TOGETHER,
} from './recommendation-picks.ts';

export {
  type AffinityKind,
  DEFAULT_PER_COLLECTION_CAP,
  DEFAULT_RECOMMENDATION_LIMIT,
  type Reason,
  RECENCY_HALF_LIFE_DAYS,
  type Recommendation,
  type SignalSet,
  WEIGHT_BOUGHT_TOGETHER,
  WEIGHT_COLLECTION,
  WEIGHT_TAG,
  WEIGHT_TYPE,
  WEIGHT_VENDOR,
} from './recommendation-picks.ts';

export const DEFAULT_BUY_AGAIN_LIMIT = 8;
export interface RecommendInput extends HistoryRecommendInput {
  /** Every order of the store, for "bought together" and popularity; the customer's own orders are recognised by id. */
  storeOrders?: Order[];
  /** The signals that score the catalog (see the module doc); default the store-wide ones, fed by `storeOrders`. */
  signals?: SignalSet;
}

export interface BuyAgainInput {
  products: Product[];
  history: Order[];
  now: string | Date;
  limit?: number;
}

export interface BuyAgainItem {
  product: Product;
  /** The variant bought most recently when it can still be bought, else the first that can. */
  variant: Variant;
  /** `processed_at` of the latest order that kept some of it. */
  lastOrderedAt: string;
  /** Orders that kept some of it. */
  timesOrdered: number;
  /** Units per order the customer usually takes (a tie goes to the more recent habit). */
  quantity: number;
  /** When the last order runs out: lastOrderedAt + replenishDays(product), ISO 8601 UTC. */
  dueAt: string;
  /** dueAt has come. */
  due: boolean;
}

// ---------------------------------------------------------------------------
// Other shoppers' orders (the default signals)

/**
 * Who was bought with whom in other shoppers' orders, as the signal's weight per candidate and purchase, and
 * each candidate's share of it (interest × weight) added to `score`.
 */
function boughtTogether(
  storeOrders: Order[],
  history: Order[],
  position: Map<string, number>,
  interest: Float64Array,
  interested: number[],
  score: Float64Array,
): Together {
  const together: Together = new Map();
  if (interested.length === 0 || storeOrders.length === 0) return together;
  const own = new Set(history.map((order) => order.id));
  for (const order of storeOrders) {
    if (own.has(order.id)) continue;
    const inOrder: number[] = [];
    forEachKeptLine(order, (handle, _variant, units) => {
      const i = position.get(handle);
      if (i !== undefined && units > 0 && !inOrder.includes(i)) inOrder.push(i);
    });
    if (inOrder.length < 2 || !inOrder.some((i) => interest[i] > 0)) continue;
    for (const candidate of inOrder) {
      for (const held of inOrder) {
        if (held === candidate || !(interest[held] > 0)) continue;
        let pairs = together.get(candidate);
        if (pairs === undefined) together.set(candidate, (pairs = new Map()));
        pairs.set(held, (pairs.get(held) ?? 0) + 1);
      }
    }
  }
  for (const [candidate, pairs] of together) {
    for (const [held, orders] of pairs) {
      const weight = WEIGHT_BOUGHT_TOGETHER * Math.log2(1 + orders);
      pairs.set(held, weight);
      score[candidate] += interest[held] * weight;
    }
  }
  return together;
}

/** Positions by units kept across the store's orders, most first, then catalog order; and the units. */
function bestSellers(storeOrders: Order[], position: Map<string, number>): BestSellers {
  const sold = new Map<number, number>();
  for (const order of storeOrders) {
    forEachKeptLine(order, (handle, _variant, units) => {
      const i = position.get(handle);
      if (i !== undefined && units > 0) sold.set(i, (sold.get(i) ?? 0) + units);
    });
  }
  return { order: [...sold.keys()].sort((a, b) => sold.get(b)! - sold.get(a)! || a - b), sold };
}

/** The default signals: the customer's history, every signal it carries, and other shoppers' orders. */
export function storeWideSignals(storeOrders: Order[]): SignalSet {
  return {
    together: (history, position, interest, interested, score) => boughtTogether(storeOrders, history, position, interest, interested, score),
    bestSellers: (position) => bestSellers(storeOrders, position),
  };
}

// ---------------------------------------------------------------------------
// Recommendations

export function recommendProducts(input: RecommendInput): Recommendation[] {
  const nowMs = nowMsOf(input.now, 'recommendProducts');
  return pickRecommendations(input, nowMs, indexCatalog, input.signals ?? storeWideSignals(input.storeOrders ?? []));
}

/**
 * Whether the customer buys for a company (B2B: some order was placed for one, as Liquid's `customer.b2b?`
 * says). Such a buyer pays the company's catalog prices, which the catalog's list prices do not show: a surface
 * that cannot read the buyer's own price leaves the price out rather than quote a retail one.
 */
export function buysAtCompanyPrices(history: readonly Order[]): boolean {
  return (history ?? []).some((order) => Boolean(order.company));
}

// ---------------------------------------------------------------------------
// Buy again

interface Habit {
  /** The catalog's product with this handle, once found. */
  product: Product | null;
  /** Position in the history of the last order read, to add up lines of the same product. */
  lastOrder: number;
  lastMs: number;
  lastOrderedAt: string;
  lastVariantId: number;
  /** Units kept per order, and when each order was placed. */
  quantities: number[];
  placed: number[];
  due: boolean;
}

/** The units per order that recur most; on a tie, the one taken most recently. */
function usualQuantity(habit: Habit): number {
  const seen = new Map<number, { times: number; lastMs: number }>();
  habit.quantities.forEach((units, n) => {
    const entry = seen.get(units) ?? { times: 0, lastMs: -Infinity };
    entry.times++;
    entry.lastMs = Math.max(entry.lastMs, habit.placed[n]);
    seen.set(units, entry);
  });
  let usual = 0;
  let best = { times: 0, lastMs: -Infinity };
  for (const [units, entry] of seen) {
    if (entry.times > best.times || (entry.times === best.times && entry.lastMs > best.lastMs)) {
      usual = units;
      best = entry;
    }
  }
  return usual;
}

export function buyAgain(input: BuyAgainInput): BuyAgainItem[] {
  const nowMs = nowMsOf(input.now, 'buyAgain');
  const limit = count(input.limit, DEFAULT_BUY_AGAIN_LIMIT);
  const habits = new Map<string, Habit>();
  (input.history ?? []).forEach((order, o) => {
    const placed = orderMs(order);
    // An order without a readable date cannot say when the customer runs out.
    if (Number.isNaN(placed)) return;
    forEachKeptLine(order, (handle, variantId, units) => {
      if (units <= 0) return;
      let habit = habits.get(handle);
      if (habit === undefined) {
        habit = { product: null, lastOrder: -1, lastMs: -Infinity, lastOrderedAt: '', lastVariantId: variantId, quantities: [], placed: [], due: false };
        habits.set(handle, habit);
      }
      if (habit.lastOrder === o) {
        habit.quantities[habit.quantities.length - 1] += units;
        return;
      }
      habit.lastOrder = o;
      habit.quantities.push(units);
      habit.placed.push(placed);
      // Later in the history wins a tie on the date.
      if (placed >= habit.lastMs) {
        habit.lastMs = placed;
        habit.lastOrderedAt = order.processed_at ?? order.created_at;
        habit.lastVariantId = variantId;
      }
    });
  });

  const reorders: Habit[] = [];
  for (const product of input.products ?? []) {
    const habit = habits.get(product.handle);
    // A second product with the same handle is not listed twice.
    if (habit === undefined || habit.product !== null) continue;
    habit.product = product;
    if (!isReplenishable(product)) continue;
    habit.due = habit.lastMs + replenishDays(product) * DAY_MS <= nowMs;
    reorders.push(habit);
  }
  reorders.sort((a, b) => Number(b.due) - Number(a.due) || b.lastMs - a.lastMs || byHandle(a.product!, b.product!));

  // Stock and publication are checked in list order, only until the list is full.
  const items: BuyAgainItem[] = [];
  for (const habit of reorders) {
    if (items.length >= limit) break;
    const product = habit.product!;
    if (isGiftCard(product) || !isPublished(product, nowMs)) continue;
    const last = (product.variants ?? []).find((variant) => variant.id === habit.lastVariantId);
    const variant = last !== undefined && isOfferable(last) ? last : firstOfferableVariant(product);
    if (variant === null) continue;
    items.push({
      product,
      variant,
      lastOrderedAt: habit.lastOrderedAt,
      timesOrdered: habit.quantities.length,
      quantity: usualQuantity(habit),
      dueAt: new Date(habit.lastMs + replenishDays(product) * DAY_MS).toISOString(),
      due: habit.due,
    });
  }
  return items;
}
