/**
 * Recommendations and "Buy again", from a customer's purchase history. One set
 * of rules for every surface: the customer account page, the thank-you page
 * and the post-purchase offer.
 *
 * ```ts
 * recommendProducts({ products, collections, history, storeOrders?, now, limit? = 4, perCollectionCap? = 2, exclude?,
 *                     signals? = 'all', popular? })
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
 * `signals: 'liquid'` keeps only what a theme's Liquid can compute on
 * Shopify's servers from `customer.orders`, `product.collections` and
 * `collection.products`, so the account page's server-rendered picks
 * (theme/snippets/account-recommendations.liquid) can equal the core's:
 *
 * - history: the 50 newest orders by `created_at` (a Liquid `for` loop over
 *   `customer.orders` stops at 50 outside `paginate`);
 * - interest: plain kept units, no recency half-life (Liquid has no
 *   exponent); Liquid sees no per-line refunds, so an order counts every
 *   unit unless it was cancelled or fully refunded (`financial_status`
 *   "refunded"), when it keeps none;
 * - signals: collection, type and tag; no vendor (in single-brand shops it is
 *   noise, and it keeps the Liquid short) and no bought-together (Liquid
 *   cannot read other shoppers' orders);
 * - candidates: only products listed in a collection that also lists a kept
 *   purchase, and the kept purchases themselves (all Liquid can reach);
 * - fill: the `popular` handles (a theme passes its fallback collection),
 *   then the catalog's first LIQUID_COLLECTION_LIMIT products (Liquid's
 *   `collections.all`); never best sellers.
 *
 * Exclusions, the diversity cap, tie-breaks and reasons are the same rules.
 * The default (`'all'`) is everything above, unchanged. With either, a
 * `popular` list replaces best sellers as the fill, in its order, with score
 * 0; the catalog comes last either way unless `fillFromCatalog` is false.
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
 */
import {
  type CatalogIndex,
  firstOfferableVariant,
  indexCatalog,
  isGiftCard,
  isOfferable,
  isPublished,
  isReplenishable,
  replenishDays,
} from './catalog.ts';
import type { Collection, Order, Product, Variant } from './model.ts';
import { financialStatus } from './order-status.ts';

/** Per shared collection: the merchant grouped them, the strongest sign they belong together. */
export const WEIGHT_COLLECTION = 3;
/** Same product type (e.g. both "Candle"). */
export const WEIGHT_TYPE = 2;
/** Per shared tag. */
export const WEIGHT_TAG = 1;
/** Same vendor: weak, since single-brand shops share it everywhere. */
export const WEIGHT_VENDOR = 0.5;
/**
 * Per doubling of other shoppers' orders that held both products: one order
 * counts like a shared type, and a regular who reorders the same pair every
 * month cannot drown out what the catalog says.
 */
export const WEIGHT_BOUGHT_TOGETHER = 2;
/** A purchase this many days old counts half as much as one made today. */
export const RECENCY_HALF_LIFE_DAYS = 180;

export const DEFAULT_RECOMMENDATION_LIMIT = 4;
export const DEFAULT_PER_COLLECTION_CAP = 2;
export const DEFAULT_BUY_AGAIN_LIMIT = 8;
/** Orders Liquid reads from `customer.orders` outside `paginate` (Shopify stops a `for` loop at 50). */
export const LIQUID_HISTORY_LIMIT = 50;
/** Products Liquid reads from a collection's `products` outside `paginate` (its first page of 50). */
export const LIQUID_COLLECTION_LIMIT = 50;

const DAY_MS = 86_400_000;

export type AffinityKind = 'collection' | 'type' | 'tag' | 'vendor' | 'bought_together';

export type Reason =
  | { kind: AffinityKind; because: Product; detail?: string }
  | { kind: 'popular'; because?: undefined; detail?: undefined };

/**
 * Which signals score the catalog: `'all'` (the default), or `'liquid'`, the
 * ones a theme's Liquid can compute (see the module doc).
 */
export type RecommendationSignals = 'all' | 'liquid';

export interface Recommendation {
  product: Product;
  /** The first variant in stock and priced above zero. */
  variant: Variant;
  /** Affinity score, or units sold for `popular` picks (0 when they come from a given `popular` list). */
  score: number;
  reason: Reason;
}

