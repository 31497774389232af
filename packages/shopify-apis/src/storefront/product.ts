/**
 * Storefront API products (types.ts) mapped into the domain core's model
 * (packages/core/src/model.ts), so `recommendProducts` and `buyAgain` run on
 * what `shopify.query` answered. Pure: no platform imports.
 *
 * Where a core field has no Storefront source (or is not selected, see
 * documents.ts), the choice:
 * - `available`: `availableForSale` as Shopify answered it; the core's
 *   `isInStock` takes that answer instead of working availability out again.
 * - `inventory_quantity` / `inventory_policy`: `quantityAvailable` needs a scope
 *   the app does not ask for, so stock is read from availability as far as it
 *   tells: not available for sale → 0 units, "deny"; available only because
 *   the shop sells out of stock (`currentlyNotInStock`) → 0 units, "continue";
 *   otherwise → null (not tracked, i.e. in stock).
 * - `published_at`: `publishedAt` on the asking channel; a product the channel
 *   cannot see is never returned, so what arrives is published.
 *   `created_at` is not selected: `publishedAt` stands in.
 * - Not selected, so empty: `description` '', `sku`/`barcode` null, `weight` 0,
 *   `taxable` true (not exposed at all; nothing in the core reads these for
 *   recommendations or buy again).
 * - `options`: Shopify answers one option "Title" for a product without
 *   options; the model has none.
 * - Images: the featured image, then variant images not already listed; `file`
 *   is the last segment of the CDN URL (the model's shop file name). The URL
 *   itself is kept in `StorefrontCatalog.imageUrls`.
 * - Collections: the model lists products per collection, Storefront lists
 *   collections per product (first 10). `coreCollections` gathers them from
 *   the products at hand, in first-seen order, so the primary collection (the
 *   first listing a product) follows Shopify's order of `Product.collections`,
 *   not the theme's `collections` order. Collection descriptions and images are
 *   not selected ('' and null).
 * - Metafields: only those visible to the Storefront API arrive; their string
 *   values are typed back (boolean, number_integer, number_decimal).
 */
import type { Collection, Image, Metafield, Product, Variant } from '@encore/core/model.ts';
import { subunitsOf } from '@encore/core/subunits.ts';
import type { ProductsData, StorefrontImage, StorefrontMetafield, StorefrontProduct, StorefrontVariant } from './types.ts';

/** The numeric id at the end of a Shopify gid (`gid://shopify/Product/7003` → 7003); NaN when there is none. */
export function numericId(gid: string | null | undefined): number {
  const match = /\/(\d+)(\?.*)?$/.exec(gid || '');
  return match ? Number(match[1]) : Number.NaN;
}

