/**
 * One page's view of the store: lookups by handle/id, the active locale, and
 * a cache of drops so that every path to the same product (a line item's
 * `product`, a collection's `products`) yields the same drop object.
 * Drops hold it in a private field: templates can never reach it.
 */
import { orderIdOf } from '../names.ts';
import type { Collection, Customer, Image, Order, Product, Store, Variant } from '../types.ts';
import { CollectionDrop } from './collection.ts';
import { CustomerDrop } from './customer.ts';
import { ImageDrop } from './image.ts';
import { OrderDrop } from './order.ts';
import { ProductDrop, VariantDrop } from './product.ts';
import { CountryDrop, CurrencyDrop, ShopLocaleDrop } from './shop.ts';

interface CatalogIndex {
  products: Map<string, Product>;
  variants: Map<number, { product: Product; variant: Variant }>;
  collections: Map<string, Collection>;
  /** Product handle → the collections listing it, in the store's collection order. */
  collectionsOf: Map<string, Collection[]>;
}

/** Products, variants and collections indexed once per store rather than once per page. */
const catalogIndexes = new WeakMap<Store, CatalogIndex>();

function catalogIndex(store: Store): CatalogIndex {
  let index = catalogIndexes.get(store);
  if (!index) {
    index = { products: new Map(), variants: new Map(), collections: new Map(), collectionsOf: new Map() };
    for (const product of store.products) {
      index.products.set(product.handle, product);
      for (const variant of product.variants) index.variants.set(variant.id, { product, variant });
    }
    for (const collection of store.collections) {
      index.collections.set(collection.handle, collection);
      for (const handle of new Set(collection.products)) {
        let list = index.collectionsOf.get(handle);
        if (!list) index.collectionsOf.set(handle, (list = []));
        list.push(collection);
      }
    }
    catalogIndexes.set(store, index);
  }
  return index;
}

export class StoreView {
  readonly store: Store;
  /** Active locale, e.g. "fr". */
  readonly locale: string;
  /** URL prefix of the active locale: "" for the primary one, "/fr" otherwise. */
  readonly localePath: string;
  #index: CatalogIndex;
  /** Host that serves uploaded files: the shop's domain, or the studio's own. */
  readonly #cdnHost: string;
  #drops = new Map<string, object>();

  constructor(store: Store, locale: string, cdnHost?: string) {
    this.store = store;
    this.locale = locale;
    this.#cdnHost = cdnHost ?? store.shop.domain;
    this.localePath = locale === store.shop.primary_locale ? '' : `/${locale}`;
    this.#index = catalogIndex(store);
  }

  /** A storefront path under the active locale, e.g. "/fr/account". */
  url(path: string): string {
    return path === '/' ? this.localePath || '/' : `${this.localePath}${path}`;
  }

  /** Where Shopify serves an uploaded file: `//{domain}/cdn/shop/files/{file}`. */
  cdnUrl(file: string): string {
    return `//${this.#cdnHost}/cdn/shop/files/${file}`;
  }

  #cached<T extends object>(key: string, make: () => T): T {
    let drop = this.#drops.get(key);
    if (!drop) this.#drops.set(key, (drop = make()));
    return drop as T;
  }

  /** The catalog's product with this handle. */
  product(handle: string): Product | undefined {
    return this.#index.products.get(handle);
  }

  /** The catalog's variant with this id, with its product. */
  variant(id: number): { product: Product; variant: Variant } | undefined {
    return this.#index.variants.get(id);
  }

  productDrop(handle: string): ProductDrop | undefined {
    const product = this.#index.products.get(handle);
    return product && this.#cached(`product:${handle}`, () => new ProductDrop(this, product));
  }

  variantDrop(id: number): VariantDrop | undefined {
    const found = this.#index.variants.get(id);
    return found && this.#cached(`variant:${id}`, () => new VariantDrop(this, found.product, found.variant));
  }

  imageDrop(image: Image, owner?: Product): ImageDrop {
    return this.#cached(`image:${image.id}`, () => new ImageDrop(this, image, owner));
  }

  /** The same image as a product medium (`product.media`), which has a `preview_image`. */
  mediaDrop(image: Image, owner: Product): ImageDrop {
    return this.#cached(`media:${image.id}`, () => new ImageDrop(this, image, owner, true));
  }

  collectionDrop(handle: string): CollectionDrop | undefined {
    const collection = this.#index.collections.get(handle);
    return collection && this.#cached(`collection:${handle}`, () => new CollectionDrop(this, collection));
  }

  /** `collections.all` when the store has no collection of that handle: every product, in catalog order. */
  allProductsCollectionDrop(): CollectionDrop {
    return this.#cached('collection:all', () => new CollectionDrop(this, {
      id: 0, handle: 'all', title: 'Products', description: '', products: this.store.products.map((product) => product.handle),
    }));
  }

  /** Collections listing the product, in the store's collection order. */
  collectionsOf(handle: string): CollectionDrop[] {
    return (this.#index.collectionsOf.get(handle) ?? []).map((collection) => this.collectionDrop(collection.handle)!);
  }

  countryDrop(code: string): CountryDrop {
    return this.#cached(`country:${code}`, () => new CountryDrop(this, code));
  }

  currencyDrop(code: string): CurrencyDrop {
    return this.#cached(`currency:${code}`, () => new CurrencyDrop(code));
  }

  shopLocaleDrop(code: string): ShopLocaleDrop {
    return this.#cached(`locale:${code}`, () => new ShopLocaleDrop(this, code));
  }

  customerDrop(customer: Customer): CustomerDrop {
    return this.#cached(`customer:${customer.id}`, () => new CustomerDrop(this, customer));
  }

  orderDrop(order: Order, customer: Customer): OrderDrop {
    return this.#cached(`order:${order.id}`, () => new OrderDrop(this, order, customer));
  }

  /**
   * The last segment of an order's URL. Shopify uses an opaque token; without
   * one in the fixture we use the CLI's order ID ("1003"), so links from the
   * account page lead to what the preview server serves at /account/orders/1003.
   */
  orderToken(order: Order): string {
    return order.token ?? orderIdOf(order.name);
  }
}
