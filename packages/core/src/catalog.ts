/**
 * Small facts about the catalog that several rules need to agree on: what
 * customers buy again and how often, what can be sold right now, and which
 * collections list a product. Pure functions over the domain model.
 */
import type { Collection, Metafield, Product, Variant } from './model.ts';

/** Namespace of Encore's own product metafields. */
export const ENCORE_NAMESPACE = 'encore';

/** Tag merchants put on products customers run out of (compared without case). */
export const REPLENISHABLE_TAG = 'replenishable';

/**
 * Days a replenishable product lasts when the merchant has not said
 * (`encore.replenish_days`): a month suits candles, refills and other
 * everyday consumables better than a week or a season would.
 */
export const DEFAULT_REPLENISH_DAYS = 30;

function encoreMetafield(product: Product, key: string): Metafield | undefined {
  return product.metafields?.find((field) => field.namespace === ENCORE_NAMESPACE && field.key === key);
}

/** Customers run out of it and buy it again: tag `replenishable` or metafield `encore.replenishable` = true. */
export function isReplenishable(product: Product): boolean {
  if ((product.tags ?? []).some((tag) => typeof tag === 'string' && tag.trim().toLowerCase() === REPLENISHABLE_TAG)) return true;
  const field = encoreMetafield(product, 'replenishable');
  // Imports sometimes carry boolean metafields as the strings Shopify's admin shows.
  return field !== undefined && (field.value === true || field.value === 'true');
}

/**
 * How many days one purchase lasts: metafield `encore.replenish_days`
 * (number_integer) when it holds a positive whole number, else
 * DEFAULT_REPLENISH_DAYS.
 */
export function replenishDays(product: Product): number {
  const field = encoreMetafield(product, 'replenish_days');
  const days = typeof field?.value === 'string' && field.value.trim() !== '' ? Number(field.value) : field?.value;
  return typeof days === 'number' && Number.isInteger(days) && days > 0 ? days : DEFAULT_REPLENISH_DAYS;
}

/**
 * Whether the variant can be bought now. Shopify's own answer when the surface
 * read one (`available`, from the Storefront API's `availableForSale`); else,
 * from the stock the data carries, as Shopify decides it: inventory not tracked
 * (`null`), units left, or the shop keeps selling when out of stock
 * (`continue`). test/store/adapters/availability.test.ts holds the stock
 * reading to the same hand-checked table as the fixtures' emulation of Shopify.
 */
export function isInStock(variant: Variant): boolean {
  if (variant.available !== undefined) return variant.available;
  if (variant.inventory_policy === 'continue') return true;
  return variant.inventory_quantity === null || variant.inventory_quantity > 0;
}

export function isGiftCard(product: Product): boolean {
  return product.gift_card === true;
}

/**
 * Visible on the storefront at `now`: `published_at` set and not in the
 * future (a scheduled product is not for sale yet). An unreadable date counts
 * as unpublished: showing a product the merchant may have hidden is worse than
 * leaving it out.
 */
export function isPublished(product: Product, nowMs: number): boolean {
  if (product.published_at === null || product.published_at === undefined) return false;
  const published = Date.parse(product.published_at);
  return !Number.isNaN(published) && published <= nowMs;
}

/** Variants in stock, in the product's order. */
export function availableVariants(product: Product): Variant[] {
  return (product.variants ?? []).filter(isInStock);
}

/**
 * A variant worth putting in front of a shopper: in stock and not free. Zero-priced
 * variants are samples or placeholders, never something to recommend or reorder.
 */
export function isOfferable(variant: Variant): boolean {
  return isInStock(variant) && variant.price > 0;
}

/** The first offerable variant, or null when the product has none. */
export function firstOfferableVariant(product: Product): Variant | null {
  for (const variant of product.variants ?? []) if (isOfferable(variant)) return variant;
  return null;
}

/**
 * Product handle → the collections listing it, in `collections` order, each
 * once. The first entry is the product's primary collection.
 */
export function collectionsOf(collections: readonly Collection[]): Map<string, Collection[]> {
  const index = new Map<string, Collection[]>();
  for (const collection of collections) {
    for (const handle of collection.products ?? []) {
      const listed = index.get(handle);
      if (listed === undefined) index.set(handle, [collection]);
      // A collection naming a product twice is still one collection.
      else if (listed[listed.length - 1] !== collection) listed.push(collection);
    }
  }
  return index;
}

/**
 * The catalog by position, for rules that score many products at once.
 * Products are numbered by their place in `products`; a handle listed twice
 * resolves to its first product, and the later one carries no type, vendor or
 * tag. Types, vendors and tags are numbered too (as written, like Liquid's
 * `==`), so rules can add up interest in flat arrays instead of maps.
 */
export interface CatalogIndex {
  /** Handle → position of the first product with it. */
  position: Map<string, number>;
  typeNames: string[];
  vendorNames: string[];
  tagNames: string[];
  /** Position → number of its type / vendor, −1 when empty. */
  typeOf: Int32Array;
  vendorOf: Int32Array;
  /** Product i's distinct tags, in its order, are tagIds[tagStart[i]] up to tagIds[tagStart[i + 1]]. */
  tagIds: Int32Array;
  tagStart: Int32Array;
  /** Number of a type / vendor / tag → positions of the products carrying it. */
  withType: number[][];
  withVendor: number[][];
  withTag: number[][];
  /** Positions of each collection's products, collection after collection, each once per collection. */
  members: Int32Array;
  /** Collection c's products are members[memberStart[c]] up to members[memberStart[c + 1]]. */
  memberStart: Int32Array;
  /** Position → index of the product's primary collection (the first listing it), −1 when none. */
  primary: Int32Array;
}

