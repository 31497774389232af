import { describe, expect, it } from 'vitest';
import {
  availableVariants,
  buildCatalogIndex,
  collectionsOf,
  DEFAULT_REPLENISH_DAYS,
  firstOfferableVariant,
  indexCatalog,
  isGiftCard,
  isInStock,
  isOfferable,
  isPublished,
  isReplenishable,
  replenishDays,
} from '@encore/core/catalog.ts';
import type { Metafield, Product } from '@encore/core/model.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { collection, product, variant } from './catalog-builder.ts';

const store = loadStore();
const stored = (handle: string): Product => store.products.find((product) => product.handle === handle)!;

const encore = (key: string, type: Metafield['type'], value: Metafield['value']): Metafield => ({ namespace: 'encore', key, type, value });

describe('isReplenishable', () => {
  it('reads the default store: candles, matches and refill oil are bought again; the trimmer is not', () => {
    expect(['amber-candle', 'cedar-candle', 'fig-candle', 'long-matches', 'diffuser-refill-oil'].map((handle) => isReplenishable(stored(handle)))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(isReplenishable(stored('wick-trimmer'))).toBe(false);
    expect(isReplenishable(stored('gift-card'))).toBe(false);
  });

  it('takes the tag in any case, with stray spaces', () => {
    expect(isReplenishable(product('a', { tags: ['Replenishable'] }))).toBe(true);
    expect(isReplenishable(product('b', { tags: [' REPLENISHABLE '] }))).toBe(true);
    expect(isReplenishable(product('c', { tags: ['replenish'] }))).toBe(false);
  });

  it('takes metafield encore.replenishable = true, also as the string "true"', () => {
    expect(isReplenishable(product('a', { metafields: [encore('replenishable', 'boolean', true)] }))).toBe(true);
    expect(isReplenishable(product('b', { metafields: [encore('replenishable', 'boolean', 'true')] }))).toBe(true);
    expect(isReplenishable(product('c', { metafields: [encore('replenishable', 'boolean', false)] }))).toBe(false);
    const otherNamespace: Metafield = { namespace: 'custom', key: 'replenishable', type: 'boolean', value: true };
    expect(isReplenishable(product('d', { metafields: [otherNamespace] }))).toBe(false);
  });
});

describe('replenishDays', () => {
  it('reads encore.replenish_days from the default store: 45 for amber, 90 for matches, 30 for refill oil', () => {
    expect(replenishDays(stored('amber-candle'))).toBe(45);
    expect(replenishDays(stored('long-matches'))).toBe(90);
    expect(replenishDays(stored('diffuser-refill-oil'))).toBe(30);
  });

  it('falls back to 30 days when the metafield is missing or not a positive whole number', () => {
    expect(DEFAULT_REPLENISH_DAYS).toBe(30);
    expect(replenishDays(product('none'))).toBe(30);
    for (const value of [0, -7, 2.5, 'soon', '']) {
      expect(replenishDays(product('bad', { metafields: [encore('replenish_days', 'number_integer', value)] }))).toBe(30);
    }
    expect(replenishDays(product('text', { metafields: [encore('replenish_days', 'number_integer', '60')] }))).toBe(60);
  });
});

describe('isInStock', () => {
  it('follows Shopify: untracked, units left, or selling past zero with "continue"', () => {
    expect(isInStock(variant({ id: 1, inventory_quantity: null }))).toBe(true);
    expect(isInStock(variant({ id: 1, inventory_quantity: 1 }))).toBe(true);
    expect(isInStock(variant({ id: 1, inventory_quantity: 0 }))).toBe(false);
    expect(isInStock(variant({ id: 1, inventory_quantity: -3 }))).toBe(false);
    expect(isInStock(variant({ id: 1, inventory_quantity: 0, inventory_policy: 'continue' }))).toBe(true);
    expect(isInStock(variant({ id: 1, inventory_quantity: -3, inventory_policy: 'continue' }))).toBe(true);
  });

  it('leaves out the default store ceramic tray (0 left, deny) but keeps the untracked gift cards', () => {
    expect(availableVariants(stored('ceramic-tray'))).toEqual([]);
    expect(availableVariants(stored('gift-card')).map((v) => v.price)).toEqual([2500, 5000, 10000]);
  });
});

describe('offerable variants', () => {
  it('need stock and a price above zero', () => {
    const sample = product('sample', { variants: [variant({ id: 1, price: 0 }), variant({ id: 2, inventory_quantity: 0 }), variant({ id: 3, price: 450 })] });
    expect(isOfferable(sample.variants[0])).toBe(false);
    expect(firstOfferableVariant(sample)?.id).toBe(3);
    expect(firstOfferableVariant(product('free', { variants: [variant({ id: 1, price: 0 })] }))).toBeNull();
  });
});

describe('isGiftCard and isPublished', () => {
  const now = Date.parse('2026-03-19T12:00:00-04:00');

  it('knows the default store gift card', () => {
    expect(isGiftCard(stored('gift-card'))).toBe(true);
    expect(isGiftCard(stored('amber-candle'))).toBe(false);
  });

  it('counts a product published at or before now; unpublished, scheduled and unreadable dates are not', () => {
    expect(isPublished(product('a', { published_at: '2026-03-19T16:00:00Z' }), now)).toBe(true);
    expect(isPublished(product('b', { published_at: null }), now)).toBe(false);
    expect(isPublished(product('c', { published_at: '2026-03-19T16:00:01Z' }), now)).toBe(false);
    expect(isPublished(product('d', { published_at: 'someday' }), now)).toBe(false);
  });
});

describe('collectionsOf', () => {
  it('lists the default store collections of each product in store order', () => {
    const index = collectionsOf(store.collections);
    expect(index.get('discovery-gift-set')?.map((c) => c.handle)).toEqual(['candles', 'gifts']);
    expect(index.get('amber-candle')?.map((c) => c.handle)).toEqual(['candles', 'reorder-favorites']);
    expect(index.get('gift-card')?.map((c) => c.handle)).toEqual(['gifts']);
    expect(index.get('no-such-product')).toBeUndefined();
  });

  it('names a collection once even when it lists a product twice', () => {
    const twice = collection('twice', ['a', 'a', 'b']);
    expect(
      collectionsOf([twice, collection('other', ['a'])])
        .get('a')
        ?.map((c) => c.handle),
    ).toEqual(['twice', 'other']);
  });
});

describe('indexCatalog', () => {
  it('numbers products, types, vendors and tags, and finds each primary collection', () => {
    const products = [
      product('a', { product_type: 'Candle', tags: ['warm', 'warm', 'soy'] }),
      product('b', { product_type: 'Tray', vendor: 'Other', tags: ['soy'] }),
      product('a', { product_type: 'Shadow' }),
    ];
    const index = indexCatalog(products, [collection('first', ['b']), collection('second', ['a', 'b', 'a'])]);
    expect(index.position.get('a')).toBe(0);
    expect(index.typeNames).toEqual(['Candle', 'Tray']);
    expect(index.withTag[index.tagNames.indexOf('soy')]).toEqual([0, 1]);
    // "warm" listed twice is one tag; the second "a" is unreachable and carries nothing.
    expect(Array.from(index.tagIds.subarray(index.tagStart[0], index.tagStart[1])).map((id) => index.tagNames[id])).toEqual(['warm', 'soy']);
    expect(index.typeOf[2]).toBe(-1);
    expect(Array.from(index.primary)).toEqual([1, 0, -1]);
    expect(Array.from(index.members)).toEqual([1, 0, 1]);
  });

  it('reuses the index for the same catalog and rebuilds it after an edit in place', () => {
    const products = [product('a', { tags: ['warm'] }), product('b', { tags: ['cool'] })];
    const collections = [collection('all', ['a', 'b'])];
    const first = indexCatalog(products, collections);
    expect(indexCatalog(products, collections)).toBe(first);
    products[1].tags.push('warm');
    const edited = indexCatalog(products, collections);
    expect(edited).not.toBe(first);
    expect(edited.withTag[edited.tagNames.indexOf('warm')]).toEqual([0, 1]);
    collections[0].products.pop();
    expect(Array.from(indexCatalog(products, collections).members)).toEqual([0]);
  });

  it('builds the same index anew on every call with buildCatalogIndex, for a catalog read once', () => {
    const products = [product('a', { product_type: 'Candle', tags: ['warm'] }), product('b', { product_type: 'Candle' })];
    const collections = [collection('all', ['b', 'a'])];
    const built = buildCatalogIndex(products, collections);
    expect(buildCatalogIndex(products, collections)).not.toBe(built);
    expect(built).toEqual(indexCatalog(products, collections));
    expect(built.withType).toEqual([[0, 1]]);
    expect(Array.from(built.members)).toEqual([1, 0]);
  });
});
