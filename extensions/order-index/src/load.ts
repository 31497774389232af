/**
 * What the block shows, from the customer's order history:
 *
 * 1. The history from the Customer Account API (the newest 50 orders, as the theme reads).
 *    Unreadable (failure, timeout, no access) or empty (a new customer): nothing to show,
 *    and no Storefront call is made.
 * 2. In parallel, each within the 1.5 s limit: the bought products from the Storefront API
 *    (`nodes(ids:)`: tags, replenish metafields, availability, price, image, collections) and
 *    Shopify's recommendations for the most recent purchases.
 * 3. The core decides: `buyAgain` over the history, `recommendProducts` over the bought
 *    products and the suggestions, Buy again's products left out so the picks are new, and
 *    Shopify's own order filling what the history does not explain.
 *
 * If the bought products cannot be read there is nothing to decide with (not even what the
 * customer already has), so nothing is shown. If only the suggestions fail, Buy again shows alone.
 */
import { buyAgain, buysAtCompanyPrices, recommendProducts, type BuyAgainItem, type Recommendation } from '@encore/core/recommendations.ts';
import type { Order } from '@encore/core/model.ts';
import { customerAccountQuery } from '@encore/shopify-apis/customer-account/client.ts';
import { ORDER_HISTORY_LIMIT, ORDER_HISTORY_QUERY, type HistoryOrder, type OrderHistoryData } from '@encore/shopify-apis/customer-account/queries.ts';
import { historyOrderToCore } from '@encore/shopify-apis/customer-account/to-core.ts';
import { productsById, recommendationsFor, type StorefrontContext, type StorefrontQuery } from '@encore/shopify-apis/storefront/client.ts';
import { storefrontCatalog } from '@encore/shopify-apis/storefront/product.ts';
import type { StorefrontProduct } from '@encore/shopify-apis/storefront/types.ts';
import type { BlockState } from './OrderIndexBlock.tsx';
import type { BlockSettings } from './settings.ts';

/** Recommendation calls per visit: the most recent purchases say the most about what comes next. */
export const MAX_SEEDS = 3;

/** Storefront's `nodes(ids:)` takes at most 250 ids; a history naming more keeps its most recent products. */
export const MAX_PRODUCT_IDS = 250;

export interface LoadInput {
  /** Storefront API (`shopify.query`). */
  query: StorefrontQuery;
  /** For the Customer Account API; the global `fetch` when left out. */
  fetch?: typeof fetch;
  /** The buyer's market, for prices and titles. */
  context?: StorefrontContext;
  settings: BlockSettings;
  now: Date;
  /**
   * The customer is signed in buying for a company (`authenticatedAccount.purchasingCompany`): they pay its
   * catalog prices, which the Storefront prices read here are not, so the block shows no price.
   */
  forCompany?: boolean;
}

/** Every product the history names, newest order first, each once. */
function boughtProductIds(orders: readonly HistoryOrder[]): string[] {
  const ids = new Set<string>();
  for (const order of orders) for (const line of order.lineItems.nodes) if (line.productId) ids.add(line.productId);
  return [...ids];
}

/** The products of the newest orders that were not cancelled: what Shopify is asked to suggest from. */
function seedIds(orders: readonly HistoryOrder[]): string[] {
  return boughtProductIds(orders.filter((order) => !order.cancelledAt)).slice(0, MAX_SEEDS);
}

/** The shop's online store, from where the Storefront API says its products live. */
function storefrontUrlOf(products: readonly StorefrontProduct[]): string | null {
  for (const product of products) {
    if (!product.onlineStoreUrl) continue;
    try {
      return new URL(product.onlineStoreUrl).origin;
    } catch {
      // A malformed URL says nothing about the shop; try the next product.
    }
  }
  return null;
}

function currencyOf(products: readonly StorefrontProduct[], history: readonly Order[]): string {
  for (const product of products) {
    const code = product.variants?.nodes?.[0]?.price?.currencyCode;
    if (code) return code;
  }
  return history.find((order) => order.currency)?.currency ?? '';
}

export async function loadBlock({ query, fetch, context = {}, settings, now, forCompany = false }: LoadInput): Promise<BlockState> {
  if (!settings.showBuyAgain && !settings.showRecommendations) return { status: 'hidden' };
  const answer = await customerAccountQuery<OrderHistoryData>(ORDER_HISTORY_QUERY, { first: ORDER_HISTORY_LIMIT }, fetch ? { fetch } : {});
  const orders = answer.ok ? (answer.data.customer?.orders?.nodes ?? []) : [];
  if (orders.length === 0) return { status: 'hidden' };

  const ids = boughtProductIds(orders).slice(0, MAX_PRODUCT_IDS);
  const seeds = settings.showRecommendations ? seedIds(orders) : [];
  const [bought, ...suggested] = await Promise.all([
    productsById(query, ids, context),
    ...seeds.map((seed) => recommendationsFor(query, seed, 'RELATED', context)),
  ]);
  // Without the bought products the core cannot tell what is replenishable or already owned.
  if (bought.length === 0) return { status: 'hidden' };

  const catalog = storefrontCatalog([bought, ...suggested]);
  const history = orders.map((order) => historyOrderToCore(order, { handleOf: (id) => catalog.handles.get(id) }));
  const items: BuyAgainItem[] = settings.showBuyAgain ? buyAgain({ products: catalog.products, history, now }) : [];
  const candidates = [...new Set(suggested.flat().map((product) => product.handle))];
  const picks: Recommendation[] =
    candidates.length === 0
      ? []
      : recommendProducts({
          products: catalog.products,
          collections: catalog.collections,
          history,
          now,
          limit: settings.recommendationsCount,
          exclude: items.map((item) => item.product.handle),
          // What the history does not explain is filled in Shopify's order, never from the bought products.
          popular: candidates,
        });
  const answered = [...bought, ...suggested.flat()];
  return {
    status: 'ready',
    buyAgain: items,
    picks,
    storefrontUrl: storefrontUrlOf(answered),
    currency: currencyOf(answered, history),
    imageUrls: catalog.imageUrls,
    companyPrices: forCompany || buysAtCompanyPrices(history),
  };
}
