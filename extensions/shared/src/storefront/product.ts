/**
 * Storefront API products (types.ts) mapped into the domain core's model
 * (extensions/core/src/model.ts), so `recommendProducts` and `buyAgain` run on
 * what `shopify.query` answered. Pure: no platform imports.
 *
 * Where a core field has no Storefront source, the choice:
 * - `inventory_quantity` / `inventory_policy`: `quantityAvailable` needs a scope
 *   the app does not ask for, so stock is read from availability, which is what
 *   the core's `isInStock` decides on anyway: not available for sale → 0 units,
 *   "deny"; available only because the shop sells out of stock
 *   (`currentlyNotInStock`) → 0 units, "continue"; otherwise → null (not
 *   tracked, i.e. in stock).
 * - `taxable`: not exposed; true (nothing in the core reads it for products).
 * - `published_at`: `publishedAt` on the asking channel; a product the channel
 *   cannot see is never returned, so what arrives is published.
 * - `description`: `descriptionHtml`.
 * - `weight`: grams, converted from `weight` in `weightUnit`.
 * - `options`: Shopify answers one option "Title" for a product without
 *   options; the model has none.
 * - Images: `file` is the last segment of the CDN URL (the model's shop file
 *   name); the URL itself is kept in `StorefrontCatalog.imageUrls`.
 * - Collections: the model lists products per collection, Storefront lists
 *   collections per product (first 10). `coreCollections` gathers them from
 *   the products at hand, in first-seen order, so the primary collection (the
 *   first listing a product) follows Shopify's order of `Product.collections`,
 *   not the theme's `collections` order. Collection descriptions and images are
 *   not selected ('' and null).
 * - Metafields: only those visible to the Storefront API arrive; their string
 *   values are typed back (boolean, number_integer, number_decimal).
 */
import type { Collection, Image, Metafield, Product, Variant } from '../../../core/src/model.ts';
import { subunitsOf } from '../../../core/src/subunits.ts';
import type { ProductsData, StorefrontImage, StorefrontMetafield, StorefrontProduct, StorefrontVariant, StorefrontWeightUnit } from './types.ts';

/** The numeric id at the end of a Shopify gid (`gid://shopify/Product/7003` → 7003); NaN when there is none. */
export function numericId(gid: string | null | undefined): number {
  const match = typeof gid === 'string' ? /\/(\d+)(?:\?.*)?$/.exec(gid) : null;
  return match ? Number(match[1]) : Number.NaN;
}

const GRAMS_PER: Record<StorefrontWeightUnit, number> = { GRAMS: 1, KILOGRAMS: 1000, OUNCES: 28.349523125, POUNDS: 453.59237 };

