import { ShopifyDrop } from './drop.ts';
import type { CollectionDrop } from './collection.ts';
import type { ProductDrop } from './product.ts';
import type { StoreView } from './view.ts';

/**
 * Liquid `collections`: every collection of the store, by handle
 * (`collections['candles']`) or in order (`for collection in collections`).
 * Section settings of type `collection` resolve through it.
 */
export class CollectionsDrop extends ShopifyDrop {
  #view: StoreView;
  constructor(view: StoreView) {
    super();
    this.#view = view;
  }
  get size(): number { return this.#view.store.collections.length; }
  override liquidMethodMissing(handle: string | number): CollectionDrop | undefined {
    if (typeof handle !== 'string') return undefined;
    // Shopify answers `collections.all` with every product, whether or not the merchant made an "all" collection.
    return this.#view.collectionDrop(handle) ?? (handle === 'all' ? this.#view.allProductsCollectionDrop() : undefined);
  }
  override valueOf(): CollectionDrop[] {
    return this.#view.store.collections.map((collection) => this.#view.collectionDrop(collection.handle)!);
  }
}

/** Liquid `all_products`: a product by handle (`all_products['amber-candle']`); settings of type `product` resolve through it. */
export class AllProductsDrop extends ShopifyDrop {
  #view: StoreView;
  constructor(view: StoreView) {
    super();
    this.#view = view;
  }
  override liquidMethodMissing(handle: string | number): ProductDrop | undefined {
    return typeof handle === 'string' ? this.#view.productDrop(handle) : undefined;
  }
}