/** What an index was built from, to tell whether the catalog changed since. */
interface Built {
  handles: string[];
  types: string[];
  vendors: string[];
  rawTags: unknown[][];
  collections: Collection[];
  lists: string[][];
  index: CatalogIndex;
}

const built = new WeakMap<readonly Product[], Built>();

function sameList(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  const list = a ?? [];
  if (list.length !== b.length) return false;
  for (let k = 0; k < list.length; k++) if (list[k] !== b[k]) return false;
  return true;
}

function stillMatches(previous: Built, products: readonly Product[], collections: readonly Collection[]): boolean {
  if (previous.handles.length !== products.length || previous.collections.length !== collections.length) return false;
  for (let i = 0; i < products.length; i++) {
    const product = products[i];
    if (
      product.handle !== previous.handles[i] ||
      product.product_type !== previous.types[i] ||
      product.vendor !== previous.vendors[i] ||
      !sameList(product.tags, previous.rawTags[i])
    ) {
      return false;
    }
  }
  for (let c = 0; c < collections.length; c++) {
    if (collections[c] !== previous.collections[c] || !sameList(collections[c].products, previous.lists[c])) return false;
  }
  return true;
}

interface Numbering {
  readonly names: string[];
  readonly carriers: number[][];
  /** The value's number, after noting that product `position` carries it; −1 for a missing or empty value. */
  add(value: unknown, position: number): number;
}

/**
 * Numbers distinct non-empty strings in the order first met. A closure, not a class: the extensions are
 * built for ES6, where class fields turn into helper calls that cost bundle bytes.
 */
function numbering(): Numbering {
  const names: string[] = [];
  const carriers: number[][] = [];
  const ids = new Map<string, number>();
  return {
    names,
    carriers,
    add(value, position) {
      if (typeof value !== 'string' || value === '') return -1;
      let id = ids.get(value);
      if (id === undefined) {
        id = names.length;
        ids.set(value, id);
        names.push(value);
        carriers.push([]);
      }
      carriers[id].push(position);
      return id;
    },
  };
}

/**
 * Indexes the catalog, or hands back the index of an earlier call with the
 * same arrays. Reuse is safe: every call first compares handles, types,
 * vendors, tags and collection lists with what the index was built from
 * (cheap: no look-ups, mostly identical references), and rebuilds on any
 * difference, so a catalog edited in place is never answered from stale data.
 */
export function indexCatalog(products: readonly Product[], collections: readonly Collection[]): CatalogIndex {
  const previous = built.get(products);
  if (previous !== undefined && stillMatches(previous, products, collections)) return previous.index;
  const index = buildCatalogIndex(products, collections);
  built.set(products, {
    handles: products.map((product) => product.handle),
    types: products.map((product) => product.product_type),
    vendors: products.map((product) => product.vendor),
    rawTags: products.map((product) => [...(product.tags ?? [])]),
    collections: [...collections],
    lists: collections.map((collection) => [...(collection.products ?? [])]),
    index,
  });
  return index;
}

/**
 * The index itself, built anew on every call: for a catalog that is indexed once and dropped (the thank-you
 * block's, gathered per page from the Storefront API), where `indexCatalog`'s reuse could never pay off and
 * its bookkeeping would only add bundle bytes.
 */
export function buildCatalogIndex(products: readonly Product[], collections: readonly Collection[]): CatalogIndex {
  const position = new Map<string, number>();
  // Backwards, so the first product with a handle is the one remembered.
  for (let i = products.length - 1; i >= 0; i--) position.set(products[i].handle, i);
  const types = numbering();
  const vendors = numbering();
  const tags = numbering();
  const typeOf = new Int32Array(products.length).fill(-1);
  const vendorOf = new Int32Array(products.length).fill(-1);
  const tagStart = new Int32Array(products.length + 1);
  const tagIds: number[] = [];
  for (let i = 0; i < products.length; i++) {
    tagStart[i] = tagIds.length;
    const product = products[i];
    // A second product with the same handle is unreachable, so it carries nothing.
    if (position.get(product.handle) !== i) continue;
    typeOf[i] = types.add(product.product_type, i);
    vendorOf[i] = vendors.add(product.vendor, i);
    const raw = product.tags ?? [];
    for (let k = 0; k < raw.length; k++) {
      if (raw.indexOf(raw[k]) !== k) continue;
      const id = tags.add(raw[k], i);
      if (id !== -1) tagIds.push(id);
    }
  }
  tagStart[products.length] = tagIds.length;

  let total = 0;
  for (const collection of collections) total += collection.products?.length ?? 0;
  const members = new Int32Array(total);
  const memberStart = new Int32Array(collections.length + 1);
  const primary = new Int32Array(products.length).fill(-1);
  const lastListedIn = new Int32Array(products.length).fill(-1);
  let k = 0;
  for (let c = 0; c < collections.length; c++) {
    memberStart[c] = k;
    for (const handle of collections[c].products ?? []) {
      const i = position.get(handle);
      // A collection naming a product twice is still one collection.
      if (i === undefined || lastListedIn[i] === c) continue;
      lastListedIn[i] = c;
      if (primary[i] === -1) primary[i] = c;
      members[k++] = i;
    }
  }
  memberStart[collections.length] = k;

  return {
    position,
    typeNames: types.names,
    vendorNames: vendors.names,
    tagNames: tags.names,
    typeOf,
    vendorOf,
    tagIds: Int32Array.from(tagIds),
    tagStart,
    withType: types.carriers,
    withVendor: vendors.carriers,
    withTag: tags.carriers,
    members: members.subarray(0, k),
    memberStart,
    primary,
  };
}
