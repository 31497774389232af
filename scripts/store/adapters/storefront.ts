/**
 * A fixture catalog as the Storefront API (GraphQL, 2026-10) returns it to
 * the documents in extensions/shared/src/storefront/documents.ts: the inverse
 * of that folder's `coreProduct`, for tests. Gids via ids.ts, decimal money
 * strings via money.ts, availability by the core's own `isInStock`.
 *
 *   storefrontProduct(store, product, { now })          → Storefront `Product`, or null when the channel cannot see it
 *   storefrontNodes(store, ids, { now })                → `{ nodes }` for `nodes(ids:)`
 *   storefrontRecommendations(store, seed, { handles }) → `{ productRecommendations }`
 *
 * What Shopify recommends is Shopify's choice: a test names the handles, or
 * gets the products sharing a collection with the seed (collection order),
 * leaving out what Shopify documents it never recommends (gift cards, out of
 * stock, priced 0) and the seed, at most 10.
 *
 * Fixture facts the Storefront API does not show (inventory counts, taxable,
 * the product's place in collection order) are not carried; choices:
 * - `quantityAvailable` is not selected by the documents, so not built;
 *   `currentlyNotInStock` is true for a tracked variant at or below zero that
 *   the shop keeps selling ("continue").
 * - only what the documents select is built (no description, SKU, weight or image gallery).
 * - collections: those listing the product, in the fixture's collection order, first 10.
 * - prices are in the shop currency: fixtures hold one price per variant.
 */
import { isInStock, isOfferable } from '../../../extensions/core/src/catalog.ts';
import { ENCORE_METAFIELDS } from '../../../extensions/shared/src/storefront/documents.ts';
import type {
  ProductsData,
  RecommendationsData,
  StorefrontImage,
  StorefrontProduct,
  StorefrontVariant,
} from '../../../extensions/shared/src/storefront/types.ts';
import type { Image, Product, Store, Variant } from '../types.ts';
import { imageUrl } from './context.ts';
import { gid, parseGid } from './ids.ts';
import { moneyV2 } from './money.ts';

export interface StorefrontOptions {
  /** The moment of the request: products published later are not visible yet. The store's `now`, else real time. */
  now?: string;
}

const MAX_RECOMMENDATIONS = 10;

function nowMs(store: Store, options: StorefrontOptions): number {
  const now = options.now ?? store.shop.now;
  return now === undefined ? Date.now() : Date.parse(now);
}

/** Published to the channel at `now`: the only products the Storefront API returns. */
export function isOnStorefront(store: Store, product: Product, options: StorefrontOptions = {}): boolean {
  if (product.published_at === null) return false;
  const published = Date.parse(product.published_at);
  return !Number.isNaN(published) && published <= nowMs(store, options);
}

function storefrontImage(store: Store, image: Image): StorefrontImage {
  return { id: gid('ProductImage', image.id), url: imageUrl(store, image), altText: image.alt, width: image.width, height: image.height };
}

function storefrontVariant(store: Store, product: Product, variant: Variant): StorefrontVariant {
  const currency = store.shop.currency;
  const image = variant.image ? product.images.find((candidate) => candidate.file === variant.image) : undefined;
  const tracked = variant.inventory_quantity !== null;
  return {
    id: gid('ProductVariant', variant.id),
    title: variant.title,
    availableForSale: isInStock(variant),
    currentlyNotInStock: variant.inventory_policy === 'continue' && tracked && (variant.inventory_quantity ?? 0) <= 0,
    requiresShipping: variant.requires_shipping,
    price: moneyV2(variant.price, currency),
    compareAtPrice: variant.compare_at_price === null ? null : moneyV2(variant.compare_at_price, currency),
    // Shopify describes the lone variant of a product without options as Title: Default Title.
    selectedOptions:
      product.options.length > 0
        ? product.options.map((name, index) => ({ name, value: variant.option_values[index] ?? '' }))
        : [{ name: 'Title', value: 'Default Title' }],
    image: image ? storefrontImage(store, image) : null,
  };
}

