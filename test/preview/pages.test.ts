import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStore } from '@encore/fixtures/load.ts';
import { studioFor } from './support.ts';

let studio: Awaited<ReturnType<typeof studioFor>>;
beforeAll(async () => {
  studio = await studioFor();
});
afterAll(() => studio.close());

const title = (html: string) => /<h1 class="encore-(?:account|order)__title">([^<]*)</.exec(html)?.[1];

describe('?locale= on the theme pages', () => {
  it('renders the account page in Danish, with pagination that stays Danish, the locale written once as a prefix', async () => {
    for (const path of [
      '/account?customer=loyal-customer&locale=da&page=2',
      '/da/account?customer=loyal-customer&page=2',
      '/da/account?customer=loyal-customer&locale=da&page=2',
    ]) {
      const page = await studio.get(path);
      expect(page.status, path).toBe(200);
      expect(page.body).toContain('<html lang="da">');
      expect(title(page.body)).toBe('Konto');
      // Previous, the numbers 1 and 3, next: page 2's neighbours, in Danish, with no ?locale= beside the prefix.
      const pagination = [...page.body.matchAll(/href="([^"]*page=\d+)"/g)].map((match) => match[1]);
      expect(pagination, path).toEqual([
        '/da/account?customer=loyal-customer&amp;page=1',
        '/da/account?customer=loyal-customer&amp;page=1',
        '/da/account?customer=loyal-customer&amp;page=3',
        '/da/account?customer=loyal-customer&amp;page=3',
      ]);
    }
  });

  it('renders an order page in Danish, the same as the /da/ prefix', async () => {
    const byQuery = await studio.get('/account/orders/1003?locale=da');
    const byPrefix = await studio.get('/da/account/orders/1003');
    expect(byQuery.status).toBe(200);
    expect(byQuery.body).toContain('<html lang="da">');
    expect(title(byQuery.body)).toBe(title(byPrefix.body));
    expect(title(byQuery.body)).not.toBe(title((await studio.get('/account/orders/1003')).body));
  });

  it("serves a locale the shop publishes that the theme lacks (fr) in the default file's words", async () => {
    const page = await studio.get('/account/orders/1003?locale=fr');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain('<h1 class="encore-order__title">Order #1003</h1>');
    expect(page.body).toContain('href="/fr/account"');
  });
});

