// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CUSTOMER_EXTENSIONS, ORDER_EXTENSIONS } from '@encore/studio/routes.ts';
import { orderIdOf } from '@encore/fixtures/load.ts';
import { accountPaths, chromiumPath, launchBrowser, orderPaths, SKIP_MESSAGE, startStudio, visitEach, type Studio, type Visit } from './support.ts';

if (!chromiumPath) console.warn(`Skipping the browser page checks: ${SKIP_MESSAGE}`);

/** What a visit reads off the settled page. */
interface Seen {
  lang: string;
  /** The page's own first heading: the theme's h1, or the extension's first heading in its slot. */
  heading: string;
  /** For extension previews: the host's sign that the bundle ran (`ready`), or that ShouldRender said no (`skipped`). */
  ran: 'ready' | 'skipped' | null;
  /** The host's note that the extension drew nothing, when it shows. */
  empty: boolean;
  /** Every link on the page, scripts' and shadow roots' included, as absolute URLs. */
  links: string[];
}

async function readPage(page: Page, path: string): Promise<Seen> {
  const extension = path.startsWith('/extensions/');
  const postPurchase = path.startsWith('/extensions/encore-post-purchase-upsell');
  // Playwright's CSS engine pierces open shadow roots, where the preview host draws s-link and s-button.
  const headings = (extension && !postPurchase ? page.locator('#encore-extension') : page.locator('main')).getByRole('heading');
  const [lang, heading, ready, skipped, empty, links] = await Promise.all([
    page.getAttribute('html', 'lang'),
    headings.count().then((count) => (count ? headings.first().innerText() : '')),
    page.getAttribute('html', 'data-encore-ready'),
    page.getAttribute('html', 'data-encore-skipped'),
    page.locator('.studio-note').isVisible(),
    page.locator('a[href]').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href)),
  ]);
  return { lang: lang ?? '', heading: heading.trim(), ran: !extension ? null : skipped ? 'skipped' : ready ? 'ready' : null, empty, links };
}

/**
 * Every page the studio's index lists for the default store, loaded in a real Chromium: each account page
 * (every page of orders) and order page, and each extension preview of every order and customer, in the default
 * locale; and one page of each kind in each other locale the theme ships (every scenario in every locale is
 * rendered by test/theme/scenarios.test.ts and the extension tests, without a browser). Loaded once in
 * `beforeAll`; the tests below judge the visits.
 */
