/**
 * Rules about a product's variants that several drops share: what counts as
 * available, which variant a customer page shows as selected, and the
 * option names and values (a product without options has Shopify's single
 * "Title" option whose value is "Default Title").
 */
import type { Product, Variant } from '../types.ts';

export function isAvailable(variant: Variant): boolean {
  return variant.inventory_quantity === null || variant.inventory_policy === 'continue' || variant.inventory_quantity > 0;
}

/** Customer pages never select a variant, so Shopify's fallback applies: the first available one, else the first. */
export function selectedVariant(product: Product): Variant {
  return product.variants.find(isAvailable) ?? product.variants[0];
}

export function optionNames(product: Product): string[] {
  return product.options.length ? product.options : ['Title'];
}

export function optionValues(product: Product, variant: Variant): string[] {
  return product.options.length ? variant.option_values : [variant.title];
}
