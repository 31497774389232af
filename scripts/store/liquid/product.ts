import { ShopifyDrop } from './drop.ts';
import type { Product, Variant } from '../types.ts';
import { isAvailable, optionNames, optionValues } from './catalog-rules.ts';
import type { CollectionDrop } from './collection.ts';
import type { ImageDrop } from './image.ts';
import { memo } from './memo.ts';
import { MetafieldsDrop } from './metafield.ts';
import { OptionsByNameDrop, OptionWithValueDrop, ProductOptionDrop, type ProductOptionValueDrop } from './product-option.ts';
import type { StoreView } from './view.ts';

const GRAMS_PER_UNIT = { g: 1, kg: 1000, lb: 453.59237, oz: 28.349523125 } as const;

const min = (values: number[]) => (values.length ? Math.min(...values) : undefined);
const max = (values: number[]) => (values.length ? Math.max(...values) : undefined);

/**
 * Liquid `product`. Prices are the variants' (min/max). Selling plans are
 * recorded on order lines only, so the catalog-side selling plan attributes
 * are left out (see unavailable.ts).
 */
export class ProductDrop extends ShopifyDrop {
  #view: StoreView;
  #product: Product;

  constructor(view: StoreView, product: Product) {
    super();
    this.#view = view;
    this.#product = product;
  }

