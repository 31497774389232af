/**
 * The scoring, reasons, diversity cap and fill of `recommendProducts`
 * (recommendations.ts, whose module doc states the rules), in one place for
 * every surface. Which signals count comes in as a `SignalSet`: by default
 * recommendations.ts hands in the store-wide ones (other shoppers' orders:
 * bought together, best sellers); a caller may pass its own (the theme's
 * parity tests pass what a theme's Liquid can compute,
 * test/support/liquid-signals.ts).
 *
 * `recommendFromHistory` is the same rules with `{}`: the customer's own
 * orders, every signal they carry, the `popular` list and the catalog as the
 * fill. It equals `recommendProducts` without `storeOrders` and with the
 * default signals, and is what the thank-you block imports, so its bundle
 * carries no code it could never run (README "Bundle size").
 */
import { buildCatalogIndex, type CatalogIndex, firstOfferableVariant, isGiftCard, isPublished, isReplenishable } from './catalog.ts';
import type { Collection, Order, Product, Variant } from './model.ts';

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

export const DAY_MS = 86_400_000;

export type AffinityKind = 'collection' | 'type' | 'tag' | 'vendor' | 'bought_together';

export type Reason = { kind: AffinityKind; because: Product; detail?: string } | { kind: 'popular'; because?: undefined; detail?: undefined };

export interface Recommendation {
  product: Product;
  /** The first variant in stock and priced above zero. */
  variant: Variant;
  /** Affinity score, or units sold for `popular` picks (0 when they come from a given `popular` list). */
  score: number;
  reason: Reason;
}

/** `RecommendInput` (recommendations.ts) without other shoppers' orders and with the default signals. */
export interface HistoryRecommendInput {
  products: Product[];
  collections: Collection[];
  /** The customer's own orders. */
  history: Order[];
  now: string | Date;
  limit?: number;
  perCollectionCap?: number;
  /** Handles a surface already shows beside the picks (e.g. its "Buy again" list), left out so the picks are new. */
  exclude?: readonly string[];
  /** Handles to fill with, in this order, when the history reaches fewer than `limit` products (instead of best sellers, then the catalog). */
  popular?: readonly string[];
  /** After all that, the rest of the catalog in its order (default true; false where a surface shows one collection only). */
  fillFromCatalog?: boolean;
}

// ---------------------------------------------------------------------------
// Reading orders

