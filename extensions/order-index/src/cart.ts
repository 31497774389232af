/** Links into the shop's online store and the images beside them (cart permalinks: packages/shopify-apis/src/cart.ts). */
import type { Image, Product, Variant } from '@encore/core/model.ts';

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
