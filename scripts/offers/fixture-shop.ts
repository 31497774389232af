/**
 * The store fixture standing in for the shop behind the backend, offline: its
 * products and collections are the catalog, its CDN URLs the images, and its
 * customers answer who bought. A deployed app asks the Admin API instead.
 *
 * The customer's order count is the number of their orders processed before
 * the purchase's own (found by referenceId: the order's token, else its id),
 * the rule the thank-you adapter uses for `isFirstOrder`.
 */
import type { ShopCatalog } from '../../app/post-purchase/shop.ts';
import { orderPostPurchaseFacts } from '../../extensions/core/src/post-purchase-page.ts';
import { imageUrl } from '../store/adapters/context.ts';
import type { Store } from '../store/types.ts';

/**
 * The studio makes every visit of its post-purchase preview a purchase of its own (a reload starts the funnel
 * again, where Shopify would show the page once per purchase): the visit's referenceId is the order's, marked.
 */
const STUDIO_VISIT = '~studio-visit-';
export const studioVisitReference = (referenceId: string, visit: number): string => `${referenceId}${STUDIO_VISIT}${visit}`;
const orderReference = (referenceId: string): string => referenceId.split(STUDIO_VISIT)[0]!;

export function fixtureShop(store: Store): ShopCatalog {
  return {
    products: store.products,
    collections: store.collections,
    moneyFormat: { currency: store.shop.currency, format: store.shop.money_format },
    primaryLocale: store.shop.primary_locale,
    imageUrl(product, variant) {
      const image = (variant.image ? product.images.find((candidate) => candidate.file === variant.image) : undefined) ?? product.images[0];
      return image ? imageUrl(store, image) : null;
    },
    customer(customerId, referenceId) {
      const customer = customerId === null ? undefined : store.customers.find((candidate) => String(candidate.id) === customerId);
      if (!customer) return null;
      const reference = orderReference(referenceId);
      const order = customer.orders.find((candidate) => (candidate.token ?? String(candidate.id)) === reference);
      const placed = order ? Date.parse(order.processed_at) : Number.POSITIVE_INFINITY;
      const orderCount = customer.orders.filter((other) => other !== order && Date.parse(other.processed_at) < placed).length;
      return { orderCount, tags: customer.tags };
    },
    purchaseFacts(referenceId) {
      const reference = orderReference(referenceId);
      const order = store.customers.flatMap((customer) => customer.orders).find((candidate) => (candidate.token ?? String(candidate.id)) === reference);
      return order ? orderPostPurchaseFacts(order, store.shop.currency) : null;
    },
  };
}
