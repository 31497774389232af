// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath, openPage, SKIP_MESSAGE, useBrowserAndStudio } from './support.ts';

if (!chromiumPath) console.warn(`Skipping the root font size checks: ${SKIP_MESSAGE}`);

/**
 * Encore's sections go into the merchant's theme, whose root font size is its own: Dawn sets
 * `html { font-size: 62.5% }` (10 px) and sizes its body text in rem (1.5rem, 1.6rem from 750 px), where Encore's
 * own theme keeps the browser's 16 px. Sized in em from the body text, the sections must lay out exactly the same
 * under either root as long as the body text is the same size, and their headings must be larger than that text.
 */
const PAGES = ['/account?customer=casey', '/account/orders/1003'];
const DAWN_ROOT = 'html { font-size: 62.5%; } body { font-size: 1.6rem; }';

/** Every element of the section: its font size and its box, rounded to a hundredth of a pixel. */
async function measure(page: Page): Promise<{ body: number; headings: Record<string, number>; boxes: string[] }> {
  return page.evaluate(() => {
    const root = document.querySelector('.encore-account, .encore-order')!;
    const size = (element: Element) => parseFloat(getComputedStyle(element).fontSize);
    const round = (value: number) => Math.round(value * 100) / 100;
    const headings: Record<string, number> = {};
    for (const heading of root.querySelectorAll('h1, h2, h3')) headings[`${heading.tagName} ${heading.textContent!.trim()}`] = size(heading);
    const boxes = [root, ...root.querySelectorAll('*')].map((element) => {
      const box = element.getBoundingClientRect();
      return `${element.tagName}.${element.getAttribute('class') ?? ''} ${size(element)}px ${round(box.left)},${round(box.top)} ${round(box.width)}×${round(box.height)}`;
    });
    return { body: size(root), headings, boxes };
  });
}

describe.skipIf(!chromiumPath)('the sections under a 10 px root (Dawn) and a 16 px root (the browser)', () => {
  const session = useBrowserAndStudio();
  const cases = PAGES.flatMap((path) => [1280, 390].map((width) => ({ path, width })));

  it.each(cases)(
    '$path at $width px lays out the same, headings larger than the text',
    async ({ path, width }) => {
      const { page, status } = await openPage(session.browser, session.studio.base + path, { viewport: { width, height: 900 }, waitUntil: 'load' });
      try {
        expect(status).toBe(200);
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
        const browserRoot = await measure(page);
        await page.addStyleTag({ content: DAWN_ROOT });
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('10px');
        const dawnRoot = await measure(page);

        expect(browserRoot.body).toBe(16);
        expect(dawnRoot.body).toBe(16);
        // Every element at the same size and place; a failure names the first few that moved.
        expect(dawnRoot.boxes).toHaveLength(browserRoot.boxes.length);
        expect(dawnRoot.boxes.filter((box, index) => box !== browserRoot.boxes[index]).slice(0, 5)).toEqual([]);
        const headings = Object.entries(dawnRoot.headings);
        expect(headings.length).toBeGreaterThanOrEqual(3);
        for (const [heading, size] of headings) expect(size, heading).toBeGreaterThan(dawnRoot.body);
      } finally {
        await page.close();
      }
    },
    30_000,
  );
});
