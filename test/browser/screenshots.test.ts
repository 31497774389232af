// @vitest-environment node
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, openPage, SCREENSHOT_DIR, SKIP_MESSAGE, useBrowserAndStudio } from './support.ts';

if (!chromiumPath) console.warn(`Skipping the screenshots: ${SKIP_MESSAGE}`);

/** The pictures the README links: each surface at a desktop and a phone width. */
const SURFACES = [
  { name: 'account', path: '/account?customer=casey' },
  { name: 'order', path: '/account/orders/1003' },
  { name: 'thank-you', path: '/extensions/encore-thank-you?order=1003' },
  { name: 'order-status', path: '/extensions/encore-order-status?order=1003' },
  { name: 'order-index', path: '/extensions/encore-order-index?customer=loyal-customer' },
];
const WIDTHS = [1280, 390];

describe.skipIf(!chromiumPath)('screenshots for the README', () => {
  const session = useBrowserAndStudio();

  beforeAll(() => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  const cases = SURFACES.flatMap((surface) => WIDTHS.map((width) => ({ ...surface, width, file: `${surface.name}-${width}.png` })));

  it.each(cases)(
    '$file: $path at $width px',
    async ({ path: pagePath, width, file }) => {
      const { page } = await openPage(session.browser, session.studio.base + pagePath, { viewport: { width, height: 900 } });
      try {
        // A full-page picture shows what lies below the fold too: lazy images there load first (the order history's
        // thumbnails at 390 px were blank).
        await page.evaluate(async () => {
          const images = [...document.images];
          for (const image of images) image.loading = 'eager';
          await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
        });
        const target = path.join(SCREENSHOT_DIR, file);
        fs.rmSync(target, { force: true });
        await page.screenshot({ path: target, fullPage: true });
        const png = fs.readFileSync(target);
        // A PNG whose header says the page's width: the picture is of this viewport, not an empty file.
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(png.readUInt32BE(16)).toBe(width);
        expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(600);
        // At a phone width nothing runs off the side: the page scrolls down, never sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      } finally {
        await page.close();
      }
    },
    30_000,
  );
});
