// @vitest-environment node
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath, openPage, themesWithEncore, useBrowserAndThemeStudio } from './support.ts';

/**
 * Small visual faults of the account page's cards, measured in Chromium in Encore's own theme and inside Dawn
 * 15.4.1 (a temporary copy with Encore added, as `npm run theme:add` does).
 */
const themes = themesWithEncore('the account page checks');

describe.skipIf(!chromiumPath).each(themes)('the account page in $name', ({ dawn }) => {
  const session = useBrowserAndThemeStudio(dawn, 'encore-account-look-');

  async function open(route: string, width: number): Promise<Page> {
    const { page, status } = await openPage(session.browser, new URL(route, session.studio.url).href, { viewport: { width, height: 900 }, waitUntil: 'load' });
    expect(status).toBe(200);
    return page;
  }

  it.each([1280, 390])("casey's Buy again buttons at %i px: the buttons of a row start and end at one height", async (width) => {
    const page = await open('/account?customer=casey', width);
    try {
      // Card tops and button edges, by card: Amber Candle and Cedar Candle have a variant line ("16 oz", "8 oz")
      // that Long Matches and Fig Candle have not, so text alone puts their buttons lower; their labels run to two
      // or three lines, so their own text makes them of different heights.
      const cards = await page.$$eval('.encore-buy-again__item', (items) =>
        items.map((item) => ({
          handle: item.getAttribute('data-encore-product-handle'),
          top: Math.round(item.getBoundingClientRect().top),
          button: ((box) => `${Math.round(box.top)}-${Math.round(box.bottom)}`)(item.querySelector('.encore-add-to-cart__button')!.getBoundingClientRect()),
        })),
      );
      expect(cards.map((card) => card.handle)).toEqual(['amber-candle', 'long-matches', 'fig-candle', 'cedar-candle']);
      const rows = new Map<number, string[]>();
      for (const card of cards) rows.set(card.top, [...(rows.get(card.top) ?? []), card.button]);
      // Four abreast at 1280 px, two at 390 px.
      expect([...rows.values()].map((buttons) => buttons.length)).toEqual(width === 1280 ? [4] : [2, 2]);
      for (const buttons of rows.values()) expect(new Set(buttons).size).toBe(1);
    } finally {
      await page.close();
    }
  });
});
