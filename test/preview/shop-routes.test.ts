import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerShopRoute } from '@encore/studio/shop/index.ts';
import { Storefront } from '@encore/studio/storefront.ts';
import { orderIdOf } from '@encore/fixtures/names.ts';
import type { Store } from '@encore/fixtures/types.ts';
import { studioFor, type Page } from './support.ts';

let studio: Awaited<ReturnType<typeof studioFor>>;
let store: Store;
beforeAll(async () => {
  studio = await studioFor();
  store = studio.storefront.store;
});
afterAll(() => studio.close());

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
/** Element text as a reader sees it: tags dropped, entities decoded. */
const text = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
/** Each row of the table's body (or foot), as the text of its cells. */
const rows = (html: string, part = 'tbody') => {
  const section = new RegExp(`<${part}>([\\s\\S]*?)</${part}>`).exec(html)?.[1] ?? '';
  return [...section.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1])),
  );
};
const price = (variantId: number) => store.products.flatMap((product) => product.variants).find((variant) => variant.id === variantId)!.price;

describe('/cart/VARIANT_ID:QUANTITY,… (cart permalinks)', () => {
  it("lists each line with its unit price and line total, and the total, in the shop's currency", async () => {
    // Cedar Candle 8 oz is $24.00 and the Wick Trimmer $18.00 in the fixture: 2 × 24 + 18 = 66.
    expect([price(4003), price(4006)]).toEqual([2400, 1800]);
    const page = await studio.get('/cart/4003:2,4006:1');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<h1>Cart permalink</h1>');
    expect(page.body).toContain('<p>On Shopify this link starts checkout with these items.</p>');
    expect(page.body).toContain('<caption>Items in this permalink</caption>');
    expect(rows(page.body)).toEqual([
      ['2 × Cedar Candle — 8 oz', '$24.00', '$48.00', 'Available'],
      ['1 × Wick Trimmer', '$18.00', '$18.00', 'Available'],
    ]);
    expect(rows(page.body, 'tfoot')).toEqual([['Total', '$66.00', '']]);
    expect(page.body).toContain('<a href="/products/cedar-candle?variant=4003"><bdi>Cedar Candle</bdi> — <bdi>8 oz</bdi></a>');
    expect(page.body).not.toContain('Shopify also applies');
  });

  it('adds up the quantities of a variant named twice, and says so', async () => {
    const page = await studio.get('/cart/4003:1,4006:1,4003:2');
    expect(rows(page.body)).toEqual([
      ['3 × Cedar Candle — 8 oz', '$24.00', '$72.00', 'Available'],
      ['1 × Wick Trimmer', '$18.00', '$18.00', 'Available'],
    ]);
    expect(rows(page.body, 'tfoot')).toEqual([['Total', '$90.00', '']]);
    expect(page.body).toContain('<p>Named more than once, quantities added up: variant 4003.</p>');
  });

  it('shows lines that cannot be bought (sold out, more than the stock) and what checkout would charge instead', async () => {
    const tray = store.products.find((product) => product.handle === 'ceramic-tray')!.variants[0];
    const large = store.products.find((product) => product.handle === 'cedar-candle')!.variants[1];
    expect([tray.id, tray.inventory_quantity, tray.inventory_policy]).toEqual([4016, 0, 'deny']);
    expect([large.id, large.inventory_quantity, large.inventory_policy]).toEqual([4004, 3, 'deny']);
    const page = await studio.get('/cart/4016:1,4004:5,4006:1');
    expect(page.status).toBe(200);
    // Checkout leaves the tray out and sells the 3 large candles left: 3 × 38 + 18 = 132 of the 34 + 190 + 18 = 242 linked.
    expect(rows(page.body)).toEqual([
      ['1 × Ceramic Tray', '$34.00', '$34.00', 'Sold out', '$0.00 (left out)'],
      ['5 × Cedar Candle — 16 oz', '$38.00', '$190.00', 'Only 3 in stock', '$114.00 (3 of 5)'],
      ['1 × Wick Trimmer', '$18.00', '$18.00', 'Available', '$18.00'],
    ]);
    expect(rows(page.body, 'tfoot')).toEqual([
      ['Total as linked', '$242.00', ''],
      ['Total Shopify would charge', '$132.00'],
    ]);
    expect(page.body).toContain('<th scope="col">At checkout</th>');
    expect(page.body).toContain(
      '<p class="warning"><strong>2 of 3 lines cannot be bought as linked.</strong> ' +
        "Shopify's checkout leaves out what it cannot sell and lowers a quantity to the stock left, and tells the shopper: " +
        'it would charge $132.00, not the $242.00 linked.</p>',
    );
  });

  it.each([
    // The tray is sold out: 34 + 18 = 52 linked, the trimmer's 18 charged.
    ['/cart/4016:1,4006:1', '1 of 2 lines', '$18.00', '$52.00'],
    ['/cart/4016:1', '1 of 1 line', '$0.00', '$34.00'],
    // Only the tray is blocked (2 of the 3 large candles left, 4 small ones): 34 + 2 × 38 + 4 × 24 = 206, 206 − 34 = 172.
    ['/cart/4016:1,4004:2,4003:4', '1 of 3 lines', '$172.00', '$206.00'],
  ])('%s says %s cannot be bought, and checkout would charge %s of %s', async (path, count, charged, linked) => {
    const page = await studio.get(path);
    expect(page.body).toContain(`<strong>${count} cannot be bought as linked.</strong>`);
    expect(page.body).toContain(`it would charge ${charged}, not the ${linked} linked.</p>`);
    expect(rows(page.body, 'tfoot')).toEqual([
      ['Total as linked', linked, ''],
      ['Total Shopify would charge', charged],
    ]);
  });

  it('a product the online store does not publish is left out at checkout too', () => {
    const hidden = structuredClone(new Storefront().store);
    hidden.products.find((product) => product.handle === 'fig-candle')!.published_at = null;
    const answer = answerShopRoute(new Storefront({ store: hidden }), {
      pathname: '/cart/4005:2,4006:1',
      query: new URLSearchParams(),
    });
    // Fig Candle is $28.00: 2 × 28 + 18 = 74 linked, the trimmer's 18 charged.
    expect(rows(answer!.body)).toEqual([
      ['2 × Fig Candle', '$28.00', '$56.00', 'Not published on the online store', '$0.00 (left out)'],
      ['1 × Wick Trimmer', '$18.00', '$18.00', 'Available', '$18.00'],
    ]);
    expect(rows(answer!.body, 'tfoot')).toEqual([
      ['Total as linked', '$74.00', ''],
      ['Total Shopify would charge', '$18.00'],
    ]);
  });

  it("lists the query parameters Shopify would apply, escaped, and leaves out the studio's ?locale=", async () => {
    const query = 'discount=SUMMER&note=%3Cb%3EGift%3C%2Fb%3E&attributes%5Bgift%5D=yes&ref=partner-7&utm=x&locale=da';
    const page = await studio.get(`/cart/4003:1?${query}`);
    expect(page.status).toBe(200);
    const listed = /<h2>Shopify also applies<\/h2><ul>([\s\S]*?)<\/ul>/.exec(page.body)![1];
    expect([...listed.matchAll(/<li>(.*?)<\/li>/g)].map((item) => item[1])).toEqual([
      'discount <bdi>SUMMER</bdi>',
      'order note &quot;<bdi>&lt;b&gt;Gift&lt;/b&gt;</bdi>&quot;',
      'cart attribute <bdi>gift</bdi>: <bdi>yes</bdi>',
      'attribution ref <bdi>partner-7</bdi>',
      '<bdi>utm</bdi>=<bdi>x</bdi> (not a cart permalink parameter Shopify documents)',
    ]);
    expect(page.body).not.toContain('<b>Gift');
  });

  it("isolates a parameter's text, so a right-to-left override in a note cannot reverse the quote after it", async () => {
    const page = await studio.get('/cart/4003:1?note=%E2%80%AEgift');
    expect(page.body).toContain('<li>order note &quot;<bdi>\u202egift</bdi>&quot;</li>');
  });

  it('says where storefront=true sends the shopper instead', async () => {
    const page = await studio.get('/cart/4003:1?storefront=true');
    expect(page.body).toContain("<p>On Shopify this link fills the online store's cart with these items (storefront=true) instead of starting checkout.</p>");
  });

  it('works under a locale prefix, and its product links keep it', async () => {
    const page = await studio.get('/da/cart/4003:2');
    expect(page.status).toBe(200);
    expect(rows(page.body)).toEqual([['2 × Cedar Candle — 8 oz', '$24.00', '$48.00', 'Available']]);
    expect(page.body).toContain('<a href="/da/products/cedar-candle?variant=4003">');
    expect((await studio.get('/da/products/cedar-candle?variant=4003')).status).toBe(200);
  });

  it.each([
    ['/cart/9999:1', ['variant 9999 is not in the store']],
    ['/cart/4003:0', ['"4003:0": quantity must be a whole number ≥ 1']],
    ['/cart/4003:-1', ['"4003:-1": quantity must be a whole number ≥ 1']],
    ['/cart/4003:1.5', ['"4003:1.5": quantity must be a whole number ≥ 1']],
    ['/cart/4003:99999999999999999999', ['"4003:99999999999999999999": quantity must be a whole number ≥ 1']],
    ['/cart/4003', ['"4003": expected VARIANT_ID:QUANTITY']],
    ['/cart/4003:1:2', ['"4003:1:2": expected VARIANT_ID:QUANTITY']],
    ['/cart/abc:1', ['"abc:1": the variant id must be a whole number']],
    ['/cart/4003:1,', ['item 2 is empty: items are VARIANT_ID:QUANTITY separated by commas']],
    ['/cart/', ['the permalink names no items: expected /cart/VARIANT_ID:QUANTITY,…']],
    ['/cart/%E0%A4:1', ['"%E0%A4:1": broken percent-encoding']],
    ['/cart/4003:0,9999:2,4006:1', ['"4003:0": quantity must be a whole number ≥ 1', 'variant 9999 is not in the store']],
  ])('%s answers 404 naming what is wrong', async (path, problems) => {
    const page = await studio.get(path);
    expect(page.status).toBe(404);
    expect(page.body).toContain(`<p>The studio has nothing at <code dir="ltr">${path}</code>.</p>`);
    expect([...page.body.matchAll(/<li>(.*?)<\/li>/g)].map((item) => text(item[1]))).toEqual(problems);
    expect(page.body).toContain('<a href="/">All scenarios</a>');
  });
});