/** The product as the Storefront API answers it, or null when the channel cannot see it (unpublished or scheduled). */
export function storefrontProduct(store: Store, product: Product, options: StorefrontOptions = {}): StorefrontProduct | null {
  if (!isOnStorefront(store, product, options)) return null;
  const images = product.images.map((image) => storefrontImage(store, image));
  const variants = product.variants.map((variant) => storefrontVariant(store, product, variant));
  const listing = store.collections.filter((collection) => collection.products.includes(product.handle)).slice(0, 10);
  return {
    __typename: 'Product',
    id: gid('Product', product.id),
    handle: product.handle,
    title: product.title,
    vendor: product.vendor,
    productType: product.product_type,
    tags: [...product.tags],
    publishedAt: product.published_at!,
    isGiftCard: product.gift_card === true,
    availableForSale: variants.some((variant) => variant.availableForSale),
    onlineStoreUrl: `https://${store.shop.domain}/products/${product.handle}`,
    options: product.options.length > 0 ? product.options.map((name) => ({ name })) : [{ name: 'Title' }],
    featuredImage: images[0] ?? null,
    variants: { nodes: variants },
    collections: { nodes: listing.map((collection) => ({ id: gid('Collection', collection.id), handle: collection.handle, title: collection.title })) },
    metafields: ENCORE_METAFIELDS.map(({ namespace, key }) => {
      const field = product.metafields?.find((candidate) => candidate.namespace === namespace && candidate.key === key);
      return field ? { namespace, key, type: field.type, value: String(field.value) } : null;
    }),
  };
}

/** `nodes(ids:)`: one entry per id, null for ids that are not a product the channel can see. */
export function storefrontNodes(store: Store, ids: readonly string[], options: StorefrontOptions = {}): ProductsData {
  return {
    nodes: ids.map((id) => {
      let numeric: number;
      try {
        const parsed = parseGid(id);
        if (parsed.resource !== 'Product') return null;
        numeric = parsed.id;
      } catch {
        return null;
      }
      const product = store.products.find((candidate) => candidate.id === numeric);
      return product ? storefrontProduct(store, product, options) : null;
    }),
  };
}

export interface RecommendationOptions extends StorefrontOptions {
  /** What Shopify recommends, in its order; by default products sharing a collection with the seed. */
  handles?: readonly string[];
}

/** `productRecommendations(productId:)` for the seed (a product or its handle); null when the channel cannot see the seed. */
export function storefrontRecommendations(store: Store, seed: Product | string, options: RecommendationOptions = {}): RecommendationsData {
  const product = typeof seed === 'string' ? store.products.find((candidate) => candidate.handle === seed) : seed;
  if (!product) throw new Error(`no product "${String(seed)}" in the catalog`);
  if (!isOnStorefront(store, product, options)) return { productRecommendations: null };
  const byHandle = (handle: string): Product => {
    const found = store.products.find((candidate) => candidate.handle === handle);
    if (!found) throw new Error(`no product "${handle}" in the catalog`);
    return found;
  };
  const picks = options.handles ? options.handles.map(byHandle) : sharingCollection(store, product);
  return {
    productRecommendations: picks
      .map((pick) => storefrontProduct(store, pick, options))
      .filter((pick): pick is StorefrontProduct => pick !== null),
  };
}

/** Products in a collection with the seed, collection by collection, without what Shopify never recommends. */
function sharingCollection(store: Store, seed: Product): Product[] {
  const picks: Product[] = [];
  for (const collection of store.collections) {
    if (!collection.products.includes(seed.handle)) continue;
    for (const handle of collection.products) {
      const product = store.products.find((candidate) => candidate.handle === handle);
      if (!product || product === seed || picks.includes(product) || product.gift_card) continue;
      if (!product.variants.some(isOfferable)) continue;
      picks.push(product);
    }
  }
  return picks.slice(0, MAX_RECOMMENDATIONS);
}

/** The Storefront `Product` gid of a fixture product, as order lines and seeds name it. */
export function storefrontProductId(product: Product): string {
  return gid('Product', product.id);
}
