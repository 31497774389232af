import { describe, expect, it } from 'vitest';
import { Storefront, type CustomerPage } from '@encore/studio/storefront.ts';
import { loadBundledStores } from '@encore/fixtures/bundled.ts';
import type { Store } from '@encore/fixtures/load.ts';

const storefront = new Storefront();
const themeLocales = storefront.theme.locales();

/** Every page a store's scenarios render: each customer's account (every page of a long history) and each order. */
function scenarioPages(store: Store): CustomerPage[] {
  return store.customers.flatMap((customer): CustomerPage[] => [
    ...Array.from({ length: Math.max(1, Math.ceil(customer.orders.length / 20)) }, (_, i): CustomerPage => ({
      template: 'customers/account',
      customer: customer.handle,
      page: i + 1,
    })),
    ...customer.orders.map((order): CustomerPage => ({ template: 'customers/order', order: String(order.id) })),
  ]);
}

const label = (page: CustomerPage) => ('customer' in page ? `${page.customer} p${page.page ?? 1}` : 'order' in page ? `order ${page.order}` : page.template);

describe('every scenario of every bundled store renders in every theme locale', () => {
  it('the theme ships English (default), Danish, Dutch, Norwegian and Thai', () => {
    expect(themeLocales).toEqual(['en', 'da', 'nb', 'nl', 'th']);
  });

  // A store publishes only some languages; here each one also publishes every theme locale, so that
  // every order is seen in every language the theme speaks.
  const cases = loadBundledStores().flatMap(({ name, store }) => {
    const published = [...new Set([...store.shop.published_locales, ...themeLocales])];
    const multilingual = new Storefront({ store: { ...store, shop: { ...store.shop, published_locales: published } } });
    return themeLocales.map((locale) => [name, locale, multilingual, store] as const);
  });

  it.each(cases)('%s in %s: whole pages, every string translated, no Liquid error', async (_name, locale, front, store) => {
    const pages = scenarioPages(store);
    expect(pages.some((page) => page.template === 'customers/order')).toBe(true);
    for (const page of pages) {
      const { status, body, missingTranslations, untranslated } = await front.render(page, { locale });
      expect(status, label(page)).toBe(200);
      expect(body, label(page)).toMatch(new RegExp(`^<!doctype html>\\s*<html lang="${locale}">[\\s\\S]*</html>\\s*$`));
      expect(missingTranslations, label(page)).toEqual([]);
      expect(untranslated, label(page)).toEqual([]);
      expect(body, label(page)).not.toContain('translation missing');
      expect(body, label(page)).not.toContain('Liquid error');
    }
  });

  it('a language the shop publishes but the theme lacks (fr) is served in English, every key listed', async () => {
    const { body, untranslated } = await storefront.render({ template: 'customers/order', order: '1001' }, { locale: 'fr' });
    expect(body).toContain('<html lang="fr">');
    expect(body).toContain('Order #1001');
    expect(untranslated).toContain('fr.encore.order.title');
  });

  it('shows the empty state to the customer with no orders', async () => {
    const { body } = await storefront.render({ template: 'customers/account', customer: 'new-customer' });
    expect(body).toContain('You haven&#39;t placed any orders yet.');
  });
});

describe('the hostile customer', () => {
  /** Every start tag of the page, e.g. `<img src=x onerror="…">`. */
  const startTags = (html: string): string[] => html.match(/<[a-zA-Z][^>]*>/g) ?? [];

  it.each([
    { template: 'customers/account', customer: 'hostile-customer' },
    { template: 'customers/order', order: '1015' },
  ] as CustomerPage[])('$template: no payload becomes markup', async (page) => {
    const { body } = await storefront.render(page);
    // The payloads would set this hook if they ever ran; it may appear only as escaped text.
    expect(body).toContain('__encoreInjected');
    for (const tag of startTags(body)) {
      expect(tag, tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag, tag).not.toMatch(/javascript:/i);
      expect(tag, tag).not.toContain('__encoreInjected');
    }
    expect(body).not.toMatch(/<script>window\.__encoreInjected/);
    expect(body).not.toMatch(/<svg/i);
  });
});
