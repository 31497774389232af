import { describe, expect, it } from 'vitest';
import { Storefront, type CustomerPage } from '@encore/studio/storefront.ts';
import { loadBundledStores } from '@encore/fixtures/bundled.ts';
import { Theme } from '@encore/liquid/theme/theme.ts';
import { DAWN_DIR, dawnSuite, HAS_DAWN, pageLabel as label, pagesOf } from '../support/dawn.ts';

/**
 * Every classic customer template of Dawn 15.4.1 (account, order, addresses, login, register, activate_account,
 * reset_password), through Dawn's own layout with its header, footer and colour schemes, for every scenario of every
 * bundled store and every language the store publishes that Dawn ships: no Liquid error, inline or fatal, and no
 * missing translation.
 */
describe.skipIf(!HAS_DAWN)(dawnSuite("Dawn's customer templates render offline"), () => {
  const dawnLocales = HAS_DAWN ? new Theme(DAWN_DIR).locales() : [];

  for (const { name, store } of HAS_DAWN ? loadBundledStores() : []) {
    const languages = store.shop.published_locales.filter((code) => dawnLocales.includes(code));
    it(`${name} in ${languages.join(', ')}: every page, no Liquid error, every word translated`, async () => {
      const storefront = new Storefront({ themeDir: DAWN_DIR, store });
      const problems: string[] = [];
      let rendered = 0;
      for (const locale of languages) {
        for (const page of pagesOf(store)) {
          const response = await storefront.render(page, { locale });
          rendered += 1;
          const where = `${locale} ${label(page)}`;
          if (response.status !== 200) problems.push(`${where}: status ${response.status}`);
          for (const error of response.errors) problems.push(`${where}: ${error.file}:${error.line}: ${error.message}`);
          for (const key of response.missingTranslations) problems.push(`${where}: translation missing ${key}`);
          if (/Liquid (syntax )?error/.test(response.body)) problems.push(`${where}: the page prints a Liquid error`);
          if (!response.body.includes('id="shopify-section-sections--')) problems.push(`${where}: no header or footer section group`);
        }
      }
      expect(problems).toEqual([]);
      expect(rendered).toBe(languages.length * pagesOf(store).length);
    });
  }
});

describe.skipIf(!HAS_DAWN)(dawnSuite('Dawn pages show the store and the theme as Shopify would'), () => {
  const storefront = HAS_DAWN ? new Storefront({ themeDir: DAWN_DIR }) : undefined!;

  it("prints the order's own values and Dawn's colour schemes from its settings_data preset", async () => {
    const { body } = await storefront.render({ template: 'customers/order', order: '1003' });
    // Dawn's main-order: the order's name and when it was placed, in the shop's time zone (New York, 18:05 UTC).
    expect(body).toContain('<h2>Order #1003</h2><p>Placed on <time datetime="2026-03-03T18:05:00Z">March 03, 2026 at 1:05 pm</time></p>');
    // Dawn's "Default" preset: scheme-1 is #FFFFFF on #121212, scheme-3 #242833 on #FFFFFF (config/settings_data.json).
    expect(body).toMatch(/\.color-scheme-1 \{\s*--color-background: 255,255,255;/);
    expect(body).toMatch(/\.color-scheme-3 \{\s*--color-background: 36,40,51;/);
    expect(body).toMatch(/\.color-scheme-1 \{[^}]*--color-foreground: 18,18,18;/);
    // The header's colour scheme setting reaches its snippets (the drawer was `color-` while `section` was nil there).
    expect(body).toMatch(/class="gradient menu-drawer motion-reduce color-scheme-1/);
  });

  it("gives page_title Shopify's own words (shopify.page_titles.*) in English, and none in a language it has no words for offline", async () => {
    const title = async (page: CustomerPage, locale?: string) => /<title>\s*([\s\S]*?)\s*<\/title>/.exec((await storefront.render(page, { locale })).body)?.[1];
    // Shopify's system translations: "Account", "Order %{name}", "Addresses", "Create Account", "Reset Account".
    expect(await title({ template: 'customers/order', order: '1003' })).toBe('Order #1003 &ndash; Ember & Wick');
    expect(await title({ template: 'customers/account', customer: 'casey' })).toBe('Account &ndash; Ember & Wick');
    expect(await title({ template: 'customers/addresses', customer: 'casey' })).toBe('Addresses &ndash; Ember & Wick');
    expect(await title({ template: 'customers/register' })).toBe('Create Account &ndash; Ember & Wick');
    expect(await title({ template: 'customers/reset_password' })).toBe('Reset Account &ndash; Ember & Wick');
    // French: Dawn's fr.json does not override it and Shopify's French words are not offline; Dawn falls back.
    expect(await title({ template: 'customers/order', order: '1003' }, 'fr')).toBe('&ndash; Ember & Wick');
  });

  it('defines the Shopify object storefront scripts read, before any theme script', async () => {
    const { body } = await storefront.render({ template: 'customers/account', customer: 'casey' }, { locale: 'fr' });
    const script = /<script id="shopify-features">([\s\S]*?)<\/script>/.exec(body)?.[1] ?? '';
    expect(script).toContain('Shopify.shop = "ember-and-wick.myshopify.com";');
    expect(script).toContain('Shopify.locale = "fr";');
    expect(script).toContain('Shopify.currency = {"active":"USD","rate":"1.0"};');
    expect(script).toContain('Shopify.routes.root = "/fr/";');
    expect(script).toContain('"name":"Dawn","id":1,"schema_name":"Dawn","schema_version":"15.4.1"');
    expect(body.indexOf('id="shopify-features"')).toBeLessThan(body.indexOf('Shopify.designMode'));
  });

  it('answers the Section Rendering API on every customer template', async () => {
    for (const page of [
      { template: 'customers/addresses', customer: 'casey' },
      { template: 'customers/login' },
      { template: 'customers/register' },
      { template: 'customers/order', order: '1003' },
    ] as CustomerPage[]) {
      const response = await storefront.render(page, { query: new URLSearchParams({ section_id: 'main' }) });
      expect(response.status, page.template).toBe(200);
      expect(response.body, page.template).toMatch(/^<div id="shopify-section-template--\d+__main" class="shopify-section/);
      expect(response.body, page.template).not.toContain('<html');
    }
  });

  it("lists the customer's addresses with Shopify's countries and provinces in the address form", async () => {
    const { body } = await storefront.render({ template: 'customers/addresses', customer: 'casey' });
    expect(body).toContain('<option value="Canada" data-provinces="[[&quot;Alberta&quot;,&quot;Alberta&quot;]');
    expect(body).toContain('action="/account/addresses"');
  });
});
