import type { Liquid } from 'liquidjs';

/** The one registration point for Shopify's filters, grouped by topic in the modules beside this file. */
export function registerShopifyFilters(liquid: Liquid): void {
  void liquid;
}