export function nowMsOf(now: string | Date, caller: string): number {
  const ms = now instanceof Date ? now.getTime() : typeof now === 'string' ? Date.parse(now) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${caller}: now: not a date: ${JSON.stringify(String(now))}`);
  return ms;
}

/** When the customer placed the order; NaN when its dates cannot be read. */
export function orderMs(order: Order): number {
  return Date.parse(order.processed_at ?? order.created_at);
}

export function count(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : fallback;
}

export type LineVisitor = (order: Order, visit: (handle: string, variantId: number, kept: number) => void) => void;

/**
 * Calls `visit` for each line of the order with the units the customer kept:
 * quantity minus refunded units, and none at all on a cancelled order.
 */
export const forEachKeptLine: LineVisitor = (order, visit) => {
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
};

const roundScore = (score: number): number => Math.round(score * 1e6) / 1e6;

export const byHandle = (a: Product, b: Product): number => (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0);

/** One signal a candidate shares with one purchase. */
interface Signal {
  kind: AffinityKind;
  weight: number;
  detail?: string;
}

// ---------------------------------------------------------------------------
// What a surface adds

/** Candidate → purchase → the bought-together signal's weight between them (WEIGHT_BOUGHT_TOGETHER × log2(1 + orders holding both)). */
export type Together = Map<number, Map<number, number>>;

/** Best-seller positions, most units first, and the units of each. */
export interface BestSellers {
  order: number[];
  sold: Map<number, number>;
}

/**
 * Which signals score the catalog and what of the history and catalog they read. Every part is optional: `{}` is
 * the customer's own orders, every signal they carry (recency, collection, type, tag, vendor) and the whole
 * catalog as the last fill. recommendations.ts adds other shoppers' orders by default; a caller can narrow it
 * to what its surface can compute.
 */
export interface SignalSet {
  /** The orders read from the customer's history (default: all of them). */
  history?: (history: Order[]) => Order[];
  /** The units each order line counts (default `forEachKeptLine`: quantity less refunded units). */
  lines?: LineVisitor;
  /** Whether interest halves every RECENCY_HALF_LIFE_DAYS (default true). */
  recency?: boolean;
  /** Whether a shared vendor counts (default true). */
  vendor?: boolean;
  /** 1 for each catalog position a pick may come from, given the interest gathered (default: every product). */
  reach?: (catalog: CatalogIndex, interest: Float64Array) => Uint8Array;
  /** How many products, from the catalog's start, the last fill reads (default, or 0: all; `fillFromCatalog: false` reads none). */
  catalogLimit?: number;
  /**
   * Other shoppers' orders: adds the bought-together share to `score` (by catalog position) and answers who
   * was bought with whom, for the reasons.
   */
  together?: (history: Order[], position: Map<string, number>, interest: Float64Array, interested: number[], score: Float64Array) => Together;
  /** The fill when no `popular` list is given: the store's best sellers. */
  bestSellers?: (position: Map<string, number>) => BestSellers;
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
  together: Together;
  /** Affinity score of every product, before rounding. */
  score: Float64Array;
  /** Whether the vendor signal counts (`SignalSet.vendor`). */
  vendor: boolean;
  /** 1 for the products a pick may come from (`SignalSet.reach`); null when every product may. */
  reachable: Uint8Array | null;
}

function scoreCatalog(
  input: HistoryRecommendInput,
  products: Product[],
  collections: Collection[],
  catalog: CatalogIndex,
  signals: SignalSet,
  nowMs: number,
): Scoring {
  const { position, members, memberStart, typeOf, vendorOf, tagIds, tagStart } = catalog;
  const own = input.history ?? [];
  const history = signals.history ? signals.history(own) : own;
  const visitLines = signals.lines || forEachKeptLine;
  const vendor = signals.vendor !== false;

  // The customer's purchases: everything ever ordered is bought; what was kept carries interest.
  const state = new Uint8Array(products.length);
  const interest = new Float64Array(products.length);
  const purchased: number[] = [];
  for (const order of history) {
    const age = Math.max(0, nowMs - orderMs(order));
    // An unreadable date still marks the products bought, with no weight.
    const decay = signals.recency === false ? 1 : Number.isNaN(age) ? 0 : 0.5 ** (age / (RECENCY_HALF_LIFE_DAYS * DAY_MS));
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
    if (vendorOf[i] !== -1 && vendor) vendorSums[vendorOf[i]] += interest[i];
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
  for (let c = 0; c < collections.length; c++) {
    let sum = 0;
    for (let k = memberStart[c]; k < memberStart[c + 1]; k++) sum += interest[members[k]];
    if (sum === 0) continue;
    for (let k = memberStart[c]; k < memberStart[c + 1]; k++) {
      score[members[k]] += WEIGHT_COLLECTION * (sum - interest[members[k]]);
    }
  }

  const together = signals.together ? signals.together(history, position, interest, interested, score) : new Map();
  return {
    products,
    collections,
    catalog,
    state,
    interest,
    interested,
    typeSums,
    vendorSums,
    tagSums,
    together,
    score,
    vendor,
    reachable: signals.reach ? signals.reach(catalog, interest) : null,
  };
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
  const pairs = together.get(i) || new Map<number, number>();
  let heaviest = 0;
  for (const weight of pairs.values()) heaviest = Math.max(heaviest, weight);

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
    const together = pairs.get(held);
    if (together !== undefined) consider({ kind: 'bought_together', weight: together }, 1);
    return { weight, signal };
  };
  const ceiling = WEIGHT_COLLECTION * listedIn.length + (typed ? WEIGHT_TYPE : 0) + WEIGHT_TAG * tags.length + (vendored ? WEIGHT_VENDOR : 0) + heaviest;

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
  for (const held of pairs.keys()) weigh(held);
  for (const held of interested) weigh(held);
  // Only products with a positive score are explained, so some purchase contributed.
  const { kind, detail } = leadSignal!;
  return detail === undefined ? { kind, because: products[because] } : { kind, because: products[because], detail };
}

/**
 * The picks for `input` scored by `signals`. `nowMs` is the caller's parsed `now` (so its error names the caller);
 * `index` indexes the catalog (`indexCatalog` where the same catalog comes back, `buildCatalogIndex` where
 * it is read once).
 */
export function pickRecommendations(
  input: HistoryRecommendInput,
  nowMs: number,
  index: (products: readonly Product[], collections: readonly Collection[]) => CatalogIndex,
  signals: SignalSet,
): Recommendation[] {
  const limit = count(input.limit, DEFAULT_RECOMMENDATION_LIMIT);
  const cap = count(input.perCollectionCap, DEFAULT_PER_COLLECTION_CAP);
  if (limit === 0) return [];
  const products = input.products ?? [];
  const collections = input.collections ?? [];
  const scoring = scoreCatalog(input, products, collections, index(products, collections), signals, nowMs);
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
    if (!(score[i] > 0) || (reachable && !reachable[i])) continue;
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
    } else if (signals.bestSellers) {
      // Popular fill: best sellers across the store.
      const best = signals.bestSellers(position);
      sold = best.sold;
      for (let n = 0; n < best.order.length && picks.length < limit; n++) popular(best.order[n], sold.get(best.order[n]) ?? 0);
    }
    // Last, the catalog in its own order (up to `catalogLimit`): a store with products always has something to
    // show, even to a customer who bought everything the fallback lists.
    if (input.fillFromCatalog !== false) {
      const end = Math.min(products.length, signals.catalogLimit || products.length);
      for (let i = 0; i < end && picks.length < limit; i++) popular(i, sold.get(i) ?? 0);
    }
  }
  return picks;
}

/**
 * `recommendProducts` from the customer's own orders alone (no `storeOrders`, default signals): the same
 * picks, scores and reasons. The catalog is indexed anew, for a caller that reads it once.
 */
export function recommendFromHistory(input: HistoryRecommendInput): Recommendation[] {
  return pickRecommendations(input, nowMsOf(input.now, 'recommendFromHistory'), buildCatalogIndex, {});
}
