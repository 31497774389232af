/**
 * The price a list of products (Buy again, recommendations) shows beside a product, one rule for every surface:
 * - none for a buyer at company prices (B2B): they pay their company's catalog price, which the list prices
 *   a surface reads do not show, so no price rather than a retail one;
 * - for a row that names the variant it sells (Buy again), that variant's price;
 * - otherwise the product's lowest price, "From" it when its variants differ in price, as Liquid's
 *   `product.price_min` and `product.price_varies` (https://shopify.dev/docs/api/liquid/objects/product) let the
 *   theme's product card say.
 */
import type { Product, Variant } from './model.ts';

export interface ListedPrice {
  /** In subunits (cents), as the catalog keeps prices. */
  amount: number;
  /** The product's variants differ in price and `amount` is the lowest: shown as "From …". */
  from: boolean;
}

export interface ListedPriceOptions {
  /** The buyer pays company prices (`buysAtCompanyPrices`, or the signed-in account's purchasing company). */
  companyPrices: boolean;
  /** The variant the row names and sells; without it the product's range is meant. */
  variant?: Variant;
}

export function listedPrice(product: Product, { companyPrices, variant }: ListedPriceOptions): ListedPrice | null {
  if (companyPrices) return null;
  if (variant) return { amount: variant.price, from: false };
  const prices = (product.variants ?? []).map((candidate) => candidate.price).filter((price) => Number.isFinite(price));
  if (prices.length === 0) return null;
  const lowest = Math.min(...prices);
  return { amount: lowest, from: Math.max(...prices) !== lowest };
}
