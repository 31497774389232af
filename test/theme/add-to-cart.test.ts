/**
 * The account page's "Add to cart" buttons are Shopify product forms posting `id` and `quantity` to
 * /cart/add (not cart permalinks, which replace the cart and go to checkout), worded so quantities and names
 * read naturally in every language; the order's "Buy again" link says it goes to checkout; recommendation
 * cards show "From" prices, and no list price to a B2B buyer; Casey gets picks.
 */
import { describe, expect, it } from 'vitest';
import { buysAtCompanyPrices } from '@encore/core/recommendations.ts';
import { studioStorefront } from '@encore/studio/studio.ts';
import { tagsOf } from '../support/theme-parity.ts';

// The studio's store publishes every language the theme ships.
const storefront = studioStorefront({});
const account = async (customer: string, locale?: string) =>
  (await storefront.render({ template: 'customers/account', customer }, locale ? { locale } : {})).body;

/** The product form of a Buy again item or product card: action, hidden fields and button text. */
function formOf(html: string, formId: string) {
  const start = html.indexOf(`id="${formId}"`);
  expect(start, formId).toBeGreaterThan(-1);
  const form = html.slice(html.lastIndexOf('<form', start), html.indexOf('</form>', start));
  return {
    action: /action="([^"]+)"/.exec(form)![1],
    id: /name="id" value="([^"]+)"/.exec(form)![1],
    quantity: /name="quantity" value="([^"]+)"/.exec(form)![1],
    button: /<button[^>]*>([^<]*)<\/button>/.exec(form)![1],
    added: /data-encore-added>([^<]*)</.exec(form)![1],
    status: /role="status"/.test(form),
  };
}

describe('Buy again adds to the cart', () => {
  it("posts Fig Candle's usual 2 units to /cart/add, and says so in words that read", async () => {
    const html = await account('casey');
    expect(formOf(html, 'EncoreBuyAgain-4005')).toEqual({
      action: '/cart/add',
      id: '4005',
      quantity: '2',
      button: 'Add Fig Candle (2 pieces) to cart',
      added: 'Added to your cart: Fig Candle (2 pieces)',
      status: true,
    });
    // One unit needs no count; a variant is named.
    expect(formOf(html, 'EncoreBuyAgain-4002').button).toBe('Add Amber Candle, 16 oz to cart');
    // No item links to a cart permalink any more (only the order rows do, and say so).
    expect(html).not.toMatch(/encore-buy-again__add" href=/);
    expect(html).toContain('encore-cart.js');
  });

  it.each([
    ['da', '/da/cart/add', 'Læg Fig Candle (2 stk.) i kurven', 'Læg Amber Candle, 16 oz i kurven'],
    ['nb', '/nb/cart/add', 'Legg Fig Candle (2 stk.) i handlekurven', 'Legg Amber Candle, 16 oz i handlekurven'],
    ['nl', '/nl/cart/add', 'Fig Candle (2 stuks) toevoegen aan winkelwagen', 'Amber Candle, 16 oz toevoegen aan winkelwagen'],
    ['th', '/th/cart/add', 'เพิ่ม Fig Candle (2 ชิ้น) ลงในตะกร้า', 'เพิ่ม Amber Candle, 16 oz (1 ชิ้น) ลงในตะกร้า'],
  ])('reads naturally in %s', async (locale, action, two, one) => {
    const html = await account('casey', locale);
    expect(formOf(html, 'EncoreBuyAgain-4005')).toMatchObject({ action, button: two });
    expect(formOf(html, 'EncoreBuyAgain-4002').button).toBe(one);
  });
});

describe("an order's Buy again link", () => {
  it('says it goes to checkout with the whole order', async () => {
    const html = await account('casey');
    expect(html).toMatch(
      /<a class="encore-account__buy-again" href="\/cart\/4002:1,4008:1">Buy again at checkout\s*<span class="encore-visually-hidden">#1001<\/span>/,
    );
  });
});

describe('recommendation cards', () => {
  it('add the offered variant to the cart', async () => {
    const html = await account('casey');
    const card = tagsOf(html, 'encore-product-card')[0];
    expect(card['data-encore-product-handle']).toBe('beeswax-tealights');
    expect(formOf(html, 'EncoreCard-4019')).toMatchObject({ action: '/cart/add', id: '4019', quantity: '1' });
  });

  it('give Casey, who bought every fallback candle, something to look at', async () => {
    expect(tagsOf(await account('casey'), 'encore-product-card').length).toBeGreaterThan(0);
  });

  it('start "From" the lowest price when variants differ: Amber Candle, $24–$38', async () => {
    const html = await account('new-customer');
    const start = html.indexOf('data-encore-product-handle="amber-candle"');
    const card = html.slice(start, html.indexOf('</li>', start));
    expect(card).toContain('<p class="encore-product-card__price">From $24.00</p>');
  });

  it('leave the list price out for a B2B buyer, who pays company prices', async () => {
    const store = storefront.store;
    const buyer = store.customers.find((customer) => customer.handle === 'b2b-buyer')!;
    expect(buysAtCompanyPrices(buyer.orders)).toBe(true);
    const html = await account('b2b-buyer');
    expect(tagsOf(html, 'encore-product-card').length).toBeGreaterThan(0);
    expect(html).not.toContain('encore-product-card__price');
    expect(html).not.toContain('$24.00');
  });
});
