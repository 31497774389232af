// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { accountPaths, chromiumPath, launchBrowser, openPage, orderPaths, SKIP_MESSAGE, startStudio, type Studio } from './support.ts';

if (!chromiumPath) console.warn(`Skipping the browser page checks: ${SKIP_MESSAGE}`);

interface Visit {
  path: string;
  status: number;
  lang: string;
  heading: string;
  consoleErrors: string[];
  failedRequests: string[];
}

/**
 * Every page the studio serves for the default store, loaded in a real Chromium: each account page (every page of
 * orders) and order page of every customer in the default locale, and an account and an order page in each other
 * locale the theme ships. Loaded once in `beforeAll`, two at a time; the tests below judge the visits.
 */
describe.skipIf(!chromiumPath)('every studio page in Chromium', () => {
  let browser: Browser;
  let studio: Studio;
  let locales: string[];
  const visits: Visit[] = [];

  beforeAll(async () => {
    [browser, studio] = await Promise.all([launchBrowser(), startStudio()]);
    const theme = studio.storefront.theme;
    locales = theme.locales().filter((code) => code !== theme.defaultLocale());
    const paths = [
      ...accountPaths(studio.storefront),
      ...orderPaths(studio.storefront),
      ...locales.flatMap((code) => [`/account?customer=casey&locale=${code}`, `/account/orders/1003?locale=${code}`]),
    ];
    // Two workers (these machines have two cores), each with its own context: a context per page costs more than the page itself.
    let next = 0;
    await Promise.all(
      Array.from({ length: 2 }, async () => {
        const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        while (next < paths.length) {
          const path = paths[next++];
          // Only the account page runs a script (recommendations, fetched after load): wait out its requests.
          const { page, problems, status } = await openPage(context, studio.base + path, { waitUntil: path.startsWith('/account?') ? 'quiet' : 'load' });
          visits.push({
            path,
            status,
            lang: (await page.getAttribute('html', 'lang')) ?? '',
            heading: ((await page.locator('h1').first().textContent()) ?? '').trim(),
            ...problems,
          });
          await page.close();
        }
        await context.close();
      }),
    );
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await studio?.close();
  });

  const visit = (path: string) => visits.find((candidate) => candidate.path === path);
  const isOwn = (line: string) => line.includes(studio.base) && !line.includes(`${studio.base}/favicon.ico`);

  it('visits every account page of every customer and every order page', () => {
    const customers = studio.storefront.store.customers;
    const orders = customers.reduce((sum, customer) => sum + customer.orders.length, 0);
    // Six customers with loyal-customer's 45 orders on three pages; every order; two pages in each other locale.
    expect(locales).toEqual(['da', 'nb', 'nl', 'th']);
    expect(visits).toHaveLength(customers.length + 2 + orders + 2 * locales.length);
    expect(visit('/account?customer=loyal-customer&page=3')).toBeDefined();
    expect(visit('/account/orders/1003')?.heading).toBe('Order #1003');
  });

  it('every page answers 200 with a heading in its language', () => {
    for (const { path, status, heading, lang } of visits) {
      const expected = /[?&]locale=(\w+)/.exec(path)?.[1] ?? 'en';
      expect({ path, status, lang, headed: heading !== '' }).toEqual({ path, status: 200, lang: expected, headed: true });
    }
    expect(visit('/account?customer=casey&locale=da')?.heading).toBe('Konto');
  });

  it('no page throws, and every request to the studio succeeds', () => {
    for (const { path, consoleErrors, failedRequests } of visits) {
      const uncaught = consoleErrors.filter((line) => line.startsWith('uncaught'));
      expect({ path, uncaught, failedRequests: failedRequests.filter(isOwn), consoleErrors: consoleErrors.filter(isOwn) }).toEqual({ path, uncaught: [], failedRequests: [], consoleErrors: [] });
    }
  });

  it('no page logs a console error or has a request fail (product images come from the studio itself)', () => {
    for (const { path, consoleErrors, failedRequests } of visits) {
      expect({ path, consoleErrors, failedRequests }).toEqual({ path, consoleErrors: [], failedRequests: [] });
    }
  });
});