/** The file name at the end of a CDN URL, without its query: `…/files/fig-candle.jpg?v=1` → "fig-candle.jpg". */
export function imageFile(url: string): string {
  return url.split(/[?#]/)[0].split('/').pop() || '';
}

function coreImage(image: StorefrontImage): Image {
  // An image without an id (Shopify types it nullable) gets 0: nothing in the core compares image ids.
  return { id: numericId(image.id) || 0, file: imageFile(image.url), width: image.width || 0, height: image.height || 0, alt: image.altText };
}

function coreMetafield({ namespace, key, type, value }: StorefrontMetafield): Metafield {
  if (type === 'boolean') return { namespace, key, type, value: value === 'true' };
  // Numbers are typed back; any other type (and a number that does not read as one) stays text, which the
  // core's checks reject rather than read as 0.
  const number = Number(value);
  if ((type === 'number_integer' || type === 'number_decimal') && value.trim() && Number.isFinite(number)) return { namespace, key, type, value: number };
  return { namespace, key, type: 'single_line_text_field', value };
}

function coreVariant(variant: StorefrontVariant, optionNames: string[]): Variant {
  const price = subunitsOf(variant.price.amount, variant.price.currencyCode);
  const compareAt = variant.compareAtPrice ? subunitsOf(variant.compareAtPrice.amount, variant.compareAtPrice.currencyCode) : Number.NaN;
  return {
    id: numericId(variant.id),
    title: variant.title,
    option_values: optionNames.map((name) => (variant.selectedOptions.find((option) => option.name === name) || { value: '' }).value),
    sku: null,
    // An unreadable price is no price: the core never offers a variant that is not priced above zero.
    price: price || 0,
    compare_at_price: Number.isNaN(compareAt) ? null : compareAt,
    inventory_quantity: !variant.availableForSale || variant.currentlyNotInStock ? 0 : null,
    inventory_policy: variant.availableForSale && variant.currentlyNotInStock ? 'continue' : 'deny',
    available: variant.availableForSale,
    requires_shipping: variant.requiresShipping,
    taxable: true,
    weight: 0,
    image: variant.image ? imageFile(variant.image.url) : null,
  };
}

/** The featured image, then each variant's. */
function imagesOf(product: StorefrontProduct): StorefrontImage[] {
  return [product.featuredImage, ...product.variants.nodes.map((variant) => variant.image)].filter((image) => image !== null);
}

/** One Storefront product as the core's Product. */
export function coreProduct(product: StorefrontProduct): Product {
  const variants = product.variants.nodes;
  const options = product.options;
  // Shopify's stand-in option for products without options.
  const lone = options.length === 1 && options[0].name === 'Title' && variants.every((variant) => variant.selectedOptions[0]?.value === 'Default Title');
  const optionNames = lone ? [] : options.map((option) => option.name);
  const images: Image[] = [];
  for (const image of imagesOf(product)) if (!images.some((listed) => listed.file === imageFile(image.url))) images.push(coreImage(image));
  const metafields = (product.metafields || []).filter((field) => field !== null).map(coreMetafield);
  return {
    id: numericId(product.id),
    handle: product.handle,
    title: product.title,
    vendor: product.vendor,
    product_type: product.productType,
    tags: [...product.tags],
    description: '',
    created_at: product.publishedAt,
    published_at: product.publishedAt,
    gift_card: product.isGiftCard === true,
    options: optionNames,
    images,
    variants: variants.map((variant) => coreVariant(variant, optionNames)),
    metafields,
  };
}

/** The collections the products name, each listing the products at hand that it holds, in first-seen order. */
export function coreCollections(products: readonly StorefrontProduct[]): Collection[] {
  const byHandle = new Map<string, Collection>();
  for (const product of products) {
    for (const { id, handle, title } of product.collections.nodes) {
      let collection = byHandle.get(handle);
      if (!collection) byHandle.set(handle, (collection = { id: numericId(id) || 0, handle, title, description: '', products: [], image: null }));
      if (!collection.products.includes(product.handle)) collection.products.push(product.handle);
    }
  }
  return [...byHandle.values()];
}

/** Storefront answers gathered into a catalog the core can score. */
export interface StorefrontCatalog {
  /** Each product once (by handle), in first-seen order. */
  products: Product[];
  collections: Collection[];
  /** Product gid → handle, to name the lines of an order that only carry product ids. */
  handles: Map<string, string>;
  /** Image file → the CDN URL Shopify answered, to show it. */
  imageUrls: Map<string, string>;
}

/** The Products in a `nodes(ids:)` answer (other node types and ids the channel cannot see left out). */
export function productsOfNodes(data: ProductsData | null | undefined): StorefrontProduct[] {
  return ((data && data.nodes) || []).filter((node): node is StorefrontProduct => !!node && 'handle' in node);
}

/** Every answer's products as one catalog; a product answered twice counts once. */
export function storefrontCatalog(answers: readonly (readonly StorefrontProduct[])[]): StorefrontCatalog {
  const unique = new Map<string, StorefrontProduct>();
  for (const list of answers) for (const product of list) if (product && !unique.has(product.handle)) unique.set(product.handle, product);
  const storefront = [...unique.values()];
  const handles = new Map<string, string>();
  const imageUrls = new Map<string, string>();
  for (const product of storefront) {
    handles.set(product.id, product.handle);
    for (const image of imagesOf(product)) if (!imageUrls.has(imageFile(image.url))) imageUrls.set(imageFile(image.url), image.url);
  }
  return { products: storefront.map(coreProduct), collections: coreCollections(storefront), handles, imageUrls };
}