describe('what the theme pages cannot answer', () => {
  const notFound = (page: { status: number; type: string | null; body: string }, path: string, problem: string) => {
    expect(page.status).toBe(404);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.body).toContain(`<h1>Not found</h1><p>The studio has nothing at <code`);
    expect(page.body).toContain(`>${path}</code>.</p><ul><li>${problem}</li></ul>`);
    expect(page.body).toContain('<a href="/">All scenarios</a>');
  };

  it('answers the HTML 404 page naming an unknown customer, order or locale, and what the store has', async () => {
    notFound(
      await studio.get('/account?customer=nobody'),
      '/account?customer=nobody',
      'no customer &#39;nobody&#39; in the store; try: new-customer, loyal-customer, casey, riley, b2b-buyer, hostile-customer',
    );
    notFound(await studio.get('/account/orders/9999'), '/account/orders/9999', 'no order &#39;9999&#39; in the store; npm run render -- --list shows them');
    notFound(
      await studio.get('/account?customer=loyal-customer&locale=xx'),
      '/account?customer=loyal-customer&amp;locale=xx',
      'the shop does not publish the locale &quot;xx&quot;; it publishes en, fr, da, nb, nl, th',
    );
  });

  it('answers 400 naming the path for a broken percent-escape, not a theme error', async () => {
    for (const path of ['/account/orders/%E0%A4%A', '/da/account/orders/%E0%A4%A']) {
      const page = await studio.get(path);
      expect([page.status, page.type, page.body]).toEqual([
        400,
        'text/plain; charset=utf-8',
        `Bad request: ${path}: "%E0%A4%A" is not valid percent-encoding\n`,
      ]);
    }
    const image = await studio.get('/cdn/shop/files/%E0%A4.jpg');
    expect([image.status, image.body]).toEqual([400, 'Bad request: /cdn/shop/files/%E0%A4.jpg: "%E0%A4.jpg" is not valid percent-encoding\n']);
  });

  it("answers a font file from the family's installed Fontsource package, else 404 saying the library is not offline", async () => {
    const font = await fetch(new URL('/cdn/fonts/assistant/assistant_n4.0123456789abcdef0123456789abcdef01234567.woff2', studio.url));
    expect([font.status, font.headers.get('content-type')]).toEqual([200, 'font/woff2']);
    // A WOFF2 file starts with its signature "wOF2".
    expect(
      Buffer.from(await font.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('wOF2');
    // Assistant has no italic, and Lora's package is not installed.
    for (const missing of [
      '/cdn/fonts/assistant/assistant_i4.0123456789abcdef0123456789abcdef01234567.woff2',
      '/cdn/fonts/lora/lora_n4.0123456789abcdef0123456789abcdef01234567.woff2',
    ]) {
      const answer = await studio.get(missing);
      expect([answer.status, answer.type, answer.body]).toEqual([
        404,
        'text/plain; charset=utf-8',
        "Shopify's font library is not available offline, and this family's Fontsource package (@fontsource/NAME) is not installed: the page shows the font's fallback family instead.\n",
      ]);
    }
  });
});

describe('the index', () => {
  it('names the other bundled stores and the command that serves each, with their shop, currency, languages and size', async () => {
    const { body } = await studio.get('/');
    expect(body).toContain('<a href="#other-stores">5 other bundled stores</a>');
    const section = /<section id="other-stores"[\s\S]*?<\/section>/.exec(body)![0];
    const items = [...section.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));
    expect(items).toEqual([
      'npm start -- --fixtures tools/fixtures/stores/dkk-store.json: Nordlys Keramik (DKK, da, en), 2 customers, 5 orders',
      'npm start -- --fixtures tools/fixtures/stores/eur-store.json: Atelier Zeep (EUR, nl, en, de), 2 customers, 6 orders',
      'npm start -- --fixtures tools/fixtures/stores/jpy-store.json: Kissa Mame (JPY, ja, en), 2 customers, 4 orders',
      'npm start -- --fixtures tools/fixtures/stores/nok-store.json: Fjellull (NOK, nb, en), 1 customer, 3 orders',
      'npm start -- --fixtures tools/fixtures/stores/thb-store.json: Baan Silk (THB, th, en), 2 customers, 4 orders',
    ]);
  });

  it('lists every customer and order, each page in every locale the store serves, and the extension previews', async () => {
    const { status, body } = await studio.get('/');
    expect(status).toBe(200);
    const store = loadStore();
    const orders = store.customers.flatMap((customer) => customer.orders);
    expect(body.match(/class="scenario scenario--customer"/g)).toHaveLength(store.customers.length);
    expect(body.match(/class="scenario scenario--order"/g)).toHaveLength(orders.length);
    expect(body).toContain('<a href="/account?customer=loyal-customer">customer loyal-customer</a>');
    // The shop's primary locale (en) first and unprefixed; fr is the fixture's own, the rest the theme's.
    expect(body).toContain('<tr class="scenario scenario--order"><th scope="row"><a href="/account/orders/1003">order 1003</a>');
    expect(body).toContain(
      '<td><a href="/account/orders/1003">en</a> <a href="/account/orders/1003?locale=fr">fr</a> <a href="/account/orders/1003?locale=da">da</a>',
    );
    // A contents list leads to each customer's section, with the size of their history.
    expect(body).toContain('<li><a href="#customer-loyal-customer">loyal-customer</a> (45 orders)</li>');
    expect(body).toContain('<li><a href="#customer-b2b-buyer">b2b-buyer</a> (1 order)</li>');
    expect(body).toContain(
      '<section class="scenario scenario--customer" id="customer-loyal-customer"><h2><a href="/account?customer=loyal-customer">customer loyal-customer</a></h2>',
    );
    expect(body).toContain('<caption id="customer-loyal-customer-orders">Orders of loyal-customer (45 orders)</caption>');
    expect(body).toContain('<p>6 customers, 60 orders. Locales: en, fr, da, nb, nl, th');
    for (const locale of ['fr', 'da', 'nb', 'nl', 'th']) {
      expect(body).toContain(`<a href="/account?customer=loyal-customer&amp;locale=${locale}">${locale}</a>`);
      expect(body).toContain(`<a href="/account/orders/1003?locale=${locale}">${locale}</a>`);
      expect(body).toContain(`<a href="/extensions/encore-thank-you?order=1003&amp;locale=${locale}">${locale}</a>`);
    }
    for (const handle of ['encore-thank-you', 'encore-order-status', 'encore-post-purchase-upsell']) {
      expect(body.match(new RegExp(`href="/extensions/${handle}\\?order=`, 'g'))).toHaveLength(orders.length * 6);
    }
    expect(body).toContain('<a href="/extensions/encore-order-index?customer=loyal-customer">en</a>');
  });
});

