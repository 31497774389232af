import { describe, expect, it } from 'vitest';
import { isInStock, isReplenishable, replenishDays } from '@encore/core/catalog.ts';
import type { Product, Store } from '@encore/core/model.ts';
import { buyAgain, recommendProducts } from '@encore/core/recommendations.ts';
import { coreCollections, coreProduct, productsOfNodes, storefrontCatalog } from '@encore/shopify-apis/storefront/product.ts';
import type { StorefrontProduct } from '@encore/shopify-apis/storefront/types.ts';
import { isOnStorefront, storefrontNodes, storefrontProduct, storefrontProductId, storefrontRecommendations } from '@encore/fixtures/adapters/storefront.ts';
import { loadBundledStores } from '@encore/fixtures/bundled.ts';
import { availableForSale } from '@encore/fixtures/availability.ts';
import { store } from './orders.ts';

const product = (handle: string, from: Store = store): Product => {
  const found = from.products.find((candidate) => candidate.handle === handle);
  if (!found) throw new Error(`no product ${handle}`);
  return found;
};

/** What a product looks like after the Storefront API and back (test/extensions/storefront-query.test.ts sends the real query). */
function throughStorefront(from: Store, fixture: Product): Product | null {
  const [only] = productsOfNodes(storefrontNodes(from, [storefrontProductId(fixture)]));
  return only ? coreProduct(only) : null;
}