describe('a cart permalink on a store in another currency (--fixtures)', () => {
  let danish: Awaited<ReturnType<typeof studioFor>>;
  beforeAll(async () => {
    danish = await studioFor({
      storeFile: fileURLToPath(new URL('../../tools/fixtures/stores/dkk-store.json', import.meta.url)),
    });
  });
  afterAll(() => danish.close());

  it("prices the lines with that shop's money format", async () => {
    // Krus, sand (Sand) is 249,00 kr. and Skål, stor 399,00 kr.: 2 × 249 + 3 × 399 = 1.695,00 kr.
    expect(danish.storefront.store.shop.money_format).toBe('{{amount_with_comma_separator}} kr.');
    const page = await danish.get('/cart/42001:2,42003:3');
    expect(page.status).toBe(200);
    expect(rows(page.body)).toEqual([
      ['2 × Krus, sand — Sand', '249,00 kr.', '498,00 kr.', 'Available'],
      ['3 × Skål, stor', '399,00 kr.', '1.197,00 kr.', 'Available'],
    ]);
    expect(rows(page.body, 'tfoot')).toEqual([['Total', '1.695,00 kr.', '']]);
  });
});

describe('/products/HANDLE', () => {
  it('shows the product: image, price range, variants with stock, the linked variant marked, its description', async () => {
    const page = await studio.get('/products/cedar-candle?variant=4004');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1><bdi>Cedar Candle</bdi></h1>');
    // U+2068 … U+2069 isolate each name in the title, where no bdi can go.
    expect(page.body).toContain('<title>\u2068Cedar Candle\u2069 — \u2068Ember &amp; Wick\u2069</title>');
    expect(page.body).toContain('<img src="/cdn/shop/files/cedar-candle.jpg?width=600" alt="Cedar candle in a green glass jar" width="1200" height="1200">');
    expect(page.body).toContain('<p class="price">$24.00 – $38.00</p>');
    expect(rows(page.body)).toEqual([
      ['8 oz', '$24.00', 'Available'],
      ['16 oz (linked)', '$38.00', 'Available'],
    ]);
    expect(page.body).toContain('<tr aria-current="true" class="selected">');
    expect(page.body).toContain('<h2>Description</h2><p><bdi>Atlas cedar and vetiver in a soy-coconut blend.</bdi></p>');
    const image = await studio.get('/cdn/shop/files/cedar-candle.jpg?width=600');
    expect([image.status, image.type]).toEqual([200, 'image/svg+xml']);
  });

  it("shows one price, the compare-at price and the variant's own image", async () => {
    const fig = await studio.get('/products/fig-candle');
    expect(fig.body).toContain('<p class="price">$28.00</p>');
    expect(rows(fig.body)).toEqual([['Default Title', '$28.00 (was $32.00)', 'Available']]);
    const diffuser = await studio.get('/products/reed-diffuser?variant=4010');
    expect(diffuser.body).toContain('<img src="/cdn/shop/files/reed-diffuser-cedar.jpg?width=600"');
    const tray = await studio.get('/products/ceramic-tray?variant=4016');
    expect(rows(tray.body)).toEqual([['Default Title (linked)', '$34.00', 'Sold out']]);
  });

  it.each([
    ['/products/nope', '<li>no product &quot;nope&quot; in the store</li>'],
    ['/products/cedar-candle?variant=4001', '<li>variant 4001 is not a variant of &quot;cedar-candle&quot;</li>'],
    ['/products/cedar-candle?variant=x', '<li>variant x is not a variant of &quot;cedar-candle&quot;</li>'],
  ])('%s answers 404 naming it', async (path, problem) => {
    const page = await studio.get(path);
    expect(page.status).toBe(404);
    expect(page.body).toContain(problem);
  });
});