/** The file name at the end of a CDN URL, without its query: `…/files/fig-candle.jpg?v=1` → "fig-candle.jpg". */
export function imageFile(url: string): string {
  const path = url.split(/[?#]/)[0];
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** A positive id from text (FNV-1a), for an image Shopify gave no id. */
function textId(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash || 1;
}

function coreImage(image: StorefrontImage): Image {
  const id = numericId(image.id);
  return {
    id: Number.isNaN(id) ? textId(image.url) : id,
    file: imageFile(image.url),
    width: image.width ?? 0,
    height: image.height ?? 0,
    alt: image.altText,
  };
}

function coreMetafield(field: StorefrontMetafield): Metafield {
  switch (field.type) {
    case 'boolean':
      return { namespace: field.namespace, key: field.key, type: 'boolean', value: field.value === 'true' };
    case 'number_integer':
    case 'number_decimal': {
      const value = Number(field.value);
      // A value that is not a number stays text, so the core's own checks reject it rather than read 0.
      return Number.isFinite(value) && field.value.trim() !== ''
        ? { namespace: field.namespace, key: field.key, type: field.type, value }
        : { namespace: field.namespace, key: field.key, type: 'single_line_text_field', value: field.value };
    }
    case 'multi_line_text_field':
      return { namespace: field.namespace, key: field.key, type: 'multi_line_text_field', value: field.value };
    default:
      return { namespace: field.namespace, key: field.key, type: 'single_line_text_field', value: field.value };
  }
}

/** Shopify's stand-in option for products without options. */
function isDefaultOption(options: { name: string }[], variants: StorefrontVariant[]): boolean {
  return (
    options.length === 1 &&
    options[0].name === 'Title' &&
    variants.every((variant) => variant.selectedOptions.length === 1 && variant.selectedOptions[0].value === 'Default Title')
  );
}

function coreVariant(variant: StorefrontVariant, optionNames: string[], currency: string): Variant {
  const price = subunitsOf(variant.price.amount, variant.price.currencyCode || currency);
  const compareAt = variant.compareAtPrice ? subunitsOf(variant.compareAtPrice.amount, variant.compareAtPrice.currencyCode || currency) : Number.NaN;
  const grams = variant.weight === null ? 0 : variant.weight * (GRAMS_PER[variant.weightUnit] ?? 1);
  return {
    id: numericId(variant.id),
    title: variant.title,
    option_values: optionNames.map((name) => variant.selectedOptions.find((option) => option.name === name)?.value ?? ''),
    sku: variant.sku || null,
    barcode: variant.barcode || null,
    // An unreadable price is no price: the core never offers a variant that is not priced above zero.
    price: Number.isNaN(price) ? 0 : price,
    compare_at_price: Number.isNaN(compareAt) ? null : compareAt,
    inventory_quantity: !variant.availableForSale || variant.currentlyNotInStock ? 0 : null,
    inventory_policy: variant.availableForSale && variant.currentlyNotInStock ? 'continue' : 'deny',
    requires_shipping: variant.requiresShipping,
    taxable: true,
    weight: Math.round(grams * 10) / 10,
    image: variant.image ? imageFile(variant.image.url) : null,
  };
}

/** One Storefront product as the core's Product. */
export function coreProduct(product: StorefrontProduct): Product {
  const variants = product.variants?.nodes ?? [];
  const options = product.options ?? [];
  const optionNames = isDefaultOption(options, variants) ? [] : options.map((option) => option.name);
  const images = (product.images?.nodes ?? []).map(coreImage);
  // The featured image leads, as `product.images[0]` does in the model.
  if (product.featuredImage) {
    const featured = coreImage(product.featuredImage);
    const at = images.findIndex((image) => image.file === featured.file);
    if (at > 0) images.unshift(...images.splice(at, 1));
    else if (at < 0) images.unshift(featured);
  }
  const currency = variants[0]?.price.currencyCode ?? '';
  const metafields = (product.metafields ?? []).filter((field): field is StorefrontMetafield => field !== null).map(coreMetafield);
  return {
    id: numericId(product.id),
    handle: product.handle,
    title: product.title,
    vendor: product.vendor,
    product_type: product.productType,
    tags: [...(product.tags ?? [])],
    description: product.descriptionHtml ?? '',
    created_at: product.createdAt,
    published_at: product.publishedAt ?? null,
    gift_card: product.isGiftCard === true,
    options: optionNames,
    images,
    variants: variants.map((variant) => coreVariant(variant, optionNames, currency)),
    ...(metafields.length > 0 ? { metafields } : {}),
  };
}

/** The collections the products name, each listing the products at hand that it holds, in first-seen order. */
export function coreCollections(products: readonly StorefrontProduct[]): Collection[] {
  const byHandle = new Map<string, Collection>();
  for (const product of products) {
    for (const ref of product.collections?.nodes ?? []) {
      let collection = byHandle.get(ref.handle);
      if (!collection) {
        const id = numericId(ref.id);
        collection = { id: Number.isNaN(id) ? textId(ref.handle) : id, handle: ref.handle, title: ref.title, description: '', products: [], image: null };
        byHandle.set(ref.handle, collection);
      }
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
  return (data?.nodes ?? []).filter((node): node is StorefrontProduct => node !== null && typeof node === 'object' && 'handle' in node);
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
    const images = [product.featuredImage, ...(product.images?.nodes ?? []), ...(product.variants?.nodes ?? []).map((variant) => variant.image)];
    for (const image of images) if (image && !imageUrls.has(imageFile(image.url))) imageUrls.set(imageFile(image.url), image.url);
  }
  return { products: storefront.map(coreProduct), collections: coreCollections(storefront), handles, imageUrls };
}
