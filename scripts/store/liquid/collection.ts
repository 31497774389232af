import { ShopifyDrop } from './drop.ts';
import type { Collection } from '../types.ts';
import type { ImageDrop } from './image.ts';
import { memo } from './memo.ts';
import { MetafieldsDrop } from './metafield.ts';
import type { ProductDrop } from './product.ts';
import type { StoreView } from './view.ts';

const unique = (values: string[]) => [...new Set(values.filter((value) => value !== ''))].sort();

/** Liquid `collection` (a manual collection; no filters or sorting in customer pages). */
export class CollectionDrop extends ShopifyDrop {
  #view: StoreView;
  #collection: Collection;

  constructor(view: StoreView, collection: Collection) {
    super();
    this.#view = view;
    this.#collection = collection;
  }

  get id(): number { return this.#collection.id; }
  get handle(): string { return this.#collection.handle; }
  get title(): string { return this.#collection.title; }
  get description(): string { return this.#collection.description; }
  get url(): string { return this.#view.url(`/collections/${this.#collection.handle}`); }
  get products(): ProductDrop[] {
    return memo(this, 'products', () => this.#collection.products.map((handle) => this.#view.productDrop(handle)!));
  }
  get products_count(): number { return this.#collection.products.length; }
  get all_products_count(): number { return this.#collection.products.length; }
  get all_tags(): string[] { return unique(this.#products().flatMap((product) => product.tags)); }
  /** The tags of the products in view: all of them, as customer pages filter nothing; nil when there are none. */
  get tags(): string[] | undefined {
    const tags = this.all_tags;
    return tags.length ? tags : undefined;
  }
  /** Fixture collections are manual: their products are in the order the merchant set. */
  get default_sort_by(): string { return 'manual'; }
  /** The model gives collections no metafields: an empty set, so lookups are nil. */
  get metafields(): MetafieldsDrop { return memo(this, 'metafields', () => new MetafieldsDrop()); }
  get all_types(): string[] { return unique(this.#products().map((product) => product.product_type)); }
  get all_vendors(): string[] { return unique(this.#products().map((product) => product.vendor)); }
  get image(): ImageDrop | undefined {
    const image = this.#collection.image;
    return image ? this.#view.imageDrop(image) : undefined;
  }
  /** The collection's image, else its first product's. */
  get featured_image(): ImageDrop | undefined { return this.image ?? this.products[0]?.featured_image; }

  #products() {
    return this.#collection.products.map((handle) => this.#view.product(handle)!);
  }
}