describe.skipIf(!chromiumPath)('every studio page in Chromium', () => {
  let browser: Browser;
  let studio: Studio;
  let locales: string[];
  let visits: Visit<Seen>[] = [];
  let listed: string[] = [];

  beforeAll(async () => {
    [browser, studio] = await Promise.all([launchBrowser(), startStudio()]);
    const { store, theme } = studio.storefront;
    locales = theme.locales().filter((code) => code !== theme.defaultLocale());
    const orders = store.customers.flatMap((customer) => customer.orders.map((order) => encodeURIComponent(orderIdOf(order.name))));
    const extensionPaths = [
      ...store.customers.flatMap((customer) => CUSTOMER_EXTENSIONS.map((handle) => `/extensions/${handle}?customer=${encodeURIComponent(customer.handle)}`)),
      ...orders.flatMap((order) => ORDER_EXTENSIONS.map((handle) => `/extensions/${handle}?order=${order}`)),
    ];
    const inEachLocale = (code: string) => [
      `/account?customer=casey&locale=${code}`,
      `/account/orders/1003?locale=${code}`,
      ...CUSTOMER_EXTENSIONS.map((handle) => `/extensions/${handle}?customer=loyal-customer&locale=${code}`),
      ...ORDER_EXTENSIONS.map((handle) => `/extensions/${handle}?order=1004&locale=${code}`),
    ];
    const paths = [...accountPaths(studio.storefront), ...orderPaths(studio.storefront), ...extensionPaths, ...locales.flatMap(inEachLocale)];
    // The index's own links in the default locale, to prove the list above is all of them.
    const index = await (await fetch(`${studio.base}/`)).text();
    listed = [...new Set([...index.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&')))].filter((href) => !href.includes('locale='));
    visits = await visitEach(browser, studio.base, paths, readPage);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await studio?.close();
  });

  const visit = (path: string) => visits.find((candidate) => candidate.path === path);
  const isOwn = (line: string) => line.includes(studio.base);

  it('visits every page the index lists, and each kind of page in every other locale', () => {
    const customers = studio.storefront.store.customers;
    const orders = customers.reduce((sum, customer) => sum + customer.orders.length, 0);
    expect(locales).toEqual(['da', 'nb', 'nl', 'th']);
    // Six customers (loyal-customer's 45 orders on three pages) and 60 orders: account pages, order pages, the
    // order index per customer, three previews per order; then six pages in each of four locales.
    expect([customers.length, orders]).toEqual([6, 60]);
    expect(visits).toHaveLength(customers.length + 2 + orders + customers.length + 3 * orders + 6 * locales.length);
    const visited = new Set(visits.map((candidate) => candidate.path));
    // The index's contents list links to its own sections (#customer-…), which are no pages.
    expect(listed.filter((href) => !visited.has(href) && href !== '/' && !href.startsWith('#'))).toEqual([]);
    expect(visit('/account?customer=loyal-customer&page=3')).toBeDefined();
    expect(visit('/extensions/encore-post-purchase-upsell?order=1145')).toBeDefined();
  });

  it('every page answers 200 with a heading in its language, and every extension preview ran', () => {
    for (const { path, status, read } of visits) {
      const expected = /[?&]locale=(\w+)/.exec(path)?.[1] ?? 'en';
      const ran = path.startsWith('/extensions/') ? read.ran !== null : read.ran === null;
      // A preview the extension left empty says so instead of a heading.
      expect({ path, status, lang: read.lang, headed: read.heading !== '' || read.empty, ran }).toEqual({
        path,
        status: 200,
        lang: expected,
        headed: true,
        ran: true,
      });
    }
    expect(visit('/account?customer=casey&locale=da')?.read.heading).toBe('Konto');
    expect(visit('/account/orders/1003')?.read.heading).toBe('Order #1003');
    expect(visit('/extensions/encore-order-status?order=1004&locale=nl')?.read.lang).toBe('nl');
  });

  it('only the order index of the customer with no orders draws nothing, and the page says so', () => {
    const empty = visits.filter((candidate) => candidate.read.empty).map((candidate) => candidate.path);
    expect(empty).toEqual(['/extensions/encore-order-index?customer=new-customer']);
    expect(visit(empty[0]!)?.read.heading).toBe('');
  });

  it('no page throws, and every request to the studio succeeds', () => {
    for (const { path, problems } of visits) {
      const uncaught = problems.consoleErrors.filter((line) => line.startsWith('uncaught'));
      const own = { failedRequests: problems.failedRequests.filter(isOwn), consoleErrors: problems.consoleErrors.filter(isOwn) };
      expect({ path, uncaught, ...own }).toEqual({ path, uncaught: [], failedRequests: [], consoleErrors: [] });
    }
  });

  it('no page logs a console error or has a request fail (images and shop links point at the studio itself)', () => {
    for (const { path, problems } of visits) {
      expect({ path, ...problems }).toEqual({ path, consoleErrors: [], failedRequests: [] });
    }
  });

  it("every link on every page, the extensions' included, leads to a studio page that answers 200", async () => {
    const links = new Set<string>();
    for (const { read } of visits) for (const link of read.links) links.add(link.split('#')[0]!);
    // Carriers' tracking pages are the only links meant to leave the shop: exactly the fixture's tracking URLs.
    const tracking = new Set(
      studio.storefront.store.customers.flatMap((customer) =>
        customer.orders.flatMap((order) => order.fulfillments.flatMap((fulfillment) => fulfillment.tracking_urls)),
      ),
    );
    expect([...links].filter((link) => !link.startsWith(`${studio.base}/`) && !tracking.has(link))).toEqual([]);
    const own = [...links].filter((link) => link.startsWith(`${studio.base}/`));
    // Buy again and offers: cart permalinks the extensions wrote for the studio's origin are among them.
    expect(own.some((link) => link.startsWith(`${studio.base}/cart/`))).toBe(true);
    const failed: string[] = [];
    for (let start = 0; start < own.length; start += 8) {
      await Promise.all(
        own.slice(start, start + 8).map(async (link) => {
          const response = await fetch(link);
          await response.arrayBuffer();
          if (response.status !== 200) failed.push(`${link}: HTTP ${response.status}`);
        }),
      );
    }
    expect(failed).toEqual([]);
  }, 60_000);
});
