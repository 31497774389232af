/**
 * Stores whose primary locale is not the theme's default (en.default.json): on Shopify the primary locale's URLs
 * have no prefix and every other published locale's have `/xx/`, whatever the theme's default file is. The studio
 * must serve, link and label them that way, every locale and every page of the store.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderIdOf } from '@encore/fixtures/names.ts';
import { linksOf, recommendationsOf } from './links.ts';
import { studioFor, type Page } from './support.ts';

type Studio = Awaited<ReturnType<typeof studioFor>>;

const fixture = (name: string) => fileURLToPath(new URL(`../../tools/fixtures/stores/${name}`, import.meta.url));
const langOf = (html: string) => /<html lang="([^"]*)"/.exec(html)?.[1];
const accountTitle = (html: string) => /<h1 class="encore-account__title">([^<]*)</.exec(html)?.[1];

/** The theme's account and order pages: they answer in the locale of their URL. */
const isThemePage = (link: string) => /^(?:\/[a-z]{2})?\/account(?:\?customer=|\/orders\/)/.test(link);

/** Where a theme-page link leads, by Shopify's rule: its `/xx/` prefix, else the shop's primary locale. */
const localeOfLink = (link: string, primary: string) => /^\/([a-z]{2})\//.exec(link)?.[1] ?? primary;

describe.each([
  { file: 'dkk-store.json', primary: 'da', served: ['da', 'en', 'nb', 'nl', 'th'], account: { da: 'Konto', en: 'Account' } },
  // Japanese is the shop's own language but the theme has no ja.json: served unprefixed, in the default file's words.
  { file: 'jpy-store.json', primary: 'ja', served: ['ja', 'en', 'da', 'nb', 'nl', 'th'], account: { ja: 'Account', da: 'Konto' } },
])('the studio for $file (primary locale $primary, theme default en)', ({ file, primary, served, account }) => {
  let studio: Studio;
  beforeAll(async () => {
    studio = await studioFor({ storeFile: fixture(file) });
  });
  afterAll(() => studio.close());

  const prefix = (locale: string) => (locale === primary ? '' : `/${locale}`);

  it('serves the primary locale unprefixed and every other one under its prefix, in that language', async () => {
    const [customer] = studio.storefront.store.customers;
    for (const [locale, title] of Object.entries(account)) {
      const page = await studio.get(`${prefix(locale)}/account?customer=${customer!.handle}`);
      expect([page.status, langOf(page.body), accountTitle(page.body)], locale).toEqual([200, locale, title]);
      const asked = await studio.get(`/account?customer=${customer!.handle}&locale=${locale}`);
      expect([asked.status, langOf(asked.body), accountTitle(asked.body)], `?locale=${locale}`).toEqual([200, locale, title]);
    }
  });

  it('redirects a prefix of the primary locale to its unprefixed URL, never to another host', async () => {
    const response = await fetch(new URL(`/${primary}/account?customer=x`, studio.url), { redirect: 'manual' });
    expect([response.status, response.headers.get('location')]).toEqual([302, '/account?customer=x']);
    const sneaky = await fetch(new URL(`/${primary}//example.com/`, studio.url), { redirect: 'manual' });
    expect(sneaky.headers.get('location')).toBe('/example.com/');
  });

  it('every same-origin link on every account and order page, in every locale, answers 200 in the right language', async () => {
    const { store } = studio.storefront;
    const pages = new Map<string, { page: Page; locale: string }>();
    const links = new Map<string, string>(); // link → a page it is on
    const visit = async (path: string, locale: string, referer?: string): Promise<void> => {
      if (pages.has(path)) return;
      const page = await studio.get(path, referer ? { headers: { referer: new URL(referer, studio.url).href } } : undefined);
      pages.set(path, { page, locale });
      expect(page.status, path).toBe(200);
      const found = linksOf(studio.url, page.body);
      for (const link of found) if (!links.has(link)) links.set(link, path);
      const recommendations = recommendationsOf(page.body);
      if (recommendations) {
        // Asked in the page's own locale, as routes.product_recommendations_url writes it.
        expect(recommendations.startsWith(`${prefix(locale)}/recommendations/products?`), recommendations).toBe(true);
        await visit(recommendations, locale, path);
      }
      for (const next of found.filter((link) => /\/account\?customer=[^&]+&page=\d+$/.test(link))) await visit(next, locale);
    };
    const starts = served.flatMap((locale) => [
      ...store.customers.map((customer) => [`${prefix(locale)}/account?customer=${customer.handle}`, locale] as const),
      ...store.customers.flatMap((customer) => customer.orders.map((order) => [`${prefix(locale)}/account/orders/${orderIdOf(order.name)}`, locale] as const)),
    ]);
    for (const [path, locale] of starts) await visit(path, locale);
    for (const { page, locale } of pages.values()) if (page.type?.startsWith('text/html') && langOf(page.body)) expect(langOf(page.body)).toBe(locale);

    const wrong: string[] = [];
    for (const [link, on] of links) {
      const page = await studio.get(link);
      if (page.status !== 200) wrong.push(`${link} (${page.status}, on ${on})`);
      else if (isThemePage(link)) {
        // A theme page links to theme pages in its own language, written the way Shopify writes them.
        const expected = pages.get(on)!.locale;
        if (localeOfLink(link, primary) !== expected || langOf(page.body) !== expected)
          wrong.push(`${link} (lang ${langOf(page.body)}, on ${on} in ${expected})`);
      }
    }
    expect(wrong).toEqual([]);
    // Each locale's pages link their own account page, and the primary one's carry no prefix at all.
    expect([...links.keys()].filter((link) => link.startsWith(`/${primary}/`))).toEqual([]);
    for (const locale of served) expect(links.has(`${prefix(locale)}/account/addresses`), locale).toBe(true);
  }, 60_000);

  it("links each of the index's locales to a page in that language, theme pages and extension previews alike", async () => {
    const index = (await studio.get('/')).body;
    const labelled = [...index.matchAll(/<a href="([^"]*)">([a-z]{2})<\/a>/g)].map((match) => ({ href: match[1]!.replace(/&amp;/g, '&'), locale: match[2]! }));
    expect([...new Set(labelled.map((link) => link.locale))]).toEqual(served);
    // The primary locale's links carry no ?locale=, the others' carry theirs.
    for (const { href, locale } of labelled) expect(new URL(href, studio.url).searchParams.get('locale'), href).toBe(locale === primary ? null : locale);
    const [order] = studio.storefront.store.customers.flatMap((customer) => customer.orders);
    const id = orderIdOf(order!.name);
    const sample = labelled.filter(
      ({ href }) => href.includes(`order=${id}`) || href.startsWith(`/account/orders/${id}`) || href.includes('/encore-order-index?'),
    );
    expect(sample.length).toBeGreaterThanOrEqual(5 * served.length);
    for (const { href, locale } of sample) {
      const page = await studio.get(href);
      expect([page.status, langOf(page.body)], href).toEqual([200, locale]);
    }
  }, 60_000);
});
