// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { chromiumPath, openPage, SKIP_MESSAGE, useBrowserAndStudio } from './support.ts';

if (!chromiumPath) console.warn(`Skipping the hostile-scenario checks: ${SKIP_MESSAGE}`);

/**
 * The hostile customer's name, tags, notes and products hold script tags, event-handler attributes, quote
 * breakers and javascript: URLs that each set `window.__encoreInjected`. Escaped output leaves it unset.
 */
const PAGES = ['/account?customer=hostile-customer', '/account/orders/1015'];

describe.skipIf(!chromiumPath)('the hostile scenario in Chromium', () => {
  const session = useBrowserAndStudio();

  it.each(PAGES)('%s runs none of the payloads', async (path) => {
    const { page, status } = await openPage(session.browser, session.studio.base + path);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    try {
      expect(status).toBe(200);
      // Payloads that wait for a pointer (onmouseover, onfocus) get one: every element is hovered and focused in script.
      await page.evaluate(() => {
        for (const element of document.querySelectorAll('body *')) {
          element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
          if (element instanceof HTMLElement) element.focus();
        }
      });
      expect(await page.evaluate(() => (window as unknown as { __encoreInjected?: unknown }).__encoreInjected)).toBeUndefined();
      expect(dialogs).toEqual([]);
      // No link carries a script URL, and the payload text is on the page as text.
      expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
      expect(await page.locator('body').innerText()).toContain('window.__encoreInjected=1');
    } finally {
      await page.close();
    }
  }, 30_000);
});