describe('fixture product → Storefront API → core Product, every product of every bundled store', () => {
  for (const { name, store: bundled } of loadBundledStores()) {
    it(`${name}: keeps what the core reads`, () => {
      let checked = 0;
      for (const fixture of bundled.products) {
        const back = throughStorefront(bundled, fixture);
        if (!isOnStorefront(bundled, fixture)) {
          expect(back, fixture.handle).toBeNull();
          continue;
        }
        checked++;
        expect(back, fixture.handle).not.toBeNull();
        const mapped = back!;
        expect(mapped.id).toBe(fixture.id);
        expect(mapped.handle).toBe(fixture.handle);
        expect(mapped.title).toBe(fixture.title);
        expect(mapped.vendor).toBe(fixture.vendor);
        expect(mapped.product_type).toBe(fixture.product_type);
        expect(mapped.tags).toEqual(fixture.tags);
        expect(mapped.published_at).toBe(fixture.published_at);
        expect(mapped.gift_card).toBe(fixture.gift_card === true);
        expect(mapped.options).toEqual(fixture.options);
        // The featured image leads, then the variants' own images.
        const shown = [fixture.images[0], ...fixture.variants.map((variant) => fixture.images.find((image) => image.file === variant.image))];
        const expected = shown.filter((image, at) => image !== undefined && shown.findIndex((other) => other?.file === image.file) === at);
        expect(mapped.images.map((image) => [image.id, image.file, image.alt])).toEqual(expected.map((image) => [image!.id, image!.file, image!.alt]));
        expect(isReplenishable(mapped)).toBe(isReplenishable(fixture));
        expect(replenishDays(mapped)).toBe(replenishDays(fixture));
        expect(mapped.variants).toHaveLength(fixture.variants.length);
        mapped.variants.forEach((variant, index) => {
          const original = fixture.variants[index];
          expect(variant.id).toBe(original.id);
          expect(variant.title).toBe(original.title);
          expect(variant.option_values).toEqual(original.option_values);
          expect(variant.price).toBe(original.price);
          expect(variant.compare_at_price).toBe(original.compare_at_price);
          expect(isInStock(variant), `${fixture.handle} ${original.id}`).toBe(availableForSale(original));
          expect(variant.requires_shipping).toBe(original.requires_shipping);
          expect(variant.image ?? null).toBe(original.image ?? null);
        });
        // The collections the Storefront names for it are the fixture's collections listing it.
        const listing = bundled.collections.filter((collection) => collection.products.includes(fixture.handle)).map((collection) => collection.handle);
        const answered = storefrontProduct(bundled, fixture)!;
        expect(coreCollections([answered]).map((collection) => collection.handle)).toEqual(listing.slice(0, 10));
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});

describe('Storefront answers from the default store', () => {
  it('prices are decimal strings in the shop currency, metafield values strings', () => {
    const fig = storefrontProduct(store, product('fig-candle'))!;
    expect(fig.variants.nodes[0].price).toEqual({ amount: '28.00', currencyCode: 'USD' });
    expect(fig.variants.nodes[0].compareAtPrice).toEqual({ amount: '32.00', currencyCode: 'USD' });
    expect(fig.metafields).toEqual([
      { namespace: 'encore', key: 'replenishable', type: 'boolean', value: 'true' },
      { namespace: 'encore', key: 'replenish_days', type: 'number_integer', value: '40' },
    ]);
    // A product without options answers Shopify's stand-in option.
    expect(fig.options).toEqual([{ name: 'Title' }]);
    expect(fig.variants.nodes[0].selectedOptions).toEqual([{ name: 'Title', value: 'Default Title' }]);
    expect(fig.id).toBe('gid://shopify/Product/7003');
  });

  it('JPY prices have no decimals and come back ×100 in the model', () => {
    const jpy = loadBundledStores().find((bundled) => bundled.store.shop.currency === 'JPY')!.store;
    const first = jpy.products.find((candidate) => isOnStorefront(jpy, candidate))!;
    const answered = storefrontProduct(jpy, first)!;
    expect(answered.variants.nodes[0].price.amount).toMatch(/^\d+$/);
    expect(coreProduct(answered).variants[0].price).toBe(first.variants[0].price);
  });

  it('recommendations sharing a collection leave out the seed, gift cards and what cannot be bought', () => {
    const data = storefrontRecommendations(store, 'amber-candle');
    const handles = data.productRecommendations!.map((pick) => pick.handle);
    expect(handles).not.toContain('amber-candle');
    expect(handles.length).toBeGreaterThan(0);
    for (const pick of data.productRecommendations!) {
      expect(pick.isGiftCard).toBe(false);
      expect(pick.availableForSale).toBe(true);
      // Every pick shares a collection with the seed.
      const seedCollections = store.collections.filter((collection) => collection.products.includes('amber-candle'));
      expect(seedCollections.some((collection) => collection.products.includes(pick.handle))).toBe(true);
    }
  });

  it('a test can name what Shopify recommends, in its order', () => {
    const data = storefrontRecommendations(store, 'amber-candle', { handles: ['long-matches', 'fig-candle'] });
    expect(data.productRecommendations!.map((pick) => pick.title)).toEqual(['Long Matches', 'Fig Candle']);
  });

  it('unpublished products are invisible: null nodes and no recommendations', () => {
    const hidden = store.products.find((candidate) => !isOnStorefront(store, candidate));
    if (hidden) {
      expect(storefrontNodes(store, [storefrontProductId(hidden)]).nodes).toEqual([null]);
      expect(storefrontRecommendations(store, hidden).productRecommendations).toBeNull();
    }
    const copy = structuredClone(store);
    product('fig-candle', copy).published_at = '2099-01-01T00:00:00Z';
    expect(storefrontProduct(copy, product('fig-candle', copy))).toBeNull();
    expect(storefrontNodes(copy, ['gid://shopify/Order/1', 'nonsense']).nodes).toEqual([null, null]);
  });
});

describe('the core runs on the mapped catalog', () => {
  const customer = store.customers.find((candidate) => candidate.handle === 'loyal-customer')!;
  const answered: StorefrontProduct[] = store.products.map((fixture) => storefrontProduct(store, fixture)).filter((p): p is StorefrontProduct => p !== null);
  const catalog = storefrontCatalog([answered]);
  const now = store.shop.now!;

  it('buy again lists the same products, variants and due dates', () => {
    const fromFixture = buyAgain({ products: store.products, history: customer.orders, now });
    const fromStorefront = buyAgain({ products: catalog.products, history: customer.orders, now });
    expect(fromStorefront.map((item) => [item.product.handle, item.variant.id, item.due, item.quantity])).toEqual(
      fromFixture.map((item) => [item.product.handle, item.variant.id, item.due, item.quantity]),
    );
    expect(fromStorefront.length).toBeGreaterThan(0);
  });

  it('recommendations pick the same products when the collections come back in the same order', () => {
    const ordered = store.collections
      .map((collection) => catalog.collections.find((candidate) => candidate.handle === collection.handle))
      .filter((c) => c !== undefined);
    const fromFixture = recommendProducts({ products: store.products, collections: store.collections, history: customer.orders, now });
    const fromStorefront = recommendProducts({ products: catalog.products, collections: ordered, history: customer.orders, now });
    expect(fromStorefront.map((pick) => [pick.product.handle, pick.variant.id, pick.reason.kind])).toEqual(
      fromFixture.map((pick) => [pick.product.handle, pick.variant.id, pick.reason.kind]),
    );
  });

  it('keeps the CDN URL of every image, and product ids name handles', () => {
    expect(catalog.imageUrls.get('fig-candle.jpg')).toBe('https://ember-and-wick.example/cdn/shop/files/fig-candle.jpg');
    expect(catalog.handles.get('gid://shopify/Product/7003')).toBe('fig-candle');
  });
});
