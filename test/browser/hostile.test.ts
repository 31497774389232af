// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { chromiumPath, openPage, SKIP_MESSAGE, useBrowserAndStudio } from './support.ts';

if (!chromiumPath) console.warn(`Skipping the hostile-scenario checks: ${SKIP_MESSAGE}`);

/**
 * The hostile customer's name, tags, notes and products hold script tags, event-handler attributes, quote
 * breakers and javascript: URLs that each set `window.__encoreInjected`. Escaped output leaves it unset.
 */
const PAGES = [
  '/account?customer=hostile-customer',
  '/account/orders/1015',
  '/extensions/encore-thank-you?order=1015',
  '/extensions/encore-order-status?order=1015',
  '/extensions/encore-post-purchase-upsell?order=1015',
  '/extensions/encore-order-index?customer=hostile-customer',
  '/products/hostile-test-candle',
  '/cart/4018:1',
];

/**
 * Pages that show no hostile text at all, so there is none to find as text: the upsell offers the Wick
 * Trimmer, and the order index lists products to buy again (the hostile product's type is no consumable)
 * and recommendations, none of them the hostile product.
 */
const NO_HOSTILE_TEXT = new Set(['/extensions/encore-post-purchase-upsell?order=1015', '/extensions/encore-order-index?customer=hostile-customer']);

describe.skipIf(!chromiumPath)('the hostile scenario in Chromium', () => {
  const session = useBrowserAndStudio();

  it.each(PAGES)(
    '%s runs none of the payloads',
    async (path) => {
      const { page, status } = await openPage(session.browser, session.studio.base + path);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      try {
        expect(status).toBe(200);
        // Payloads that wait for a pointer (onmouseover, onfocus) get one: every element is hovered and focused in
        // script, inside the shadow roots the preview host draws Polaris elements in too.
        await page.evaluate(() => {
          const visit = (root: ParentNode) => {
            for (const element of root.querySelectorAll('*')) {
              element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
              if (element instanceof HTMLElement) element.focus();
              if (element.shadowRoot) visit(element.shadowRoot);
            }
          };
          visit(document.body);
        });
        expect(await page.evaluate(() => (window as unknown as { __encoreInjected?: unknown }).__encoreInjected)).toBeUndefined();
        expect(dialogs).toEqual([]);
        // No link carries a script URL (Playwright's selectors see into shadow roots), and the payload is on the
        // page as text: the hostile product's title on every page names it, the customer's name on the rest.
        expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
        const shown = await page.getByText('window.__encoreInjected=1').count();
        expect(shown > 0, `${path} shows a payload as text`).toBe(!NO_HOSTILE_TEXT.has(path));
      } finally {
        await page.close();
      }
    },
    30_000,
  );
});
