/**
 * Upsell offers for the order just placed. Shopify's recommendations for the
 * products bought (complementary, then related: one call each per product, all
 * in parallel, each settled within 1.5 s) and the bought products themselves
 * become a small catalog; the core's rules (`recommendFromHistory`, which is
 * `recommendProducts` without other shoppers' orders), with this order as
 * the history, choose and order the offers (leaving out what was just
 * bought, gift cards, what is out of stock or unpublished), filling up in
 * Shopify's order. Any failed or slow call only means fewer offers.
 */
import type { Product, Variant } from '@encore/core/model.ts';
import { recommendFromHistory, type Reason } from '@encore/core/recommendation-picks.ts';
import { productsById, recommendationsFor, type StorefrontContext, type StorefrontQuery } from '@encore/shopify-apis/storefront/client.ts';
import type { RecommendationIntent } from '@encore/shopify-apis/storefront/types.ts';
import { storefrontCatalog } from '@encore/shopify-apis/storefront/product.ts';
import { placedOrder, type PlacedOrderInput } from './placed-order.ts';
import { cartPermalink } from '@encore/shopify-apis/cart.ts';

/** Products of the order asked about; more would only add calls for the same few offers. */
export const MAX_SEEDS = 3;

export interface Offer {
  product: Product;
  variant: Variant;
  reason: Reason;
  /** Shopify's CDN URL of the variant's (else the product's) image; null without one. */
  imageUrl: string | null;
  /** A new cart holding one unit, with the discount code when there is one. */
  permalink: string;
}

export interface OfferInput extends Omit<PlacedOrderInput, 'handles'> {
  query: StorefrontQuery;
  context: StorefrontContext;
  storefrontUrl: string;
  discountCode: string;
  limit: number;
}

export function loadOffers(input: OfferInput): Promise<Offer[]> {
  const { query, context } = input;
  const seeds = [...new Set(input.lines.map((line) => line.merchandise.product.id))].slice(0, MAX_SEEDS);
  const suggestions = (intent: RecommendationIntent) => Promise.all(seeds.map((seed) => recommendationsFor(query, seed, intent, context)));
  // No seeds: every list is empty, so no offers.
  return Promise.all([productsById(query, seeds, context), suggestions('COMPLEMENTARY'), suggestions('RELATED')]).then(([bought, complementary, related]) => {
    const currency = input.cost.totalAmount.currencyCode;
    // A price in another currency (the answer was not in the buyer's market) would show under the order's
    // currency: such products are not offered.
    const suggested = [...complementary.flat(), ...related.flat()].filter((product) =>
      product.variants.nodes.every((variant) => variant.price.currencyCode === currency),
    );
    if (suggested.length === 0) return [];
    const catalog = storefrontCatalog([bought, suggested]);
    const order = placedOrder(Object.assign({}, input, { handles: catalog.handles }));
    const picks = recommendFromHistory({
      products: catalog.products,
      collections: catalog.collections,
      history: [order],
      now: input.now,
      limit: input.limit,
      // What the buyer just bought is on the page already, replenishable or not.
      exclude: order.line_items.map((line) => line.product),
      popular: [...new Set(suggested.map((product) => product.handle))],
    });
    return picks.map(({ product, variant, reason }) => {
      const file = variant.image || (product.images[0] || {}).file;
      return {
        product,
        variant,
        reason,
        imageUrl: (file && catalog.imageUrls.get(file)) || null,
        permalink: cartPermalink(input.storefrontUrl, [{ variantId: variant.id, quantity: 1 }], input.discountCode),
      };
    });
  });
}
