/**
 * What every surface adapter needs before it can present an order: proof the
 * order is the customer's and the customer the store's, the JSON path of the
 * order for error messages, and the catalog entries behind its line items.
 * A fixture that slipped past the loader (or a hand-built one in a test)
 * fails here with the path of the bad entry, never with a TypeError.
 */
import { orderIdOf } from '../names.ts';
import type { Customer, Image, LineItem, Order, Product, Store, Variant } from '../types.ts';
import { stableId } from './ids.ts';

export interface OrderContext {
  store: Store;
  order: Order;
  customer: Customer;
  /** e.g. "customers[2].orders[2]". */
  path: string;
}

export function orderContext(store: Store, order: Order, customer: Customer): OrderContext {
  const customerIndex = store.customers.findIndex((candidate) => candidate.id === customer.id);
  if (customerIndex < 0) throw new Error(`customer "${customer.handle}" (id ${customer.id}) is not in this store`);
  const orderIndex = store.customers[customerIndex].orders.findIndex((candidate) => candidate.id === order.id);
  if (orderIndex < 0) throw new Error(`order ${order.name} (id ${order.id}) does not belong to customer "${customer.handle}"`);
  return { store, order, customer, path: `customers[${customerIndex}].orders[${orderIndex}]` };
}

export interface LineCatalog {
  product: Product;
  variant: Variant;
  /** The variant's own image, else the product's first one. */
  image: Image | undefined;
}

const catalogs = new WeakMap<Store, Map<number, { product: Product; variant: Variant }>>();

function variantIndex(store: Store): Map<number, { product: Product; variant: Variant }> {
  let index = catalogs.get(store);
  if (!index) {
    index = new Map();
    for (const product of store.products) for (const variant of product.variants) index.set(variant.id, { product, variant });
    catalogs.set(store, index);
  }
  return index;
}

export function lineCatalog(context: OrderContext, line: LineItem): LineCatalog {
  const found = variantIndex(context.store).get(line.variant_id);
  const at = `${context.path}.line_items[${context.order.line_items.indexOf(line)}]`;
  if (!found) throw new Error(`${at}.variant_id: variant ${line.variant_id} is not in the catalog`);
  if (found.product.handle !== line.product) {
    throw new Error(`${at}.product: variant ${line.variant_id} belongs to "${found.product.handle}", not "${line.product}"`);
  }
  const { product, variant } = found;
  const image = (variant.image ? product.images.find((candidate) => candidate.file === variant.image) : undefined) ?? product.images[0];
  return { product, variant, image };
}

/** Where Shopify's CDN serves a shop file; absolute, as the APIs return it. */
export function imageUrl(store: Store, image: Image): string {
  return `https://${store.shop.domain}/cdn/shop/files/${image.file}`;
}

/** "#1003" → 1003; the order's id when its name has no digits. */
export function orderNumber(order: Order): number {
  const digits = order.name.match(/\d+/);
  return digits ? Number(digits[0]) : order.id;
}

/**
 * The customer's page for the order, ending in the same token the Liquid
 * `order.customer_url` and the preview server use.
 */
export function statusPageUrl(store: Store, order: Order): string {
  return `https://${store.shop.domain}/account/orders/${order.token ?? orderIdOf(order.name)}`;
}

/** The shop's numeric id; a fixture without one gets a stable id from its permanent domain. */
export function shopId(store: Store): number {
  return store.shop.id ?? stableId(store.shop.permanent_domain);
}

/** One of the shop's published locales; the primary one when none is asked for. */
export function publishedLocale(store: Store, locale: string | undefined): string {
  const chosen = locale ?? store.shop.primary_locale;
  if (!store.shop.published_locales.includes(chosen)) {
    throw new Error(`unknown locale "${chosen}"; the shop publishes ${store.shop.published_locales.join(', ')}`);
  }
  return chosen;
}

/** The variant's title as shoppers see it: none for a product without options. */
export function variantTitle(product: Product, variant: Variant): string | null {
  return product.options.length === 0 ? null : variant.title;
}

/** "Product - Variant", or the product title alone for a default variant (Liquid `line_item.title`). */
export function lineName(product: Product, variant: Variant): string {
  const title = variantTitle(product, variant);
  return title === null ? product.title : `${product.title} - ${title}`;
}

/** Name/value pairs of the variant's options, in the product's option order. */
export function selectedOptions(product: Product, variant: Variant): { name: string; value: string }[] {
  return product.options.map((name, index) => ({ name, value: variant.option_values[index] ?? '' }));
}
