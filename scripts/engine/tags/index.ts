import type { Liquid } from 'liquidjs';

/** The one registration point for Shopify's theme tags. */
export function registerShopifyTags(liquid: Liquid): void {
  void liquid;
}
