import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Theme } from '@encore/liquid/theme/theme.ts';
import { renderPage, type PageRequest } from '@encore/liquid/theme/page.ts';
import { defaultRenderState } from '@encore/liquid/state.ts';

const theme = new Theme(fileURLToPath(new URL('../fixtures/theme-basic', import.meta.url)));
const numbers = Array.from({ length: 10 }, (_, i) => i + 1);

function render(template: string, query = '', extra: Partial<PageRequest> = {}) {
  return renderPage(theme, {
    template,
    globals: { shop: { name: 'Demo Shop' }, numbers },
    shop: defaultRenderState().shop,
    query: new URLSearchParams(query),
    path: '/account',
    ...extra,
  });
}

describe('JSON templates', () => {
  it('wraps each section in Shopify section markup, in template order, inside the template wrapper', async () => {
    const { body, status } = await render('customers/account');
    expect(status).toBe(200);
    expect(body).toMatch(
      /<div id="account" data-kind="account" class="account-page"><section id="shopify-section-template--\d+__main" class="shopify-section greeting-section">/,
    );
    expect(body.indexOf('__main"')).toBeLessThan(body.indexOf('__list"'));
    expect(body).toMatch(/<div id="shopify-section-template--\d+__list" class="shopify-section">/);
  });

  it('fills section and block settings from schema defaults, skips disabled blocks', async () => {
    const { body } = await render('customers/account');
    expect(body).toContain('<h1>Welcome back</h1>');
    expect(body).toContain('<p >First note</p>');
    expect(body).not.toContain('Second note');
    expect(body).toContain('<p >Default note</p>');
  });

  it('resolves t: setting defaults from the schema locale of the active locale', async () => {
    expect((await render('customers/account')).body).toContain('<p class="subtitle">Your account at a glance</p>');
    expect((await render('customers/account', '', { locale: 'da' })).body).toContain('<p class="subtitle">Din konto i overblik</p>');
  });

  it('renders the layout around the content with content_for_header holding bundled stylesheets once', async () => {
    const { body } = await render('customers/account');
    expect(body.startsWith('<!doctype html>')).toBe(true);
    expect(body.match(/\.greeting \{ color: red; \}/g)).toHaveLength(1);
    expect(body).toMatch(/<head>.*<style data-shopify-bundle="stylesheet">/s);
  });

  it('renders section groups from the layout with their group class', async () => {
    const { body } = await render('customers/account');
    expect(body).toMatch(
      /<div id="shopify-section-sections--\d+__header" class="shopify-section shopify-section-group-header-group"><header>Demo Shop<\/header>/,
    );
  });

  it('renders snippets with render in an isolated scope that still sees globals', async () => {
    const { body } = await render('customers/account');
    expect(body).toMatch(/<span class="badge">template--\d+__main<\/span>/);
  });

  it('honours "layout": false', async () => {
    const { body } = await render('index');
    expect(body.startsWith('<div id="shopify-section-template--')).toBe(true);
    expect(body).not.toContain('<html');
  });

  it('renders theme blocks with content_for, static blocks with their parameters', async () => {
    const { body } = await render('index');
    expect(body).toContain('<figure>One</figure>');
    expect(body).toContain('<figure>Static</figure>');
  });

  it('fails with the template path when the template does not exist', async () => {
    await expect(render('customers/missing')).rejects.toThrow("template 'customers/missing' not found");
  });

  it('shows a key the active locale lacks in the default words, and lists it as untranslated', async () => {
    const { body, untranslated, missingTranslations } = await render('customers/account', '', { locale: 'da' });
    expect(body).toContain('<p class="words">Hej, Goodbye</p>');
    expect(untranslated).toEqual(['da.general.goodbye']);
    expect(missingTranslations).toEqual([]);
  });

  it('serves a language the theme has no file for in the default words, as Shopify does', async () => {
    const { body, untranslated } = await render('customers/account', '', { locale: 'fr' });
    expect(body).toContain('<p class="words">Hello, Goodbye</p>');
    expect(untranslated).toEqual(['fr.general.hello', 'fr.general.goodbye']);
  });
});

describe('Liquid templates and the layout tag', () => {
  it('uses the layout the template chose and exposes the template object', async () => {
    const { body } = await render('customers/order');
    expect(body).toBe('<plain><p>customers/order order customers</p>\n</plain>\n');
  });
});

describe('paginate', () => {
  it('gives the requested page of items and Shopify pagination parts', async () => {
    const { body } = await render('customers/account', 'page=2');
    expect(body).toContain('<ol><li>4</li><li>5</li><li>6</li></ol>');
    expect(body).toContain('<nav>2/4 [1→/account?page=1][2][3→/account?page=3][4→/account?page=4]</nav>');
  });
});

