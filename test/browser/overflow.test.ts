// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { chromiumPath, openPage, SKIP_MESSAGE, useBrowserAndStudio } from './support.ts';

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

  it.each(PAGES)('%s scrolls down, never sideways', async (path) => {
    // Extension previews draw after load: wait until their requests are done.
    const { page, status } = await openPage(session.browser, session.studio.base + path, { viewport: PHONE, waitUntil: path.startsWith('/extensions/') ? 'quiet' : 'load' });
    try {
      expect(status).toBe(200);
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        // The widest element, to name the culprit when the page is too wide.
        widest: [...document.querySelectorAll('body *')]
          .map((element) => ({ element: `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`, right: Math.round(element.getBoundingClientRect().right) }))
          .reduce((widest, next) => (next.right > widest.right ? next : widest), { element: 'none', right: 0 }),
      }));
      expect(widths.page, `widest: ${widths.widest.element} ends at ${widths.widest.right} px`).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await page.close();
    }
  }, 30_000);
});
