// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BUNDLED_STORE_FILES, loadBundledStores } from '@encore/fixtures/bundled.ts';
import { chromiumPath, launchBrowser, SKIP_MESSAGE, startStudio, visitEach, type Visit } from './support.ts';

if (!chromiumPath) console.warn(`Skipping the bundled stores in Chromium: ${SKIP_MESSAGE}`);

/** What a visit reads off the settled page. */
interface Seen {
  lang: string;
  /** For extension previews: the host's sign that the bundle ran, or that ShouldRender said no. */
  ran: boolean;
  /** The page's own text, to find the scenario's values in. */
  text: string;
}

async function readPage(page: Page): Promise<Seen> {
  const [lang, ready, skipped, text] = await Promise.all([
    page.getAttribute('html', 'lang'),
    page.getAttribute('html', 'data-encore-ready'),
    page.getAttribute('html', 'data-encore-skipped'),
    // The preview host draws into open shadow roots, which innerText does not enter: walk the text nodes of
    // the document and of every shadow root, leaving out style sheets and scripts.
    page.evaluate(() => {
      const parts: string[] = [];
      const walk = (root: Node) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
          else if (node.nodeType === Node.TEXT_NODE && !['STYLE', 'SCRIPT'].includes(node.parentElement?.tagName ?? '')) parts.push(node.textContent ?? '');
        }
      };
      walk(document.body);
      return parts.join(' ');
    }),
  ]);
  return { lang: lang ?? '', ran: ready !== null || skipped !== null, text: text.replace(/\s+/g, ' ') };
}

/**
 * The currency stores (`tools/fixtures/stores/`), each served as `npm start -- --fixtures FILE` serves it: every
 * page its index lists in the shop's primary language (unprefixed), theme pages and extension previews alike,
 * loaded in Chromium. pages.test.ts does the same for the default store, with every other locale besides.
 */
describe.skipIf(!chromiumPath)('every page of every bundled currency store in Chromium', () => {
  let browser: Browser;
  const visited = new Map<string, { primary: string; visits: Visit<Seen>[] }>();
  const stores = loadBundledStores().filter((bundled) => bundled.file !== BUNDLED_STORE_FILES[0]);

  beforeAll(async () => {
    browser = await launchBrowser();
    for (const { name, file, store } of stores) {
      const studio = await startStudio(file);
      try {
        const index = await (await fetch(`${studio.base}/`)).text();
        const listed = [...new Set([...index.matchAll(/href="(\/[^"#]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&')))];
        const paths = listed.filter((href) => !href.includes('locale='));
        visited.set(name, { primary: store.shop.primary_locale, visits: await visitEach(browser, studio.base, paths, readPage) });
      } finally {
        await studio.close();
      }
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('covers the five currency stores, each with every customer and order page and its extension previews', () => {
    expect([...visited.keys()]).toEqual([
      'stores/dkk-store.json',
      'stores/eur-store.json',
      'stores/jpy-store.json',
      'stores/nok-store.json',
      'stores/thb-store.json',
    ]);
    for (const { name, store } of stores) {
      const paths = visited.get(name)!.visits.map((visit) => visit.path);
      const orders = store.customers.flatMap((customer) => customer.orders);
      // One account page and one order index per customer; one order page and three previews per order.
      expect(paths.length, name).toBe(2 * store.customers.length + 4 * orders.length);
      expect(paths, name).toContain(`/account/orders/${orders[0]!.name.slice(1)}`);
      expect(paths, name).toContain(`/extensions/encore-post-purchase-upsell?order=${orders.at(-1)!.name.slice(1)}`);
    }
  });

  it("every page answers 200 in the shop's primary language, and every extension preview ran", () => {
    for (const [name, { primary, visits }] of visited) {
      for (const { path, status, read } of visits) {
        const ran = path.startsWith('/extensions/') ? read.ran : true;
        expect({ name, path, status, lang: read.lang, ran }).toEqual({ name, path, status: 200, lang: primary, ran: true });
      }
    }
  });

  it('no page logs a console error or has a request fail', () => {
    for (const [name, { visits }] of visited) {
      for (const { path, problems } of visits) expect({ name, path, ...problems }).toEqual({ name, path, consoleErrors: [], failedRequests: [] });
    }
  });

  it('shows each shop its own money: the EUR gift card order in euros with comma decimals, yen without decimals', () => {
    const page = (store: string, path: string) => visited.get(store)!.visits.find((visit) => visit.path === path)!.read.text;
    // #3006: €34.95 gift box + €7.95 shipping = €42.90, VAT included; €25.00 by gift card, €17.90 authorized.
    const giftBox = page('stores/eur-store.json', '/account/orders/3006');
    expect(giftBox).toContain('€42,90');
    expect(giftBox).toContain('K7QM');
    expect(giftBox).toContain('€17,90');
    // The order-status block (Dutch, the shop's language) says the card is charged when the gift box ships.
    expect(page('stores/eur-store.json', '/extensions/encore-order-status?order=3006')).toContain('Je betaling is geautoriseerd.');
    const yen = page('stores/jpy-store.json', '/account?customer=yuki-tanaka');
    expect(yen).toMatch(/¥\d/);
    expect(yen).not.toMatch(/¥[\d,]*\.\d/);
  });
});
