/**
 * The core's `listedPrice`, and the theme's product card agreeing with it. Prices read off
 * tools/fixtures/stores/default-store.json: Amber Candle 8 oz $24.00 and 16 oz $38.00 (variants 4001, 4002), Fig Candle
 * $28.00 (one variant).
 */
import { describe, expect, it } from 'vitest';
import { listedPrice } from '@encore/core/listed-price.ts';
import { formatMoney } from '@encore/core/money.ts';
import { studioStorefront } from '@encore/studio/studio.ts';
import { tagsOf } from '../support/theme-parity.ts';

const storefront = studioStorefront({});
const { store } = storefront;
const product = (handle: string) => store.products.find((candidate) => candidate.handle === handle)!;

describe('listedPrice', () => {
  it('starts a product whose variants differ "From" its lowest price', () => {
    expect(listedPrice(product('amber-candle'), { companyPrices: false })).toEqual({ amount: 2400, from: true });
    expect(listedPrice(product('fig-candle'), { companyPrices: false })).toEqual({ amount: 2800, from: false });
  });

  it('prices a row that names its variant at that variant', () => {
    const amber = product('amber-candle');
    expect(listedPrice(amber, { companyPrices: false, variant: amber.variants.find((variant) => variant.id === 4002) })).toEqual({ amount: 3800, from: false });
  });

  it('shows a buyer at company prices none', () => {
    const amber = product('amber-candle');
    expect(listedPrice(amber, { companyPrices: true })).toBeNull();
    expect(listedPrice(amber, { companyPrices: true, variant: amber.variants[0] })).toBeNull();
  });
});

describe("the theme's product card", () => {
  it("prints the price listedPrice gives, on every card of a new customer's account page", async () => {
    const html = (await storefront.render({ template: 'customers/account', customer: 'new-customer' }, {})).body;
    const cards = tagsOf(html, 'encore-product-card').map((tag) => tag['data-encore-product-handle']);
    expect(cards.length).toBeGreaterThan(1);
    expect(cards).toContain('amber-candle');
    for (const handle of cards) {
      const start = html.indexOf(`data-encore-product-handle="${handle}"`);
      const card = html.slice(start, html.indexOf('</li>', start));
      const shown = /<p class="encore-product-card__price">([^<]*)<\/p>/.exec(card)?.[1];
      const price = listedPrice(product(handle), { companyPrices: false })!;
      const money = formatMoney(price.amount, store.shop.money_format, store.shop.currency);
      expect(shown, handle).toBe(price.from ? `From ${money}` : money);
    }
  });
});
