/**
 * The studio's cart per browser (tools/studio/src/shop/session-cart.ts): Shopify's product form and Cart AJAX API
 * answered from the store fixture, so four "Add to cart" clicks build a cart of four.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studioFor } from './support.ts';

let studio: Awaited<ReturnType<typeof studioFor>>;
beforeAll(async () => {
  studio = await studioFor();
});
afterAll(() => studio.close());

/** A browser: keeps the cart cookie between requests. */
function browser() {
  let cookie = '';
  return async (path: string, init: RequestInit = {}) => {
    const response = await fetch(new URL(path, studio.url), {
      redirect: 'manual',
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    const text = await response.text();
    return {
      status: response.status,
      location: response.headers.get('location'),
      type: response.headers.get('content-type'),
      text,
      json: () => JSON.parse(text),
    };
  };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return { method: 'POST', body: data };
};
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the cart per browser', () => {
  it('builds a cart of four from four clicks, answering /cart/add.js with the line and /cart.js with the cart', async () => {
    const visit = browser();
    expect((await visit('/cart.js')).json()).toMatchObject({ items: [], item_count: 0, total_price: 0, currency: 'USD' });
    const fig = await visit('/cart/add.js', form({ form_type: 'product', id: '4005', quantity: '2' }));
    expect(fig.status).toBe(200);
    expect(fig.json()).toMatchObject({ id: 4005, handle: 'fig-candle', title: 'Fig Candle', quantity: 2, price: 2800, line_price: 5600 });
    await visit('/cart/add.js', json({ id: 4002, quantity: 1 }));
    await visit('/cart/add.js', json({ items: [{ id: 4008, quantity: 1 }] }));
    await visit('/cart/add.js', form({ id: '4005', quantity: '1' }));
    const cart = (await visit('/cart.js')).json();
    // 3 × Fig Candle $28 + Amber Candle 16 oz $38 + Long Matches $6 = $128.
    expect(cart.items.map((item: { title: string; quantity: number }) => `${item.quantity} ${item.title}`)).toEqual([
      '3 Fig Candle',
      '1 Amber Candle - 16 oz',
      '1 Long Matches',
    ]);
    expect(cart).toMatchObject({ item_count: 5, total_price: 12800 });
    const page = await visit('/cart');
    expect(page.text).toContain('$128.00');
    // Another browser has its own, empty cart.
    expect((await browser()('/cart.js')).json().item_count).toBe(0);
  });

  it('answers the plain product form (no JavaScript) by adding and showing the cart, locale kept', async () => {
    const visit = browser();
    const posted = await visit('/da/cart/add', form({ form_type: 'product', utf8: '✓', id: '4008', quantity: '3' }));
    expect(posted).toMatchObject({ status: 302, location: '/da/cart' });
    expect((await visit('/cart.js')).json()).toMatchObject({ item_count: 3, total_price: 1800 });
  });

  it("refuses what the store cannot sell with Shopify's error shape, and changes nothing", async () => {
    const visit = browser();
    const missing = await visit('/cart/add.js', json({ id: 999999, quantity: 1 }));
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ status: 404, message: 'Cart Error', description: 'Cannot find variant' });
    // The ceramic tray has none in stock.
    const sold = await visit('/cart/add.js', json({ id: 4016, quantity: 1 }));
    expect(sold.status).toBe(422);
    expect(sold.json()).toEqual({ status: 422, message: 'Cart Error', description: "The product 'Ceramic Tray' is already sold out." });
    // Cedar Candle 16 oz has 3 left.
    const many = await visit('/cart/add.js', json({ id: 4004, quantity: 4 }));
    expect(many.json()).toMatchObject({ status: 422, description: "You can only add 3 of 'Cedar Candle - 16 oz' to your cart." });
    expect((await visit('/cart/add.js', json({ id: 4004, quantity: 0 }))).status).toBe(422);
    expect((await visit('/cart/add.js', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })).status).toBe(400);
    // One bad item of several adds none.
    expect(
      (
        await visit(
          '/cart/add.js',
          json({
            items: [
              { id: 4008, quantity: 1 },
              { id: 999999, quantity: 1 },
            ],
          }),
        )
      ).status,
    ).toBe(404);
    expect((await visit('/cart.js')).json().item_count).toBe(0);
  });
});