  get id(): number { return this.#product.id; }
  get handle(): string { return this.#product.handle; }
  get title(): string { return this.#product.title; }
  get vendor(): string { return this.#product.vendor; }
  get type(): string { return this.#product.product_type; }
  get tags(): string[] { return [...this.#product.tags]; }
  get description(): string { return this.#product.description; }
  get content(): string { return this.#product.description; }
  get created_at(): string { return this.#product.created_at; }
  get published_at(): string | null { return this.#product.published_at; }
  get url(): string { return this.#view.url(`/products/${this.#product.handle}`); }
  get ['gift_card?'](): boolean { return this.#product.gift_card === true; }
  get options(): string[] { return [...this.#product.options]; }
  get has_only_default_variant(): boolean { return this.#product.options.length === 0; }
  get options_with_values(): ProductOptionDrop[] {
    return memo(this, 'options_with_values', () => optionNames(this.#product).map((_, index) => new ProductOptionDrop(this.#view, this.#product, index)));
  }
  /** `product.options_by_name['scent']`: the name is case-insensitive. */
  get options_by_name(): OptionsByNameDrop { return memo(this, 'options_by_name', () => new OptionsByNameDrop(this.options_with_values)); }
  get metafields(): MetafieldsDrop { return memo(this, 'metafields', () => new MetafieldsDrop(this.#product.metafields)); }

  get variants(): VariantDrop[] {
    return memo(this, 'variants', () => this.#product.variants.map((variant) => this.#view.variantDrop(variant.id)!));
  }
  get variants_count(): number { return this.#product.variants.length; }
  get available(): boolean { return this.#product.variants.some(isAvailable); }
  get first_available_variant(): VariantDrop | undefined {
    const variant = this.#product.variants.find(isAvailable);
    return variant && this.#view.variantDrop(variant.id);
  }
  /** Customer pages never select a variant, so this is the first available one (or the first). */
  get selected_or_first_available_variant(): VariantDrop {
    return this.first_available_variant ?? this.variants[0];
  }

  get price(): number { return this.price_min; }
  get price_min(): number { return min(this.#product.variants.map((variant) => variant.price)) ?? 0; }
  get price_max(): number { return max(this.#product.variants.map((variant) => variant.price)) ?? 0; }
  get price_varies(): boolean { return this.price_min !== this.price_max; }
  get compare_at_price(): number | undefined { return min(this.#compareAtPrices()); }
  get compare_at_price_min(): number { return min(this.#compareAtPrices()) ?? 0; }
  get compare_at_price_max(): number { return max(this.#compareAtPrices()) ?? 0; }
  get compare_at_price_varies(): boolean { return this.compare_at_price_min !== this.compare_at_price_max; }

  #compareAtPrices(): number[] {
    return this.#product.variants.map((variant) => variant.compare_at_price).filter((price): price is number => price !== null);
  }

  get images(): ImageDrop[] {
    return memo(this, 'images', () => this.#product.images.map((image) => this.#view.imageDrop(image, this.#product)));
  }
  get featured_image(): ImageDrop | undefined { return this.images[0]; }
  /** Every medium of a fixture product is an image; as media they carry a `preview_image`. */
  get media(): ImageDrop[] {
    return memo(this, 'media', () => this.#product.images.map((image) => this.#view.mediaDrop(image, this.#product)));
  }
  get featured_media(): ImageDrop | undefined { return this.media[0]; }
  get collections(): CollectionDrop[] { return memo(this, 'collections', () => this.#view.collectionsOf(this.#product.handle)); }
}

/** Liquid `variant`. */
export class VariantDrop extends ShopifyDrop {
  #view: StoreView;
  #product: Product;
  #variant: Variant;

  constructor(view: StoreView, product: Product, variant: Variant) {
    super();
    this.#view = view;
    this.#product = product;
    this.#variant = variant;
  }

  get id(): number { return this.#variant.id; }
  get title(): string { return this.#variant.title; }
  get sku(): string | null { return this.#variant.sku; }
  get barcode(): string | null | undefined { return this.#variant.barcode; }
  get price(): number { return this.#variant.price; }
  get compare_at_price(): number | null { return this.#variant.compare_at_price; }
  get available(): boolean { return isAvailable(this.#variant); }
  get inventory_quantity(): number | null { return this.#variant.inventory_quantity; }
  /** "shopify" when Shopify tracks the stock, nil otherwise. */
  get inventory_management(): string | null { return this.#variant.inventory_quantity === null ? null : 'shopify'; }
  get inventory_policy(): string { return this.#variant.inventory_policy; }
  get requires_shipping(): boolean { return this.#variant.requires_shipping; }
  get taxable(): boolean { return this.#variant.taxable; }
  /** Chosen by a `?variant=` parameter, which customer pages never carry. */
  get selected(): boolean { return false; }
  /** Storefront filters match every variant when none are applied, and customer pages apply none. */
  get matched(): boolean { return true; }
  /** The model gives variants no metafields: an empty set, so lookups are nil. */
  get metafields(): MetafieldsDrop { return memo(this, 'metafields', () => new MetafieldsDrop()); }
  /** The product's option values this variant has, in option order. */
  get options(): ProductOptionValueDrop[] {
    return memo(this, 'options', () => {
      const product = this.#view.productDrop(this.#product.handle)!;
      return optionValues(this.#product, this.#variant).map((value, index) => product.options_with_values[index].values.find((candidate) => candidate.name === value)!);
    });
  }
  get options_with_values(): OptionWithValueDrop[] {
    return memo(this, 'options_with_values', () => {
      const names = optionNames(this.#product);
      return this.options.map((value, index) => new OptionWithValueDrop(names[index], value));
    });
  }
  /** Grams, whatever the shop's unit. */
  get weight(): number { return this.#variant.weight; }
  get weight_unit(): string { return this.#view.store.shop.weight_unit; }
  get weight_in_unit(): number {
    return Math.round((this.#variant.weight / GRAMS_PER_UNIT[this.#view.store.shop.weight_unit]) * 100) / 100;
  }
  get url(): string { return this.#view.url(`/products/${this.#product.handle}?variant=${this.#variant.id}`); }
  get product(): ProductDrop { return this.#view.productDrop(this.#product.handle)!; }
  get option1(): string | undefined { return this.#variant.option_values[0]; }
  get option2(): string | undefined { return this.#variant.option_values[1]; }
  get option3(): string | undefined { return this.#variant.option_values[2]; }
  get image(): ImageDrop | undefined {
    const image = this.#product.images.find((candidate) => candidate.file === this.#variant.image);
    return image && this.#view.imageDrop(image, this.#product);
  }
  get featured_image(): ImageDrop | undefined { return this.image; }
  get featured_media(): ImageDrop | undefined {
    const image = this.#product.images.find((candidate) => candidate.file === this.#variant.image);
    return image && this.#view.mediaDrop(image, this.#product);
  }
}
