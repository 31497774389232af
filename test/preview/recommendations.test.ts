import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relatedHandles } from '@encore/studio/recommendations.ts';
import { recommendationsOf } from './links.ts';
import { studioFor } from './support.ts';

let studio: Awaited<ReturnType<typeof studioFor>>;
let ask: (query: string, customer?: string, prefix?: string) => ReturnType<typeof studio.get>;
let section: string;

beforeAll(async () => {
  studio = await studioFor();
  // The URL exactly as encore-recommendations.js builds it from the block's data attributes.
  const page = (await studio.get('/account?customer=loyal-customer')).body;
  const block = /<section[^>]*data-encore-recommendations[^>]*>/.exec(page)![0];
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(block)![1];
  expect(attr('data-encore-url')).toBe('/recommendations/products');
  section = attr('data-encore-section-id');
  ask = (query, customer, prefix = '') =>
    studio.get(`${prefix}/recommendations/products?${query}&section_id=${encodeURIComponent(section)}`, {
      headers: customer ? { referer: `${studio.url}account?customer=${customer}` } : {},
    });
});
afterAll(() => studio.close());

const cards = (html: string) => [...html.matchAll(/data-encore-product-handle="([^"]+)"\s+data-encore-reason-kind="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);

describe('/recommendations/products', () => {
  it("renders the account section's list with the core's picks related to the seed", async () => {
    const { status, body } = await ask('product_id=7001&limit=4&intent=related');
    expect(status).toBe(200);
    expect(body).toMatch(
      /^<section id="shopify-section-template--\d+__main" class="shopify-section encore-main-account"><ul class="encore-account-recommendations__list" role="list" data-encore-recommendations-list>/,
    );
    expect(body).not.toContain('encore-account__table');
    // amber-candle (7001): the candles, matches and refill oil share its collections.
    expect(relatedHandles(studio.storefront, 7001, 4, 'related')).toEqual(['long-matches', 'cedar-candle', 'fig-candle', 'diffuser-refill-oil']);
    expect(cards(body)).toEqual(['long-matches related', 'cedar-candle related', 'fig-candle related', 'diffuser-refill-oil related']);
    expect(body).toContain('<p class="encore-product-card__reason">Goes with your recent orders</p>');
  });

  it("leaves out what the asking page's customer bought, as the section does on Shopify", async () => {
    // loyal-customer has bought all four, so the list comes back empty and the script keeps the server's picks.
    const { status, body } = await ask('product_id=7001&limit=4&intent=related', 'loyal-customer');
    expect(status).toBe(200);
    expect(body).toContain('data-encore-recommendations-list></ul>');
    expect(cards(body)).toEqual([]);
  });

  it('answers in the locale of the prefix', async () => {
    const { status, body } = await ask('product_id=7001&limit=2&intent=related', undefined, '/da');
    expect(status).toBe(200);
    expect(cards(body)).toEqual(['long-matches related', 'cedar-candle related']);
    expect(body).not.toContain('Goes with your recent orders');
  });

  it('has no complementary products offline (those are set by hand on Shopify)', async () => {
    expect(cards((await ask('product_id=7001&limit=4&intent=complementary')).body)).toEqual([]);
  });

  it('answers 404 for an unknown product or section and 400 without a product id', async () => {
    expect(await ask('product_id=999999&limit=4')).toMatchObject({ status: 404, body: 'no product with id 999999 in the store\n' });
    expect((await ask('limit=4')).status).toBe(400);
    expect((await studio.get('/recommendations/products?product_id=7001&limit=4&section_id=nope')).status).toBe(404);
  });
});

describe('/recommendations/products on a store whose primary locale is not the theme default (dkk: da)', () => {
  let danish: Awaited<ReturnType<typeof studioFor>>;
  beforeAll(async () => {
    danish = await studioFor({ storeFile: fileURLToPath(new URL('../../tools/fixtures/stores/dkk-store.json', import.meta.url)) });
  });
  afterAll(() => danish.close());

  it('is asked unprefixed in Danish and under /en/ in English, as routes.product_recommendations_url writes it', async () => {
    for (const [prefix, reason] of [
      ['', 'Passer til dine seneste ordrer'],
      ['/en', 'Goes with your recent orders'],
    ]) {
      const asked = recommendationsOf((await danish.get(`${prefix}/account?customer=lars-nielsen`)).body)!;
      expect(asked.startsWith(`${prefix}/recommendations/products?product_id=`), asked).toBe(true);
      const answer = await danish.get(asked);
      expect(answer.status, prefix).toBe(200);
      expect(cards(answer.body).length, prefix).toBeGreaterThan(0);
      expect(answer.body).toContain(`<p class="encore-product-card__reason">${reason}</p>`);
    }
  });
});
