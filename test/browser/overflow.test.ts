// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { brokenWords, chromiumPath, DEFAULT_STORE_CELLS, openPage, SKIP_MESSAGE, useBrowserAndStudio } from './support.ts';

if (!chromiumPath) console.warn(`Skipping the overflow checks: ${SKIP_MESSAGE}`);

const PHONE = { width: 390, height: 900 };

/**
 * The hostile customer's name, email and order texts are long unbroken strings (script payloads, a 200-character
 * word): at a phone width they must wrap inside the page instead of widening it, on the theme's pages and in
 * each extension preview of the same scenario (the storefront stand-ins: shop-pages.test.ts). The studio's index
 * keeps its wide order tables in their own scrolling region.
 */
const PAGES = [
  '/',
  '/account?customer=hostile-customer',
  '/account/orders/1015',
  '/extensions/encore-thank-you?order=1015',
  '/extensions/encore-order-status?order=1015',
  '/extensions/encore-order-index?customer=hostile-customer',
  '/extensions/encore-post-purchase-upsell?order=1015',
];
describe.skipIf(!chromiumPath)('long unbroken text at 390 px', () => {
  const session = useBrowserAndStudio();

  it.each(PAGES)(
    '%s scrolls down, never sideways',
    async (path) => {
      const { page, status } = await openPage(session.browser, session.studio.base + path, { viewport: PHONE });
      try {
        expect(status).toBe(200);
        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          // The widest element, to name the culprit when the page is too wide.
          widest: [...document.querySelectorAll('body *')]
            .map((element) => ({
              element: `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`,
              right: Math.round(element.getBoundingClientRect().right),
            }))
            .reduce((widest, next) => (next.right > widest.right ? next : widest), { element: 'none', right: 0 }),
        }));
        expect(widths.page, `widest: ${widths.widest.element} ends at ${widths.widest.right} px`).toBeLessThanOrEqual(PHONE.width);
      } finally {
        await page.close();
      }
    },
    30_000,
  );
});

/**
 * Table cells and cards may wrap between words but never inside one: at 1280 px the order page's payment table
 * sits in a half-width column and the shipment cards three abreast, and at 390 px the tables stack. A word's text
 * range that spans two lines is a broken word ("Authorizati / on", "$117.5 / 9", a tracking number split every
 * few characters). The default store's words only: the hostile customer's 200-character word must break, and
 * the check above holds it inside the screen.
 */
const TABLE_PAGES = [
  '/account?customer=casey',
  '/account/orders/1003',
  '/account/orders/1008',
  '/account/orders/1012?locale=nl',
  '/account/orders/1007?locale=da',
];
describe.skipIf(!chromiumPath)('table cells and cards keep their words whole', () => {
  const session = useBrowserAndStudio();
  const cases = TABLE_PAGES.flatMap((path) => [1280, 390].map((width) => ({ path, width })));

  it.each(cases)(
    '$path at $width px',
    async ({ path, width }) => {
      const { page, status } = await openPage(session.browser, session.studio.base + path, { viewport: { width, height: 900 } });
      try {
        expect(status).toBe(200);
        const found = await brokenWords(page, DEFAULT_STORE_CELLS);
        // Every page has a table with words on it (the account's order history, the order's items and payments).
        expect(found.words).toBeGreaterThan(20);
        expect(found.broken).toEqual([]);
      } finally {
        await page.close();
      }
    },
    30_000,
  );
});
