import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Storefront } from '@encore/studio/storefront.ts';
import { serveStorefront } from '@encore/studio/server.ts';

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer(serveStorefront(new Storefront()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = async (path: string) => {
  const response = await fetch(base + path);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
};

describe('preview server', () => {
  it('lists every scenario on the index with links to its page', async () => {
    const { status, body } = await get('/');
    expect(status).toBe(200);
    expect(body).toContain('<a href="/account?customer=loyal-customer">customer loyal-customer</a>');
    expect(body).toContain('<a href="/account/orders/1003">order 1003</a>');
  });

  it('serves the account page with working pagination links', async () => {
    const { status, body } = await get('/account?customer=loyal-customer&page=3');
    expect(status).toBe(200);
    // Page 3 of 45 orders holds the five oldest, #1105 to #1101.
    expect(body).toContain('>#1105</a>');
    expect(body).toContain('>#1101</a>');
    expect(body).toContain('href="/account?customer=loyal-customer&amp;page=2"');
  });

  it('serves order pages and the theme stylesheet from the shop CDN path on this host', async () => {
    const order = await get('/account/orders/1003');
    expect(order.status).toBe(200);
    // The order section loads its own stylesheet, and only that one.
    const href = /<link href="([^"]+encore-order\.css[^"]*)"/.exec(order.body)?.[1];
    expect(href).toMatch(/^\/\/127\.0\.0\.1:\d+\/cdn\/shop\/t\/1\/assets\/encore-order\.css\?v=\d+$/);
    expect(order.body).not.toContain('encore-account.css');
    const css = await get(href!.replace(/^\/\/[^/]+/, ''));
    expect(css.status).toBe(200);
    expect(css.type).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('.encore-order__title');
  });

  it('answers the Section Rendering API', async () => {
    const { status, body } = await get('/account?customer=loyal-customer&section_id=main');
    expect(status).toBe(200);
    expect(body).toMatch(/^<section id="shopify-section-template--\d+__main" class="shopify-section encore-main-account">/);
  });

  it('answers 404 for unknown paths, customers and orders, naming what is missing', async () => {
    expect((await get('/nope')).status).toBe(404);
    const missing = await get('/account?customer=nobody');
    expect(missing.status).toBe(404);
    // The studio's HTML 404 page, fixture-supplied text escaped.
    expect(missing.body).toContain('no customer &#39;nobody&#39; in the store');
    expect((await get('/account/orders/9999')).status).toBe(404);
  });
});

describe('a watching storefront (what npm start runs)', () => {
  it('shows a theme edit on the next render after the file-system event', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-watch-'));
    fs.cpSync(new URL('../../theme', import.meta.url), dir, { recursive: true });
    const storefront = new Storefront({ themeDir: dir, watch: true });
    const page = { template: 'customers/order' as const, order: '1001' };
    expect((await storefront.render(page)).body).toContain('<h1 class="encore-order__title">Order #1001</h1>');
    const section = path.join(dir, 'sections', 'encore-main-order.liquid');
    fs.writeFileSync(
      section,
      fs.readFileSync(section, 'utf8').replace('class="encore-order__title"', 'class="encore-order__title encore-order__title--edited"'),
    );
    // The file-system event comes when the machine gets to it: render until the edit shows (20 s only as a safety net).
    await expect
      .poll(async () => (await storefront.render(page)).body, { timeout: 20_000, interval: 50 })
      .toContain('<h1 class="encore-order__title encore-order__title--edited">Order #1001</h1>');
  });
});
