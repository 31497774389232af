import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStore } from '../../scripts/store/load.ts';
import { studioFor } from './support.ts';

let studio: Awaited<ReturnType<typeof studioFor>>;
beforeAll(async () => { studio = await studioFor(); });
afterAll(() => studio.close());

const title = (html: string) => /<h1 class="(?:account|order)__title">([^<]*)</.exec(html)?.[1];

describe('?locale= on the theme pages', () => {
  it('renders the account page in Danish, with pagination that stays Danish', async () => {
    const page = await studio.get('/account?customer=loyal-customer&locale=da&page=2');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="da">');
    expect(title(page.body)).toBe('Konto');
    expect(page.body).toContain('href="/da/account?customer=loyal-customer&amp;locale=da&amp;page=3"');
  });

  it('renders an order page in Danish, the same as the /da/ prefix', async () => {
    const byQuery = await studio.get('/account/orders/1003?locale=da');
    const byPrefix = await studio.get('/da/account/orders/1003');
    expect(byQuery.status).toBe(200);
    expect(byQuery.body).toContain('<html lang="da">');
    expect(title(byQuery.body)).toBe(title(byPrefix.body));
    expect(title(byQuery.body)).not.toBe(title((await studio.get('/account/orders/1003')).body));
  });

  it('answers 404 for a locale the theme does not ship, naming those it does', async () => {
    const page = await studio.get('/account?customer=loyal-customer&locale=xx');
    expect(page.status).toBe(404);
    expect(page.body).toBe("no locale 'xx' in the theme; try: en, da, nb, nl, th\n");
  });
});

describe('the index', () => {
  it('lists every customer and order, each page in every theme locale, and the extension previews', async () => {
    const { status, body } = await studio.get('/');
    expect(status).toBe(200);
    const store = loadStore();
    const orders = store.customers.flatMap((customer) => customer.orders);
    expect(body.match(/class="scenario scenario--customer"/g)).toHaveLength(store.customers.length);
    expect(body.match(/class="scenario scenario--order"/g)).toHaveLength(orders.length);
    expect(body).toContain('<a href="/account?customer=loyal-customer">customer loyal-customer</a>');
    for (const locale of ['da', 'nb', 'nl', 'th']) {
      expect(body).toContain(`<a href="/account?customer=loyal-customer&amp;locale=${locale}">${locale}</a>`);
      expect(body).toContain(`<a href="/account/orders/1003?locale=${locale}">${locale}</a>`);
      expect(body).toContain(`<a href="/extensions/encore-thank-you?order=1003&amp;locale=${locale}">${locale}</a>`);
    }
    for (const handle of ['encore-thank-you', 'encore-order-status', 'encore-post-purchase-upsell']) {
      expect(body.match(new RegExp(`href="/extensions/${handle}\\?order=`, 'g'))).toHaveLength(orders.length * 5);
    }
    expect(body).toContain('<a href="/extensions/encore-order-index?customer=loyal-customer">en</a>');
  });
});

describe('the index of a store whose descriptions hold markup', () => {
  let hostile: Awaited<ReturnType<typeof studioFor>>;
  beforeAll(async () => {
    const store = JSON.parse(fs.readFileSync(new URL('../../scripts/store/default-store.json', import.meta.url), 'utf8'));
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
