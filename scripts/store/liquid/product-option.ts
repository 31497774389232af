import { ShopifyDrop } from './drop.ts';
import type { Product } from '../types.ts';
import { isAvailable, optionNames, optionValues, selectedVariant } from './catalog-rules.ts';
import { memo } from './memo.ts';
import type { VariantDrop } from './product.ts';
import type { StoreView } from './view.ts';

/**
 * Liquid `product_option_value`: one value of one option. It prints, and
 * compares, as its name (`{% if value == 'Amber' %}`). "Selected" means the
 * value of the variant the page shows, which on customer pages is always the
 * first available one.
 */
export class ProductOptionValueDrop extends ShopifyDrop {
  #view: StoreView;
  #product: Product;
  #index: number;
  #name: string;

  constructor(view: StoreView, product: Product, index: number, name: string) {
    super();
    this.#view = view;
    this.#product = product;
    this.#index = index;
    this.#name = name;
  }

  get name(): string { return this.#name; }
  get selected(): boolean { return this.#selectedValues()[this.#index] === this.#name; }

  /** Some available variant keeps the selected values of the earlier options and has this one. */
  get available(): boolean {
    const selected = this.#selectedValues();
    return this.#product.variants.some((variant) => {
      if (!isAvailable(variant)) return false;
      const values = optionValues(this.#product, variant);
      return values[this.#index] === this.#name && selected.slice(0, this.#index).every((value, i) => values[i] === value);
    });
  }

  /** The variant with this value and the selected values of the other options; nil when no variant combines them. */
  get variant(): VariantDrop | undefined {
    const wanted = this.#selectedValues().map((value, i) => (i === this.#index ? this.#name : value));
    const found = this.#product.variants.find((variant) => optionValues(this.#product, variant).every((value, i) => value === wanted[i]));
    return found && this.#view.variantDrop(found.id);
  }

  override valueOf(): string { return this.#name; }
  override toString(): string { return this.#name; }

  #selectedValues(): string[] {
    return optionValues(this.#product, selectedVariant(this.#product));
  }
}

/** Liquid `product_option`: an option of the product with its values in variant order. */
export class ProductOptionDrop extends ShopifyDrop {
  #view: StoreView;
  #product: Product;
  #index: number;

  constructor(view: StoreView, product: Product, index: number) {
    super();
    this.#view = view;
    this.#product = product;
    this.#index = index;
  }

  get name(): string { return optionNames(this.#product)[this.#index]; }
  get position(): number { return this.#index + 1; }
  get values(): ProductOptionValueDrop[] {
    return memo(this, 'values', () => {
      const names = [...new Set(this.#product.variants.map((variant) => optionValues(this.#product, variant)[this.#index]))];
      return names.map((name) => new ProductOptionValueDrop(this.#view, this.#product, this.#index, name));
    });
  }
  get selected_value(): string { return optionValues(this.#product, selectedVariant(this.#product))[this.#index]; }
}

/** Liquid `option_with_value`: an option's name and the value one variant has for it. */
export class OptionWithValueDrop extends ShopifyDrop {
  #name: string;
  #value: ProductOptionValueDrop;
  constructor(name: string, value: ProductOptionValueDrop) {
    super();
    this.#name = name;
    this.#value = value;
  }
  get name(): string { return this.#name; }
  get value(): ProductOptionValueDrop { return this.#value; }
}

/** `product.options_by_name`: a product's options looked up by name, ignoring case, as Shopify does. */
export class OptionsByNameDrop extends ShopifyDrop {
  #options: ProductOptionDrop[];
  constructor(options: ProductOptionDrop[]) {
    super();
    this.#options = options;
  }
  override liquidMethodMissing(name: unknown): ProductOptionDrop | undefined {
    if (typeof name !== 'string') return undefined;
    const wanted = name.toLowerCase();
    return this.#options.find((option) => option.name.toLowerCase() === wanted);
  }
}
