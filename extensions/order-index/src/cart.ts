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

/**
 * The variant's own image, else the product's first (what the theme shows beside a product),
 * with the URL Shopify served it from; null when there is none to show.
 */
export function imageOf(product: Product, variant: Variant, imageUrls: ReadonlyMap<string, string>): { src: string; alt: string } | null {
  const images: Image[] = product.images ?? [];
  const image = images.find((candidate) => variant.image != null && candidate.file === variant.image) ?? images[0];
  const src = image === undefined ? undefined : imageUrls.get(image.file);
  return image === undefined || src === undefined ? null : { src, alt: image.alt ?? '' };
}
