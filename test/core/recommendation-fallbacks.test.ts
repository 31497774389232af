/**
 * Recommendation fallbacks in the core: a gift card is never a reason, a customer who bought
 * everything the fallback lists still gets picks (the catalog fill), and a B2B buyer is recognised so
 * surfaces leave out prices they cannot know.
 */
import { describe, expect, it } from 'vitest';
import type { Order, Product } from '@encore/core/model.ts';
import { buyAgain, buysAtCompanyPrices, recommendProducts } from '@encore/core/recommendations.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { collection, product } from './catalog-builder.ts';
import { line, order as buildOrder } from './order-builder.ts';
import { liquidSignals } from '../support/liquid-signals.ts';

const NOW = '2026-03-19T12:00:00Z';

function order(id: number, lines: Array<[Product, number]>, extra: Partial<Order> = {}): Order {
  const line_items = lines.map(([p, quantity], k) =>
    line(id * 100 + k, quantity, { product: p.handle, variant_id: p.variants[0].id, price: p.variants[0].price }),
  );
  return buildOrder({ id, name: `#${id}`, created_at: NOW, processed_at: NOW, line_items, ...extra });
}

describe('a gift card is no reason for a recommendation', () => {
  // As on thank-you #1009: the order holds a gift card, which shares the "Gifts" collection and the "gift" tag with the set.
  const card = product('gift-card', { gift_card: true, product_type: 'Gift card', tags: ['gift'] });
  const set = product('discovery-gift-set', { product_type: 'Gift set', tags: ['gift'] });
  const snuffer = product('candle-snuffer', { product_type: 'Accessory' });
  const gifts = collection('Gifts', [set, card]);

  it('gives the gift card no interest: the set is only a popular fill, never "goes well with your gift card"', () => {
    const picks = recommendProducts({ products: [card, set, snuffer], collections: [gifts], history: [order(1009, [[card, 1]])], now: NOW, limit: 2 });
    expect(picks.map((pick) => [pick.product.handle, pick.reason.kind, pick.reason.because?.handle])).toEqual([
      ['discovery-gift-set', 'popular', undefined],
      ['candle-snuffer', 'popular', undefined],
    ]);
  });

  it('still lets the other purchases of the order be the reason', () => {
    const trimmer = product('wick-trimmer', { product_type: 'Accessory' });
    const picks = recommendProducts({
      products: [card, set, snuffer, trimmer],
      collections: [gifts],
      history: [
        order(1010, [
          [card, 1],
          [trimmer, 1],
        ]),
      ],
      now: NOW,
      limit: 1,
    });
    expect(picks.map((pick) => [pick.product.handle, pick.reason.kind, pick.reason.because?.handle])).toEqual([['candle-snuffer', 'type', 'wick-trimmer']]);
  });
});

describe('the catalog fill', () => {
  const store = loadStore();
  const casey = store.customers.find((customer) => customer.handle === 'casey')!;
  const now = store.shop.now!;
  const shownAgain = buyAgain({ products: store.products, history: casey.orders, now }).map((item) => item.product.handle);

  it("gives Casey, who bought every candle the fallback lists, the catalog's remaining products", () => {
    const candles = store.collections.find((c) => c.handle === 'candles')!.products;
    const input = {
      products: store.products,
      collections: store.collections,
      history: casey.orders,
      now,
      limit: 4,
      signals: liquidSignals,
      exclude: shownAgain,
      popular: candles,
    };
    // Without the catalog fill the account page had nothing to show.
    expect(recommendProducts({ ...input, fillFromCatalog: false })).toEqual([]);
    // Everything else is bought, a gift card, out of stock (ceramic tray) or bought only in a cancelled order:
    // the two products she has never bought, in catalog order.
    expect(recommendProducts(input).map((pick) => [pick.product.handle, pick.reason.kind])).toEqual([
      ['beeswax-tealights', 'popular'],
      ['hostile-test-candle', 'popular'],
    ]);
  });
});

describe('buysAtCompanyPrices', () => {
  const store = loadStore();
  const history = (handle: string) => store.customers.find((customer) => customer.handle === handle)!.orders;

  it('is true for the B2B buyer (Harbor Hotel Group paid $14.40 for a $24 candle) and false for Casey', () => {
    expect(history('b2b-buyer')[0].line_items[0].price).toBe(1440);
    expect(buysAtCompanyPrices(history('b2b-buyer'))).toBe(true);
    expect(buysAtCompanyPrices(history('casey'))).toBe(false);
    expect(buysAtCompanyPrices([])).toBe(false);
  });
});
