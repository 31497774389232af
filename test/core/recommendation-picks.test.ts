/**
 * `recommendFromHistory` (what the thank-you block imports) is `recommendProducts` without other shoppers'
 * orders: the same rules from one module, so the block's bundle leaves out bought together, best sellers and
 * Liquid's view without a second copy of the scoring.
 */
import { describe, expect, it } from 'vitest';
import type { Order, Product } from '@encore/core/model.ts';
import { recommendFromHistory } from '@encore/core/recommendation-picks.ts';
import { recommendProducts } from '@encore/core/recommendations.ts';
import { loadBundledStores } from '@encore/fixtures/bundled.ts';
import { collection, product } from './catalog-builder.ts';
import { line, order as buildOrder } from './order-builder.ts';

const NOW = '2026-03-19T12:00:00Z';

function order(id: number, lines: Array<[Product, number]>): Order {
  const line_items = lines.map(([p, quantity], k) =>
    line(id * 100 + k, quantity, { product: p.handle, variant_id: p.variants[0].id, price: p.variants[0].price }),
  );
  return buildOrder({ id, name: `#${id}`, created_at: NOW, processed_at: NOW, line_items });
}

const summary = (picks: ReturnType<typeof recommendFromHistory>) =>
  picks.map((pick) => [pick.product.handle, pick.score, pick.reason.kind, pick.reason.because?.handle, pick.reason.detail]);

describe('recommendFromHistory', () => {
  const amber = product('amber-candle', { product_type: 'Candle', vendor: 'Encore' });
  const cedar = product('cedar-candle', { product_type: 'Candle', vendor: 'Encore' });
  const snuffer = product('candle-snuffer', { product_type: 'Accessory', vendor: 'Encore' });
  const card = product('gift-card', { gift_card: true, vendor: 'Encore' });
  const candles = collection('Candles', [amber, cedar]);

  it('scores an order just placed with every signal it carries, vendor too (not Liquid’s view)', () => {
    // One amber candle bought now (interest 1): cedar shares the collection (3) and the type (2) and the vendor
    // (0.5), 5.5 in all, for the collection; the snuffer only the vendor, 0.5. The gift card is never offered.
    const input = { products: [amber, cedar, snuffer, card], collections: [candles], history: [order(1, [[amber, 1]])], now: NOW };
    expect(summary(recommendFromHistory(input))).toEqual([
      ['cedar-candle', 5.5, 'collection', 'amber-candle', 'Candles'],
      ['candle-snuffer', 0.5, 'vendor', 'amber-candle', 'Encore'],
    ]);
    expect(recommendFromHistory(input)).toEqual(recommendProducts(input));
  });

  it('fills with the popular list, then the catalog, as recommendProducts does without store orders', () => {
    const input = {
      products: [amber, cedar, snuffer, card],
      collections: [candles],
      history: [order(2, [[cedar, 1]])],
      now: NOW,
      limit: 1,
      exclude: ['amber-candle'],
      popular: ['candle-snuffer'],
    };
    expect(summary(recommendFromHistory(input))).toEqual([['candle-snuffer', 0.5, 'vendor', 'cedar-candle', 'Encore']]);
    const fill = { ...input, history: [], limit: 4 };
    expect(summary(recommendFromHistory(fill))).toEqual([
      ['candle-snuffer', 0, 'popular', undefined, undefined],
      ['cedar-candle', 0, 'popular', undefined, undefined],
    ]);
    expect(recommendFromHistory(fill)).toEqual(recommendProducts(fill));
  });

  it('picks what recommendProducts picks for every order of every bundled store taken alone, as the thank-you page does', () => {
    let compared = 0;
    for (const { store } of loadBundledStores()) {
      const now = store.shop.now!;
      for (const customer of store.customers) {
        for (const placed of customer.orders) {
          const popular = store.products.slice(-3).map((p) => p.handle);
          const input = {
            products: store.products,
            collections: store.collections,
            history: [placed],
            now,
            limit: 4,
            exclude: placed.line_items.map((l) => l.product),
            popular,
          };
          expect(recommendFromHistory(input)).toEqual(recommendProducts(input));
          compared++;
        }
        const whole = { products: store.products, collections: store.collections, history: customer.orders, now };
        expect(recommendFromHistory(whole)).toEqual(recommendProducts(whole));
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('names itself when `now` is not a date', () => {
    expect(() => recommendFromHistory({ products: [], collections: [], history: [], now: 'yesterday' })).toThrow(
      /recommendFromHistory: now: not a date: "yesterday"/,
    );
  });
});