export interface RecommendInput {
  products: Product[];
  collections: Collection[];
  /** The customer's own orders. */
  history: Order[];
  /** Every order of the store, for "bought together" and popularity; the customer's own orders are recognised by id. */
  storeOrders?: Order[];
  now: string | Date;
  limit?: number;
  perCollectionCap?: number;
  /** Handles a surface already shows beside the picks (e.g. its "Buy again" list), left out so the picks are new. */
  exclude?: readonly string[];
  /** `'liquid'`: only the signals a theme's Liquid can compute, so a theme can render the same picks. Default `'all'`. */
  signals?: RecommendationSignals;
  /** Handles to fill with, in this order, when the history reaches fewer than `limit` products (instead of best sellers, then the catalog). */
  popular?: readonly string[];
  /** After all that, the rest of the catalog in its order (default true; false where a surface shows one collection only). */
  fillFromCatalog?: boolean;
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
// Reading orders

function nowMsOf(now: string | Date, caller: string): number {
  const ms = now instanceof Date ? now.getTime() : typeof now === 'string' ? Date.parse(now) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${caller}: now: not a date: ${JSON.stringify(String(now))}`);
  return ms;
}

/** When the customer placed the order; NaN when its dates cannot be read. */
function orderMs(order: Order): number {
  return Date.parse(order.processed_at ?? order.created_at);
}

function count(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : fallback;
}

/**
 * Calls `visit` for each line of the order with the units the customer kept:
 * quantity minus refunded units, and none at all on a cancelled order.
 */
function forEachKeptLine(order: Order, visit: (handle: string, variantId: number, kept: number) => void): void {
  const lines = order.line_items ?? [];
  if (order.cancelled_at) {
    for (const line of lines) visit(line.product, line.variant_id, 0);
    return;
  }
  let refunded: Map<number, number> | null = null;
  for (const refund of order.refunds ?? []) {
    for (const entry of refund.line_items ?? []) {
      refunded ??= new Map();
      refunded.set(entry.line_item, (refunded.get(entry.line_item) ?? 0) + entry.quantity);
    }
  }
  for (const line of lines) {
    const quantity = Number.isFinite(line.quantity) ? line.quantity : 0;
    visit(line.product, line.variant_id, Math.max(0, quantity - (refunded?.get(line.id) ?? 0)));
  }
}

/**
 * `forEachKeptLine` as Liquid can see it: no per-line refunds, so every unit
 * counts, unless the order was cancelled or fully refunded.
 */
function forEachLiquidLine(order: Order, visit: (handle: string, variantId: number, kept: number) => void): void {
  const keepsNothing = Boolean(order.cancelled_at) || financialStatus(order) === 'refunded';
  for (const line of order.line_items ?? []) {
    const quantity = Number.isFinite(line.quantity) ? Math.max(0, line.quantity) : 0;
    visit(line.product, line.variant_id, keepsNothing ? 0 : quantity);
  }
}

/** The orders `customer.orders` lists first: newest `created_at` first, then the higher id, at most LIQUID_HISTORY_LIMIT. */
function liquidHistory(history: Order[]): Order[] {
  const placed = (order: Order) => Date.parse(order.created_at);
  return [...history].sort((a, b) => placed(b) - placed(a) || b.id - a.id).slice(0, LIQUID_HISTORY_LIMIT);
}

const roundScore = (score: number): number => Math.round(score * 1e6) / 1e6;

const byHandle = (a: Product, b: Product): number => (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0);

/** One signal a candidate shares with one purchase. */
interface Signal {
  kind: AffinityKind;
  weight: number;
  detail?: string;
}

// ---------------------------------------------------------------------------
// Recommendations

const BOUGHT = 1;
const KEPT = 2;

/** Everything the scores are made of, by catalog position. */
interface Scoring {
  products: Product[];
  collections: Collection[];
  catalog: CatalogIndex;
  /** BOUGHT when ever ordered, KEPT when some units were kept. */
  state: Uint8Array;
  /** Σ kept units × 0.5^(age / half-life) over the customer's orders. */
  interest: Float64Array;
  /** Positions with interest, in the order first bought. */
  interested: number[];
  /** Interest gathered per type, vendor and tag number. */
  typeSums: Float64Array;
  vendorSums: Float64Array;
  tagSums: Float64Array;
  /** Candidate → purchase → other shoppers' orders holding both. */
  together: Map<number, Map<number, number>>;
  /** Affinity score of every product, before rounding. */
  score: Float64Array;
  /** Whether the vendor signal counts (not with `signals: 'liquid'`). */
  vendor: boolean;
  /** With `signals: 'liquid'`, 1 for the products Liquid can reach (see the module doc); null otherwise. */
  reachable: Uint8Array | null;
}

function scoreCatalog(input: RecommendInput, products: Product[], collections: Collection[], nowMs: number): Scoring {
  const catalog = indexCatalog(products, collections);
  const { position, members, memberStart, typeOf, vendorOf, tagIds, tagStart } = catalog;
  const liquid = input.signals === 'liquid';
  const history = liquid ? liquidHistory(input.history ?? []) : (input.history ?? []);
  // Bought together reads other shoppers' orders, which Liquid cannot.
  const storeOrders = liquid ? [] : (input.storeOrders ?? []);
  const visitLines = liquid ? forEachLiquidLine : forEachKeptLine;

  // The customer's purchases: everything ever ordered is bought; what was kept carries interest.
  const state = new Uint8Array(products.length);
  const interest = new Float64Array(products.length);
  const purchased: number[] = [];
  for (const order of history) {
    const age = Math.max(0, nowMs - orderMs(order));
    // An unreadable date still marks the products bought, with no weight. Liquid has no exponent: no recency.
    const decay = liquid ? 1 : Number.isNaN(age) ? 0 : 0.5 ** (age / (RECENCY_HALF_LIFE_DAYS * DAY_MS));
    visitLines(order, (handle, _variant, units) => {
      const i = position.get(handle);
      // Gone from the catalog: nothing to offer, nothing to show as a reason.
      if (i === undefined) return;
      state[i] |= BOUGHT;
      // A gift card says nothing about taste: bought, never offered back, never a reason.
      if (units <= 0 || isGiftCard(products[i])) return;
      if ((state[i] & KEPT) === 0) purchased.push(i);
      state[i] |= KEPT;
      interest[i] += units * decay;
    });
  }
  const interested = purchased.filter((i) => interest[i] > 0);

  // Interest gathered per type, vendor, tag and collection, then handed to every product carrying them, less its own share.
  const typeSums = new Float64Array(catalog.typeNames.length);
  const vendorSums = new Float64Array(catalog.vendorNames.length);
  const tagSums = new Float64Array(catalog.tagNames.length);
  for (const i of interested) {
    if (typeOf[i] !== -1) typeSums[typeOf[i]] += interest[i];
    if (vendorOf[i] !== -1 && !liquid) vendorSums[vendorOf[i]] += interest[i];
    for (let k = tagStart[i]; k < tagStart[i + 1]; k++) tagSums[tagIds[k]] += interest[i];
  }
  const score = new Float64Array(products.length);
  const spread = (sums: Float64Array, carriers: number[][], weight: number) => {
    for (let id = 0; id < sums.length; id++) {
      if (sums[id] === 0) continue;
      for (const i of carriers[id]) score[i] += weight * (sums[id] - interest[i]);
    }
  };
  spread(typeSums, catalog.withType, WEIGHT_TYPE);
  spread(vendorSums, catalog.withVendor, WEIGHT_VENDOR);
  spread(tagSums, catalog.withTag, WEIGHT_TAG);
  // Liquid reaches the kept purchases and, through their collections, the collection mates.
  const reachable = liquid ? new Uint8Array(products.length) : null;
  if (reachable !== null) for (const i of interested) reachable[i] = 1;
  for (let c = 0; c < collections.length; c++) {
    let sum = 0;
    for (let k = memberStart[c]; k < memberStart[c + 1]; k++) sum += interest[members[k]];
    if (sum === 0) continue;
    for (let k = memberStart[c]; k < memberStart[c + 1]; k++) {
      score[members[k]] += WEIGHT_COLLECTION * (sum - interest[members[k]]);
      if (reachable !== null) reachable[members[k]] = 1;
    }
  }

  // Other shoppers' orders holding a purchase.
  const together = new Map<number, Map<number, number>>();
  if (interested.length > 0 && storeOrders.length > 0) {
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
      for (const [held, orders] of pairs) score[candidate] += WEIGHT_BOUGHT_TOGETHER * interest[held] * Math.log2(1 + orders);
    }
  }
  return { products, collections, catalog, state, interest, interested, typeSums, vendorSums, tagSums, together, score, vendor: !liquid, reachable };
}

/**
 * The purchase contributing most to candidate i's score (a tie goes to the
 * handle), and the strongest single signal between the two. Each purchase's
 * share is interest × affinity, and affinity never exceeds `ceiling` (all the
 * candidate's signals at once), so a purchase whose interest × ceiling cannot
 * reach the leader is passed over without a look.
 */
function reasonFor(scoring: Scoring, i: number): Reason {
  const { products, collections, catalog, interest, interested, typeSums, vendorSums, tagSums, together } = scoring;
  const { members, memberStart, typeOf, vendorOf, tagIds, tagStart } = catalog;
  const product = products[i];
  const listedIn: number[] = [];
  for (let c = 0; c < collections.length; c++) {
    if (members.subarray(memberStart[c], memberStart[c + 1]).includes(i)) listedIn.push(c);
  }
  // Purchase → how many collections it shares with the candidate, and the first of them.
  const sharedCollections = new Map<number, { count: number; first: number }>();
  for (const c of listedIn) {
    for (let k = memberStart[c]; k < memberStart[c + 1]; k++) {
      const held = members[k];
      if (held === i || !(interest[held] > 0)) continue;
      const shared = sharedCollections.get(held);
      if (shared === undefined) sharedCollections.set(held, { count: 1, first: c });
      else shared.count++;
    }
  }
  const tags = Array.from(tagIds.subarray(tagStart[i], tagStart[i + 1])).filter((tag) => tagSums[tag] > 0);
  const typed = typeOf[i] !== -1 && typeSums[typeOf[i]] > 0;
  const vendored = scoring.vendor && vendorOf[i] !== -1 && vendorSums[vendorOf[i]] > 0;
  const pairs = together.get(i);
  let mostOrders = 0;
  for (const orders of pairs?.values() ?? []) mostOrders = Math.max(mostOrders, orders);

  /** Signal weights summed in the same order as the ceiling, so no affinity exceeds it. */
  const affinity = (held: number): { weight: number; signal: Signal | null } => {
    let weight = 0;
    let signal: Signal | null = null;
    // Considered in the order that wins a tie: collection, type, tag, vendor, bought together.
    const consider = (next: Signal, times: number) => {
      weight += next.weight * times;
      if (signal === null || next.weight > signal.weight) signal = next;
    };
    const shared = sharedCollections.get(held);
    if (shared !== undefined) consider({ kind: 'collection', weight: WEIGHT_COLLECTION, detail: collections[shared.first].title }, shared.count);
    if (typed && typeOf[held] === typeOf[i]) consider({ kind: 'type', weight: WEIGHT_TYPE, detail: product.product_type }, 1);
    if (tags.length > 0) {
      let count = 0;
      let first = tags.length;
      for (let k = tagStart[held]; k < tagStart[held + 1]; k++) {
        const at = tags.indexOf(tagIds[k]);
        if (at === -1) continue;
        count++;
        first = Math.min(first, at);
      }
      if (count > 0) consider({ kind: 'tag', weight: WEIGHT_TAG, detail: catalog.tagNames[tags[first]] }, count);
    }
    if (vendored && vendorOf[held] === vendorOf[i]) consider({ kind: 'vendor', weight: WEIGHT_VENDOR, detail: product.vendor }, 1);
    const orders = pairs?.get(held);
    if (orders !== undefined) consider({ kind: 'bought_together', weight: WEIGHT_BOUGHT_TOGETHER * Math.log2(1 + orders) }, 1);
    return { weight, signal };
  };
  const ceiling =
    WEIGHT_COLLECTION * listedIn.length +
    (typed ? WEIGHT_TYPE : 0) +
    WEIGHT_TAG * tags.length +
    (vendored ? WEIGHT_VENDOR : 0) +
    (mostOrders > 0 ? WEIGHT_BOUGHT_TOGETHER * Math.log2(1 + mostOrders) : 0);

  let because = -1;
  let lead = 0;
  let leadSignal: Signal | null = null;
  const weigh = (held: number) => {
    if (held === i || (because !== -1 && roundScore(interest[held] * ceiling) < lead)) return;
    const { weight, signal } = affinity(held);
    const share = roundScore(interest[held] * weight);
    if (signal === null || !(share > 0)) return;
    if (because === -1 || share > lead || (share === lead && byHandle(products[held], products[because]) < 0)) {
      because = held;
      lead = share;
      leadSignal = signal;
    }
  };
  // Collection mates and bought-together partners first: they usually lead, so the full pass skips the rest.
  for (const held of sharedCollections.keys()) weigh(held);
  for (const held of pairs?.keys() ?? []) weigh(held);
  for (const held of interested) weigh(held);
  // Only products with a positive score are explained, so some purchase contributed.
  const { kind, detail } = leadSignal!;
  return detail === undefined ? { kind, because: products[because] } : { kind, because: products[because], detail };
}

/** Positions by units kept across the store's orders, most first, then catalog order; and the units. */
function bestSellers(storeOrders: Order[], position: Map<string, number>): { order: number[]; sold: Map<number, number> } {
  const sold = new Map<number, number>();
  for (const order of storeOrders) {
    forEachKeptLine(order, (handle, _variant, units) => {
      const i = position.get(handle);
      if (i !== undefined && units > 0) sold.set(i, (sold.get(i) ?? 0) + units);
    });
  }
  return { order: [...sold.keys()].sort((a, b) => sold.get(b)! - sold.get(a)! || a - b), sold };
}

export function recommendProducts(input: RecommendInput): Recommendation[] {
  const nowMs = nowMsOf(input.now, 'recommendProducts');
  const limit = count(input.limit, DEFAULT_RECOMMENDATION_LIMIT);
  const cap = count(input.perCollectionCap, DEFAULT_PER_COLLECTION_CAP);
  if (limit === 0) return [];
  const products = input.products ?? [];
  const collections = input.collections ?? [];
  const scoring = scoreCatalog(input, products, collections, nowMs);
  const { catalog, state, score, reachable } = scoring;
  const { position, primary } = catalog;
  const excluded = new Set(input.exclude ?? []);

  /** The variant to offer, or null when the product is left out. */
  const offer = (i: number): Variant | null => {
    const product = products[i];
    if (position.get(product.handle) !== i || isGiftCard(product) || excluded.has(product.handle)) return null;
    if ((state[i] & BOUGHT) !== 0 && ((state[i] & KEPT) === 0 || !isReplenishable(product))) return null;
    if (!isPublished(product, nowMs)) return null;
    return firstOfferableVariant(product);
  };
  const ahead = (a: number, b: number): boolean => score[a] > score[b] || (score[a] === score[b] && byHandle(products[a], products[b]) < 0);

  // The best `cap` of each primary collection and the best `limit` of the uncollected: no one else can make the
  // list, so only these are checked for stock and publication.
  const tops: number[][] = Array.from({ length: collections.length + 1 }, () => []);
  const variants = new Map<number, Variant>();
  for (let i = 0; i < products.length; i++) {
    if (!(score[i] > 0) || (reachable !== null && reachable[i] === 0)) continue;
    score[i] = roundScore(score[i]);
    if (!(score[i] > 0)) continue;
    const top = tops[primary[i] + 1];
    const room = primary[i] === -1 ? limit : cap;
    if (room === 0 || (top.length === room && !ahead(i, top[room - 1]))) continue;
    const variant = offer(i);
    if (variant === null) continue;
    variants.set(i, variant);
    let at = top.length === room ? room - 1 : top.length;
    for (; at > 0 && ahead(i, top[at - 1]); at--) top[at] = top[at - 1];
    top[at] = i;
  }

  const picks: Recommendation[] = [];
  const picked = new Set<number>();
  const perGroup = new Int32Array(collections.length + 1);
  const take = (i: number, variant: Variant, points: number, reason: Reason) => {
    picked.add(i);
    perGroup[primary[i] + 1]++;
    picks.push({ product: products[i], variant, score: points, reason });
  };
  // Within the caps by construction, so the best `limit` of them are the picks.
  const ranked = tops.flat().sort((a, b) => (ahead(a, b) ? -1 : ahead(b, a) ? 1 : 0));
  for (const i of ranked.slice(0, limit)) take(i, variants.get(i)!, score[i], reasonFor(scoring, i));

  if (picks.length < limit) {
    const popular = (i: number, units: number) => {
      if (picked.has(i) || (primary[i] !== -1 && perGroup[primary[i] + 1] >= cap)) return;
      const variant = offer(i);
      if (variant !== null) take(i, variant, units, { kind: 'popular' });
    };
    let sold = new Map<number, number>();
    if (input.popular !== undefined) {
      // The surface's own fill (a theme's fallback collection), in its order.
      for (let n = 0; n < input.popular.length && picks.length < limit; n++) {
        const i = position.get(input.popular[n]);
        if (i !== undefined) popular(i, 0);
      }
    } else if (input.signals !== 'liquid') {
      // Popular fill: best sellers across the store.
      const best = bestSellers(input.storeOrders ?? [], position);
      sold = best.sold;
      for (let n = 0; n < best.order.length && picks.length < limit; n++) popular(best.order[n], sold.get(best.order[n]) ?? 0);
    }
    // Last, the catalog in its own order (Liquid's `collections.all`, first page): a store with products always
    // has something to show, even to a customer who bought everything the fallback lists.
    if (input.fillFromCatalog !== false) {
      const end = input.signals === 'liquid' ? Math.min(products.length, LIQUID_COLLECTION_LIMIT) : products.length;
      for (let i = 0; i < end && picks.length < limit; i++) popular(i, sold.get(i) ?? 0);
    }
  }
  return picks;
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
