// @vitest-environment node
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath, openPage, SKIP_MESSAGE, useBrowserAndStudio } from './support.ts';

if (!chromiumPath) console.warn(`Skipping the storefront stand-in page checks: ${SKIP_MESSAGE}`);

const PHONE = { width: 390, height: 844 };

/**
 * The stand-ins that show the hostile product (a title with U+202E, a 2,000-letter word in its description), every
 * kind of page besides, and a cart with all five columns (a sold-out line, one over its stock, the hostile one).
 */
const NARROW_PAGES = [
  '/products/hostile-test-candle',
  '/products/hostile-test-candle?variant=4018',
  '/cart/4018:1,4001:1',
  '/cart/4016:1,4004:5,4006:1,4018:2',
  `/cart/4018:1?note=${'x'.repeat(400)}`,
  '/collections/all',
  '/collections',
  '/account',
  `/products/${'x'.repeat(400)}`,
];

/** The left edge of each character of `text` as laid out, found inside the first element matching `selector`. */
async function characterLefts(page: Page, selector: string, text: string): Promise<number[]> {
  return page.evaluate(
    ([selector, text]) => {
      const root = document.querySelector(selector);
      if (!root) throw new Error(`no element ${selector}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const start = node.textContent!.indexOf(text);
        if (start < 0) continue;
        const range = document.createRange();
        return [...text].map((_, index) => {
          range.setStart(node, start + index);
          range.setEnd(node, start + index + 1);
          return range.getBoundingClientRect().left;
        });
      }
      throw new Error(`no text "${text}" in ${selector}`);
    },
    [selector, text] as const,
  );
}

const increasing = (values: number[]) => values.every((value, index) => index === 0 || value > values[index - 1]);

describe.skipIf(!chromiumPath)('the storefront stand-in pages in Chromium', () => {
  const session = useBrowserAndStudio();

  it.each(NARROW_PAGES)(
    '%s fits a 390 px screen: nothing wider than the viewport, tables inside it',
    async (path) => {
      const { page, status } = await openPage(session.browser, session.studio.base + path, { viewport: PHONE, waitUntil: 'load' });
      try {
        expect(status).toBe(path.startsWith('/products/x') ? 404 : 200);
        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          tableBoxes: [...document.querySelectorAll('.table')].map((box) => Math.ceil(box.getBoundingClientRect().right)),
        }));
        expect(widths.page).toBeLessThanOrEqual(PHONE.width);
        for (const right of widths.tableBoxes) expect(right).toBeLessThanOrEqual(PHONE.width);
      } finally {
        await page.close();
      }
    },
    30_000,
  );

  it('/collections/all: the price after the hostile title reads "$25.00", left to right, after the title', async () => {
    const { page } = await openPage(session.browser, `${session.studio.base}/collections/all`, { waitUntil: 'load' });
    try {
      const item = 'li:has(a[href="/products/hostile-test-candle"])';
      expect(await page.locator(item).evaluate((li) => li.lastChild?.textContent)).toBe(' — $25.00');
      // Reversed by the override, "$" would be laid out last: "00.52$".
      expect(increasing(await characterLefts(page, item, '$25.00'))).toBe(true);
      const title = await page.locator(`${item} bdi`).boundingBox();
      const [dollar] = await characterLefts(page, item, '$');
      expect(dollar).toBeGreaterThan(title!.x + title!.width);
    } finally {
      await page.close();
    }
  }, 30_000);

  it('a cart permalink: the variant title after the hostile product title reads left to right', async () => {
    const { page } = await openPage(session.browser, `${session.studio.base}/cart/4018:1,4001:1`, { waitUntil: 'load' });
    try {
      const link = 'a[href="/products/hostile-test-candle?variant=4018"]';
      expect(await page.locator(`${link} bdi`).nth(1).textContent()).toBe('"><svg onload=window.__encoreInjected=1> Matte');
      expect(increasing(await characterLefts(page, `${link} bdi:nth-of-type(2)`, 'Matte'))).toBe(true);
      // The cell wraps the two titles over lines: the variant starts after the title's last line box, or on a line below.
      const { title, variant } = await page.locator(link).evaluate((anchor) => {
        const [title, variant] = [...anchor.querySelectorAll('bdi')].map((bdi) => [...bdi.getClientRects()]);
        return { title: title.at(-1)!.toJSON() as DOMRect, variant: variant[0].toJSON() as DOMRect };
      });
      expect(variant.top > title.top || variant.left > title.right, JSON.stringify({ title, variant })).toBe(true);
    } finally {
      await page.close();
    }
  }, 30_000);
});
