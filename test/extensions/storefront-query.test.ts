import { describe, expect, it } from 'vitest';
import { isInStock, isReplenishable, replenishDays } from '@encore/core/catalog.ts';
import { PRODUCTS_QUERY, RECOMMENDATIONS_QUERY } from '@encore/shopify-apis/storefront/documents.ts';
import { coreProduct, productsOfNodes } from '@encore/shopify-apis/storefront/product.ts';
import type { ProductsData, RecommendationsData } from '@encore/shopify-apis/storefront/types.ts';
import { isOnStorefront, storefrontNodes, storefrontRecommendations } from '@encore/fixtures/adapters/storefront.ts';
import { loadBundledStores } from '@encore/fixtures/bundled.ts';
import { availableForSale } from '@encore/fixtures/availability.ts';
import { answer } from './support/graphql.ts';

/**
 * The documents the extensions send, answered by the stand-in server from the adapters' JSON: it returns only
 * what a query selects and fails on a selected field the JSON lacks, so documents, adapter and mapping agree.
 */
describe('the Storefront documents against every bundled store', () => {
  for (const { name, store } of loadBundledStores()) {
    it(`${name}: nodes(ids:) answers every visible product, mapped back with its handle, prices, stock and metafields`, () => {
      const ids = store.products.map((product) => `gid://shopify/Product/${product.id}`);
      const root = storefrontNodes(store, ids) as unknown as Record<string, unknown>;
      const data = answer('storefront', PRODUCTS_QUERY, root, { ids }).data as unknown as ProductsData;
      const mapped = productsOfNodes(data).map(coreProduct);
      const visible = store.products.filter((product) => isOnStorefront(store, product));
      expect(mapped.map((product) => product.handle)).toEqual(visible.map((product) => product.handle));
      mapped.forEach((product, index) => {
        const fixture = visible[index];
        expect(product.variants.map((variant) => [variant.id, variant.price, isInStock(variant)])).toEqual(
          fixture.variants.map((variant) => [variant.id, variant.price, availableForSale(variant)]),
        );
        expect([isReplenishable(product), replenishDays(product)]).toEqual([isReplenishable(fixture), replenishDays(fixture)]);
      });
    });
  }

  it('productRecommendations answers the picks through the real query', () => {
    const [{ store }] = loadBundledStores();
    const root = storefrontRecommendations(store, 'amber-candle', { handles: ['long-matches', 'fig-candle'] }) as unknown as Record<string, unknown>;
    const data = answer('storefront', RECOMMENDATIONS_QUERY, root, { productId: 'gid://shopify/Product/7001', intent: 'RELATED' })
      .data as unknown as RecommendationsData;
    expect(data.productRecommendations!.map((pick) => coreProduct(pick).title)).toEqual(['Long Matches', 'Fig Candle']);
  });
});
