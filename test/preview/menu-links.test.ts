/**
 * Every menu link of every bundled store answers 200 in the studio, in every language the studio serves for that
 * store: a theme's header and footer (Dawn's, read through `linklists` and `link_list` settings) link nowhere dead.
 * The URLs are the ones Liquid's `link.url` gives on a page in that language.
 */
import { describe, expect, it } from 'vitest';
import { loadBundledStores } from '@encore/fixtures/bundled.ts';
import { liquidGlobals } from '@encore/fixtures/liquid/index.ts';
import type { LinkDrop } from '@encore/fixtures/liquid/menu.ts';
import type { Store } from '@encore/fixtures/types.ts';
import { studioFor } from './support.ts';

/** Every `link.url` of every menu, at every depth, on a page in `locale`. */
function menuUrls(store: Store, locale: string): string[] {
  const urls: string[] = [];
  const walk = (links: LinkDrop[]) => links.forEach((link) => (urls.push(link.url), walk(link.links)));
  for (const menu of liquidGlobals(store, { locale }).linklists.valueOf()) walk(menu.links);
  return urls;
}

describe('menu links in the studio', () => {
  it.each(loadBundledStores().map(({ name, file }) => [name, file]))(
    '%s: every link of every menu answers 200, in every language',
    async (_, storeFile) => {
      const studio = await studioFor({ storeFile });
      try {
        const store = studio.storefront.store;
        const urls = [...new Set(store.shop.published_locales.flatMap((locale) => menuUrls(store, locale)))];
        // Two menus, several links each, in at least two languages: a collection and a product under a locale prefix among them.
        expect(urls.length).toBeGreaterThan(20);
        expect(urls.some((url) => /^\/[a-z]{2}\/collections\/[^/]+$/.test(url))).toBe(true);
        expect(urls.some((url) => /^\/[a-z]{2}\/products\/[^/]+$/.test(url))).toBe(true);
        const answers = await Promise.all(urls.map(async (url) => [url, (await studio.get(url)).status] as const));
        expect(answers.filter(([, status]) => status !== 200)).toEqual([]);
      } finally {
        await studio.close();
      }
    },
    60_000,
  );
});
