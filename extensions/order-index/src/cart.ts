/**
 * Links into the shop's online store. A cart permalink (`/cart/VARIANT:QUANTITY`) builds a cart
 * holding exactly those units, the same link the theme's Buy again rows use.
 */
import type { Image, Product, Variant } from '../../core/src/model.ts';

/** `https://shop.example/cart/123:2`; the storefront URL without a trailing slash. */
export function cartPermalink(storefrontUrl: string, variant: Variant, quantity: number): string {
  return `${storefrontUrl.replace(/\/+$/, '')}/cart/${variant.id}:${Math.max(1, Math.floor(quantity))}`;
}

/** The product's page on the online store. */
export function productUrl(storefrontUrl: string, product: Product): string {
  return `${storefrontUrl.replace(/\/+$/, '')}/products/${encodeURIComponent(product.handle)}`;
}

/** The variant's own image, else the product's first: what the theme shows beside a product. */
export function imageOf(product: Product, variant: Variant): Image | null {
  const images = product.images ?? [];
  return images.find((image) => variant.image != null && image.file === variant.image) ?? images[0] ?? null;
}