describe('the hostile product (every text field holds markup)', () => {
  const injected = (html: string) =>
    [/<script>window/, /<svg/, /<img src=x/, /onerror="/, /onmouseover="/, /href="javascript:/].filter((pattern) => pattern.test(html));

  it('is escaped on its product page; its HTML description shows as text', async () => {
    const page = await studio.get('/products/hostile-test-candle?variant=4018');
    expect(page.status).toBe(200);
    expect(injected(page.body)).toEqual([]);
    expect(page.body).toContain('<h1><bdi>&lt;script&gt;window.__encoreInjected=1&lt;/script&gt; Candle');
    expect(page.body).toContain('<th scope="row"><bdi>&quot;&gt;&lt;svg onload=window.__encoreInjected=1&gt; Matte</bdi> (linked)</th>');
    expect(page.body).toContain('<h2>Description</h2><p><bdi>{{ &#39;liquid&#39; }} {% if %}&#39;; --');
  });

  it('is escaped on a cart permalink', async () => {
    const page = await studio.get('/cart/4018:2');
    expect(page.status).toBe(200);
    expect(injected(page.body)).toEqual([]);
    expect(rows(page.body)[0]).toEqual([
      `2 × ${store.products.find((product) => product.handle === 'hostile-test-candle')!.title} — "><svg onload=window.__encoreInjected=1> Matte`,
      '$25.00',
      '$50.00',
      'Available',
    ]);
  });
});

describe('fixture text is isolated, so a right-to-left override in it cannot reorder what follows', () => {
  // The hostile product's title ends in U+202E RIGHT-TO-LEFT OVERRIDE and "txt.exe": without an isolate, the
  // override runs on to the end of the line and shows " — $25.00" after it as "00.52$ — ".
  const title = '&lt;script&gt;window.__encoreInjected=1&lt;/script&gt; Candle \u{1F469}\u{1F3FD}\u200D\u{1F680} \u202Etxt.exe';
  const variant = '&quot;&gt;&lt;svg onload=window.__encoreInjected=1&gt; Matte';

  it('on /collections/all, the title is a bdi of its own and the price follows it', async () => {
    const page = await studio.get('/collections/all');
    expect(page.body).toContain(`<li><a href="/products/hostile-test-candle"><bdi>${title}</bdi></a> — $25.00</li>`);
  });

  it('on a cart permalink, the product title and the variant title are each a bdi', async () => {
    const page = await studio.get('/cart/4018:1,4001:1');
    expect(page.body).toContain(
      `<th scope="row">1 × <a href="/products/hostile-test-candle?variant=4018"><bdi>${title}</bdi> — <bdi>${variant}</bdi></a></th><td>$25.00</td>`,
    );
  });

  it('on the product page, the heading, vendor and variant are bdis, and the title isolates with U+2068 … U+2069', async () => {
    const page = await studio.get('/products/hostile-test-candle');
    expect(page.body).toContain(`<h1><bdi>${title}</bdi></h1>`);
    expect(page.body).toContain('<p>Vendor: <bdi>&quot;&gt;&lt;svg onload=window.__encoreInjected=1&gt; Vendor &amp; Co.</bdi></p>');
    expect(page.body).toContain(`<th scope="row"><bdi>${variant}</bdi></th><td>$25.00 (was $30.00)</td>`);
    expect(page.body).toContain(`<title>\u2068${title}\u2069 — \u2068Ember &amp; Wick\u2069</title>`);
  });

  it("on the account chooser, each customer's handle and description are bdis", async () => {
    const page = await studio.get('/account');
    expect(page.body).toContain('<li><a href="/account?customer=hostile-customer"><bdi>hostile-customer</bdi></a> — <bdi>Every free-text field holds HTML');
  });

  it('a 404 sets the path it names left to right, on its own', async () => {
    const page = await studio.get('/products/%E2%80%AEnope');
    expect(page.body).toContain('<p>The studio has nothing at <code dir="ltr">/products/%E2%80%AEnope</code>.</p>');
  });
});

describe('/collections', () => {
  it("lists a collection's products from the fixture, linked", async () => {
    const page = await studio.get('/collections/candles');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1><bdi>Candles</bdi></h1>');
    const handles = [...page.body.matchAll(/<li><a href="\/products\/([^"]+)">/g)].map((match) => match[1]);
    expect(handles).toEqual(store.collections.find((collection) => collection.handle === 'candles')!.products);
    expect(handles).toEqual(['amber-candle', 'cedar-candle', 'fig-candle', 'discovery-gift-set']);
  });

  it('leaves out a product the online store does not publish, as a collection page on Shopify does', () => {
    const storefront = new Storefront();
    const hidden = structuredClone(storefront.store);
    hidden.products.find((product) => product.handle === 'fig-candle')!.published_at = null;
    const answer = answerShopRoute(new Storefront({ store: hidden }), { pathname: '/collections/candles', query: new URLSearchParams() });
    const handles = [...(answer?.body ?? '').matchAll(/<li><a href="\/products\/([^"]+)">/g)].map((match) => match[1]);
    expect(handles).toEqual(['amber-candle', 'cedar-candle', 'discovery-gift-set']);
  });

  it('lists the collections, and answers 404 for one the store lacks', async () => {
    const all = await studio.get('/collections');
    expect(all.body.match(/<li><a href="\/collections\//g)).toHaveLength(store.collections.length);
    const missing = await studio.get('/collections/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('<li>no collection &quot;nope&quot; in the store</li>');
  });
});

describe('routes the studio does not preview', () => {
  it.each([
    ['/account/addresses', 'the customers/addresses template'],
    ['/da/account/addresses', 'the customers/addresses template'],
    ['/account/logout', 'no page: it logs the customer out and redirects to the home page'],
    ['/account/login', 'the customers/login template'],
    ['/search', 'the search template'],
  ])('%s says what Shopify serves there', async (path, serves) => {
    const page = await studio.get(path);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<p>On Shopify this URL serves ${serves}`);
    expect(page.body).toContain('<p>The studio previews the customers/account and customers/order pages and the extensions; this route has no preview.</p>');
    expect(page.body).toContain('<a href="/">All scenarios</a>');
  });

  it('/account without ?customer= asks whose account to open', async () => {
    const page = await studio.get('/da/account');
    expect(page.status).toBe(200);
    const links = [...page.body.matchAll(/<li><a href="([^"]+)">/g)].map((match) => match[1].replace('&amp;', '&'));
    expect(links).toEqual(store.customers.map((customer) => `/da/account?customer=${customer.handle}`));
  });

  it("/account coming from an order page opens that order's customer", async () => {
    const owner = store.customers.find((customer) => customer.orders.some((order) => orderIdOf(order.name) === '1003'))!;
    expect(owner.handle).toBe('casey');
    for (const [prefix, referer] of [
      ['', 'account/orders/1003'],
      ['/da', 'da/account/orders/1003'],
    ]) {
      const response = await fetch(new URL(`${prefix}/account`, studio.url), {
        redirect: 'manual',
        headers: { referer: `${studio.url}${referer}` },
      });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`${prefix}/account?customer=casey`);
    }
  });

  it('any other path answers an HTML 404 naming it, with a way back', async () => {
    for (const path of ['/nope', '/products/cedar-candle/extra', '/account/orders']) {
      const page = await studio.get(path);
      expect(page.status).toBe(404);
      expect(page.type).toBe('text/html; charset=utf-8');
      expect(page.body).toContain(`<p>The studio has nothing at <code dir="ltr">${path}</code>.</p>`);
      expect(page.body).toContain('<a href="/">All scenarios</a>');
    }
  });

  it('every page is a small, self-contained, accessible document', async () => {
    const paths = ['/cart/4003:2', '/products/cedar-candle', '/collections/candles', '/account', '/account/addresses', '/nope'];
    for (const path of paths) {
      const { body } = await studio.get(path);
      expect(body.startsWith('<!doctype html><html lang="en">'), path).toBe(true);
      expect(body.match(/<h1>/g), path).toHaveLength(1);
      expect(body.match(/<main>/g), path).toHaveLength(1);
      expect(body, path).toContain('<link rel="icon" href="data:,">');
      expect(body.match(/(?:src|href)="(?:https?:)?\/\/[^"]*"/g), path).toBeNull();
    }
  });
});

describe('no dead link in the studio', () => {
  /** The same-origin links a page holds (href and src), resolved; fragments and other origins are left out. */
  const linksOf = (html: string): string[] => {
    const origin = new URL(studio.url).origin;
    return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)]
      .map((match) => match[1].replace(/&amp;/g, '&'))
      .filter((href) => !href.startsWith('#'))
      .map((href) => new URL(href, studio.url))
      .filter((url) => url.origin === origin)
      .map((url) => `${url.pathname}${url.search}`);
  };

  /** What encore-recommendations.js fetches on an account page, its URL built as the script builds it. */
  const recommendationsOf = (html: string): string | undefined => {
    const block = /<section[^>]*data-encore-recommendations[^>]*>/.exec(html)?.[0];
    if (!block) return undefined;
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(block)?.[1] ?? '';
    // The script asks nothing without a seed product (a customer with no orders).
    if (!attr('data-encore-url') || !attr('data-encore-product-id') || !attr('data-encore-section-id')) return undefined;
    return `${attr('data-encore-url')}?product_id=${attr('data-encore-product-id')}&limit=${attr('data-encore-limit')}&section_id=${attr('data-encore-section-id')}&intent=related`;
  };

  async function inBatches<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = [];
    for (let i = 0; i < items.length; i += 16) results.push(...(await Promise.all(items.slice(i, i + 16).map(run))));
    return results;
  }

  it('every link on every account page (each page of each customer) and every order page answers 200, in every locale', async () => {
    const locales = studio.storefront.theme.locales();
    const prefix = (locale: string) => (locale === studio.storefront.theme.defaultLocale() ? '' : `/${locale}`);
    const pages = new Map<string, Page>();
    const links = new Map<string, string>(); // link → a page it is on
    const visit = async (path: string, referer?: string): Promise<void> => {
      if (pages.has(path)) return;
      const page = await studio.get(path, referer ? { headers: { referer: new URL(referer, studio.url).href } } : undefined);
      pages.set(path, page);
      expect(page.status, path).toBe(200);
      for (const link of linksOf(page.body)) if (!links.has(link)) links.set(link, path);
      const recommendations = recommendationsOf(page.body);
      if (recommendations) await visit(recommendations, path);
      // Follow the pagination: the account page's further pages are account pages too.
      const more = linksOf(page.body).filter((link) => /^(?:\/[a-z]{2})?\/account\?customer=[^&]+.*page=\d+/.test(link));
      for (const link of more) await visit(link);
    };
    const starts = locales.flatMap((locale) => [
      ...store.customers.map((customer) => `${prefix(locale)}/account?customer=${customer.handle}`),
      ...store.customers.flatMap((customer) => customer.orders.map((order) => `${prefix(locale)}/account/orders/${orderIdOf(order.name)}`)),
    ]);
    await inBatches(starts, (path) => visit(path));

    const checked = [...links.keys()];
    const answers = await inBatches(checked, async (link) => [link, (await studio.get(link)).status] as const);
    const dead = answers.filter(([, status]) => status !== 200).map(([link, status]) => `${link} (${status}, on ${links.get(link)})`);
    expect(dead).toEqual([]);

    // The guarantee covers the routes this suite is about, not only the theme pages themselves.
    const orders = store.customers.reduce((sum, customer) => sum + customer.orders.length, 0);
    expect(pages.size).toBeGreaterThan((store.customers.length + orders) * locales.length);
    for (const kind of [
      /^\/cart\/\d+:\d+/,
      /^\/da\/cart\/\d+:\d+/,
      /^\/products\/[^?]+\?variant=\d+$/,
      /^\/account\/addresses$/,
      /^\/account\/logout$/,
      /^\/account$/,
      /^\/collections\/candles$/,
      /^\/cdn\/shop\/files\//,
    ]) {
      expect(
        checked.some((link) => kind.test(link)),
        String(kind),
      ).toBe(true);
    }
  }, 120_000);
});