describe('the index puts the scenarios first', () => {
  it("customers whose orders are scenarios come first; the loyal customer's 45 reorders come last, folded", async () => {
    const { body } = await studio.get('/');
    const sections = [...body.matchAll(/<section class="scenario scenario--customer" id="customer-([a-z0-9-]+)">/g)].map((match) => match[1]);
    expect(sections).toEqual(['new-customer', 'casey', 'riley', 'b2b-buyer', 'hostile-customer', 'loyal-customer']);
    const contents = [...body.matchAll(/<li><a href="#customer-([a-z0-9-]+)">/g)].map((match) => match[1]);
    expect(contents).toEqual(sections);
    // The first order row on the page is casey's #1001, not one of the reorders.
    expect(/<tr class="scenario scenario--order"><th scope="row"><a href="\/account\/orders\/(\d+)">/.exec(body)![1]).toBe('1001');

    const loyal = /<section class="scenario scenario--customer" id="customer-loyal-customer">[\s\S]*?<\/section>/.exec(body)![0];
    expect(loyal).toContain('<details class="history"><summary>Show all 45 orders: a long history</summary><div class="orders"');
    expect(loyal.match(/class="scenario scenario--order"/g)).toHaveLength(45);
    const casey = /<section class="scenario scenario--customer" id="customer-casey">[\s\S]*?<\/section>/.exec(body)![0];
    expect(casey).not.toContain('<details');
    expect(casey.match(/class="scenario scenario--order"/g)).toHaveLength(7);
  });
});

describe('the index of a store whose descriptions hold markup', () => {
  let hostile: Awaited<ReturnType<typeof studioFor>>;
  beforeAll(async () => {
    const store = JSON.parse(fs.readFileSync(new URL('../../tools/fixtures/stores/default-store.json', import.meta.url), 'utf8'));
    store.$schema = undefined;
    store.shop.name = 'Shop <b>"&</b>';
    store.customers[0].description = '<script>window.__encoreInjected=1</script>';
    store.customers[1].orders[0].description = '<img src=x onerror="window.__encoreInjected=1">';
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'encore-studio-store-')), 'store.json');
    fs.writeFileSync(file, JSON.stringify(store));
    hostile = await studioFor({ storeFile: file });
  });
  afterAll(() => hostile.close());

  it('escapes them', async () => {
    const { body } = await hostile.get('/');
    expect(body).toContain('<h1>Shop &lt;b&gt;&quot;&amp;&lt;/b&gt;</h1>');
    expect(body).toContain('&lt;script&gt;window.__encoreInjected=1&lt;/script&gt;');
    expect(body).toContain('&lt;img src=x onerror=&quot;window.__encoreInjected=1&quot;&gt;');
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<img');
  });
});
