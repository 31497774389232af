/**
 * A theme reading menus as Dawn's header and footer do: a `link_list` setting (section and block) holds a menu
 * handle in JSON and reaches Liquid as that menu's linklist object
 * (https://shopify.dev/docs/storefronts/themes/architecture/settings/input-settings#link_list); like the other
 * resource settings, nil when it names none or a menu the store lacks. `linklists` is there too. The theme is
 * written to a temporary folder.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRenderState } from '@encore/liquid/state.ts';
import { renderPage } from '@encore/liquid/theme/page.ts';
import { Theme } from '@encore/liquid/theme/theme.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { liquidGlobals, shopSettingsOf, type PageOptions } from '@encore/fixtures/liquid/index.ts';

// `!= blank`, as Dawn's header and footer test the setting.
const NAV = `<nav>{{ section.settings.heading }}:
{%- if section.settings.menu != blank -%}
  {{ section.settings.menu.title }} ({{ section.settings.menu.levels }})
  {%- for link in section.settings.menu.links %} <a href="{{ link.url }}"{% if link.current %} aria-current="page"{% endif %}>{{ link.title | escape }}</a>
  {%- for child in link.links %} [{{ child.title }}]{% endfor %}{% endfor %}
{%- else %} no menu{% endif %}
{%- for block in section.blocks %} | {{ block.settings.menu.handle | default: 'nil' }}{% endfor %}
</nav>
{% schema %}
{
  "name": "Nav",
  "settings": [
    { "type": "text", "id": "heading", "label": "Heading", "default": "nav" },
    { "type": "link_list", "id": "menu", "label": "Menu", "default": "main-menu" }
  ],
  "blocks": [{ "type": "column", "name": "Column", "settings": [{ "type": "link_list", "id": "menu", "label": "Menu" }] }]
}
{% endschema %}
`;

const TEMPLATE = {
  layout: false,
  sections: {
    header: { type: 'nav', settings: { heading: 'header' } },
    footer: {
      type: 'nav',
      settings: { heading: 'footer', menu: 'footer' },
      blocks: {
        a: { type: 'column', settings: { menu: 'main-menu' } },
        b: { type: 'column', settings: { menu: '' } },
        c: { type: 'column', settings: { menu: 'sidebar' } },
      },
      block_order: ['a', 'b', 'c'],
    },
    empty: { type: 'nav', settings: { heading: 'empty', menu: '' } },
    unknown: { type: 'nav', settings: { heading: 'unknown', menu: 'sidebar' } },
    everything: { type: 'menus' },
  },
  order: ['header', 'footer', 'empty', 'unknown', 'everything'],
};

function themeWithMenus(): Theme {
  const dir = mkdtempSync(join(tmpdir(), 'encore-menus-theme-'));
  for (const folder of ['sections', 'templates/customers', 'locales', 'layout']) mkdirSync(join(dir, folder), { recursive: true });
  writeFileSync(join(dir, 'layout/theme.liquid'), '{{ content_for_layout }}');
  writeFileSync(join(dir, 'locales/en.default.json'), '{}');
  writeFileSync(join(dir, 'sections/nav.liquid'), NAV);
  writeFileSync(
    join(dir, 'sections/menus.liquid'),
    '<p>{% for menu in linklists %}{{ menu.handle }}={{ menu.links.size }} {% endfor %}{{ linklists.footer.links.last.url }}</p>',
  );
  writeFileSync(join(dir, 'templates/customers/account.json'), JSON.stringify(TEMPLATE));
  return new Theme(dir);
}

const theme = themeWithMenus();
const store = loadStore();

async function render(options: PageOptions): Promise<string> {
  const globals = liquidGlobals(store, options);
  const response = await renderPage(theme, {
    template: 'customers/account',
    globals,
    shop: { ...defaultRenderState().shop, ...shopSettingsOf(store) },
    path: globals.request.path,
  });
  expect(response.status).toBe(200);
  return response.body;
}

/** The text of each section's <nav> or <p>, its whitespace squeezed. */
const sections = (html: string) => [...html.matchAll(/<(nav|p)>([\s\S]*?)<\/\1>/g)].map((match) => match[2].replace(/\s+/g, ' ').trim());

describe('link_list settings and linklists in a theme', () => {
  it('resolve to the saved menu (the schema default when nothing is saved), and to nil when empty or unknown', async () => {
    const html = await render({ customerHandle: 'casey' });
    expect(sections(html)).toEqual([
      'header:Main menu (3) <a href="/">Home</a> <a href="/collections/all">Shop</a> [Candles] [Home Fragrance] [Accessories] [Gifts] <a href="/search">Search</a> <a href="/account" aria-current="page">Account</a>',
      'footer:Footer menu (1) <a href="/search">Search</a> <a href="/collections">All collections</a> <a href="/account" aria-current="page">Your account</a> | main-menu | nil | nil',
      'empty: no menu',
      'unknown: no menu',
      'main-menu=4 footer=3 /account',
    ]);
  });

  it('on a page in another language, every link has its prefix and the current one follows the prefixed path', async () => {
    const html = await render({ orderId: '1003', locale: 'fr' });
    expect(sections(html)[1]).toBe(
      'footer:Footer menu (1) <a href="/fr/search">Search</a> <a href="/fr/collections">All collections</a> <a href="/fr/account">Your account</a> | main-menu | nil | nil',
    );
    expect(sections(html)[4]).toBe('main-menu=4 footer=3 /fr/account');
  });
});
