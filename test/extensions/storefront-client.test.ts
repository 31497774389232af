import { afterEach, describe, expect, it, vi } from 'vitest';
import { productsById, recommendationsFor, type StorefrontQuery, languageCode } from '@encore/shopify-apis/storefront/client.ts';
import { PRODUCTS_QUERY, RECOMMENDATIONS_QUERY } from '@encore/shopify-apis/storefront/documents.ts';
import { storefrontNodes, storefrontRecommendations } from '@encore/fixtures/adapters/storefront.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { answer } from './support/graphql.ts';

const store = loadStore();

/** A Storefront API that answers from the store, as the adapters present it, only what each query selects. */
const storefront: StorefrontQuery = async (query, { variables }) => {
  if (query === RECOMMENDATIONS_QUERY) {
    const seed = store.products.find((product) => `gid://shopify/Product/${product.id}` === variables.productId)!;
    return answer('storefront', query, storefrontRecommendations(store, seed) as unknown as Record<string, unknown>, variables);
  }
  if (query === PRODUCTS_QUERY)
    return answer('storefront', query, storefrontNodes(store, variables.ids as string[]) as unknown as Record<string, unknown>, variables);
  throw new Error('unexpected query');
};

afterEach(() => vi.useRealTimers());

describe('Storefront calls', () => {
  it('send the documents with the product id, intent and buyer context', async () => {
    const query = vi.fn(storefront);
    const picks = await recommendationsFor(query, 'gid://shopify/Product/7001', 'COMPLEMENTARY', { country: 'DK', language: 'pt-br' });
    expect(query).toHaveBeenCalledWith(RECOMMENDATIONS_QUERY, {
      variables: { productId: 'gid://shopify/Product/7001', intent: 'COMPLEMENTARY', country: 'DK', language: 'PT_BR' },
    });
    expect(picks.length).toBeGreaterThan(0);
    expect(picks.map((pick) => pick.handle)).not.toContain('amber-candle');
  });

  it('products by id skip ids the channel cannot see', async () => {
    const products = await productsById(storefront, ['gid://shopify/Product/7003', 'gid://shopify/Product/999999']);
    expect(products.map((product) => product.title)).toEqual(['Fig Candle']);
    expect(await productsById(vi.fn(storefront), [])).toEqual([]);
  });

  it('a failing, erroring or empty answer is an empty list', async () => {
    expect(await recommendationsFor(async () => Promise.reject(new Error('offline')), 'gid://shopify/Product/7001', 'RELATED')).toEqual([]);
    expect(await recommendationsFor(async () => ({ errors: [{ message: 'Throttled' }] }), 'gid://shopify/Product/7001', 'RELATED')).toEqual([]);
    expect(await recommendationsFor(async () => ({ data: { productRecommendations: null } }), 'gid://shopify/Product/7001', 'RELATED')).toEqual([]);
    expect(
      await productsById(() => {
        throw new Error('sync');
      }, ['gid://shopify/Product/7001']),
    ).toEqual([]);
  });

  it('a call slower than 1.5 s is given up as empty', async () => {
    vi.useFakeTimers();
    const pending = recommendationsFor(() => new Promise(() => {}), 'gid://shopify/Product/7001', 'RELATED');
    await vi.advanceTimersByTimeAsync(1500);
    expect(await pending).toEqual([]);
  });
});

describe("the buyer's language as Storefront's LanguageCode", () => {
  it.each([
    ['en-US', 'EN'],
    ['fr-CA', 'FR'],
    ['da', 'DA'],
    ['pt-BR', 'PT_BR'],
    ['zh-TW', 'ZH_TW'],
  ])('%s is sent as %s', (tag, code) => {
    expect(languageCode(tag)).toBe(code);
  });
});