describe('Section Rendering API', () => {
  it('answers ?section_id= with the one section, wrapped, and page links without the API parameter', async () => {
    const { body, status } = await render('customers/account', 'section_id=list&page=3');
    expect(status).toBe(200);
    expect(body).toMatch(/^<div id="shopify-section-template--\d+__list" class="shopify-section"><ol><li>7<\/li><li>8<\/li><li>9<\/li><\/ol>/);
    expect(body).toContain('[2→/account?page=2]');
  });

  it('answers ?sections= with JSON keyed by section id, null for unknown ones', async () => {
    const { body, contentType } = await render('customers/account', 'sections=main,nope');
    expect(contentType).toBe('application/json; charset=utf-8');
    const json = JSON.parse(body);
    expect(Object.keys(json)).toEqual(['main', 'nope']);
    expect(json.main).toContain('<h1>Welcome back</h1>');
    expect(json.nope).toBeNull();
  });

  it('gives current_page: 1 on a page without ?page=, the number asked for otherwise ("1 for non-paginated resources")', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'encore-page-number-'));
    cpSync(fileURLToPath(new URL('../fixtures/theme-basic', import.meta.url)), dir, { recursive: true });
    writeFileSync(join(dir, 'templates/customers/order.liquid'), '{% layout none %}[{{ current_page }}]');
    const numbered = new Theme(dir);
    const at = async (query: string) =>
      (await renderPage(numbered, { template: 'customers/order', globals: {}, shop: defaultRenderState().shop, query: new URLSearchParams(query) })).body;
    expect([await at(''), await at('page=3'), await at('page=zero'), await at('page=-2')]).toEqual(['[1]', '[3]', '[1]', '[1]']);
  });

  it('answers 404 for an unknown section_id', async () => {
    expect((await render('customers/account', 'section_id=nope')).status).toBe(404);
  });
});

describe("locale prefixes of the URLs filters write (Shopify: every locale but the shop's primary one)", () => {
  // A copy of the fixture theme whose order template writes a link through a filter that prefixes the locale.
  const dir = mkdtempSync(join(tmpdir(), 'encore-prefix-theme-'));
  cpSync(fileURLToPath(new URL('../fixtures/theme-basic', import.meta.url)), dir, { recursive: true });
  writeFileSync(join(dir, 'templates/customers/order.liquid'), "{% layout none %}{{ 'Log in' | customer_login_link }}");
  const prefixed = new Theme(dir);
  const link = async (locale: string, primaryLocale?: string) =>
    (await renderPage(prefixed, { template: 'customers/order', globals: {}, shop: { ...defaultRenderState().shop, primaryLocale }, locale })).body;

  it("leaves the shop's primary locale unprefixed, even when it is not the theme's default", async () => {
    // theme-basic's default locale is English; a Danish shop's Danish pages have no prefix, its English ones /en.
    expect(await link('da', 'da')).toBe('<a href="/account/login" id="customer_login_link">Log in</a>');
    expect(await link('en', 'da')).toBe('<a href="/en/account/login" id="customer_login_link">Log in</a>');
  });

  it("takes the theme's default locale as the primary one when the shop does not say", async () => {
    expect(await link('en')).toBe('<a href="/account/login" id="customer_login_link">Log in</a>');
    expect(await link('da')).toBe('<a href="/da/account/login" id="customer_login_link">Log in</a>');
  });
});

describe('font_picker settings reach Liquid as font objects, theme-wide and in sections (as in Dawn)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'encore-font-theme-'));
  cpSync(fileURLToPath(new URL('../fixtures/theme-basic', import.meta.url)), dir, { recursive: true });
  writeFileSync(
    join(dir, 'config/settings_schema.json'),
    JSON.stringify([
      { name: 'theme_info' },
      {
        name: 'Typography',
        settings: [
          { type: 'font_picker', id: 'type_body_font', label: 'Body', default: 'assistant_n4' },
          { type: 'font_picker', id: 'type_header_font', label: 'Headings', default: 'assistant_n4' },
        ],
      },
    ]),
  );
  // The merchant chose a heading font; the body font stays at the schema default.
  writeFileSync(join(dir, 'config/settings_data.json'), JSON.stringify({ current: { type_header_font: 'playfair_display_i7' } }));
  writeFileSync(
    join(dir, 'sections/typed.liquid'),
    [
      '{% assign bold = settings.type_body_font | font_modify: "weight", "bold" %}',
      '{{ settings.type_body_font.family }} {{ settings.type_body_font.weight }}, {{ bold.family }} {{ bold.weight }};',
      ' {{ settings.type_header_font.family }} {{ settings.type_header_font.weight }} {{ settings.type_header_font.style }};',
      ' {{ section.settings.accent_font.family }} {{ section.settings.accent_font.weight }}',
      '{% schema %}{"name":"Typed","settings":[{"type":"font_picker","id":"accent_font","label":"Accent","default":"courier_prime_n4"}]}{% endschema %}',
    ].join(''),
  );
  writeFileSync(
    join(dir, 'templates/customers/order.json'),
    JSON.stringify({ layout: false, sections: { main: { type: 'typed', settings: { accent_font: 'courier_prime_n7' } } }, order: ['main'] }),
  );
  const typed = new Theme(dir);

  it('gives family, weight and style, and font_modify works on them', async () => {
    const { body, status } = await renderPage(typed, { template: 'customers/order', globals: {}, shop: defaultRenderState().shop });
    expect(status).toBe(200);
    expect(body).toContain('Assistant 400, Assistant 700; "Playfair Display" 700 italic; "Courier Prime" 700');
  });
});
