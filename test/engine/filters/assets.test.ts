import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { defaultRenderState, globalsWithState } from '@encore/liquid/state.ts';
import { versionOf } from '@encore/liquid/filters/assets.ts';

const liquid = createLiquid();
const DOMAIN = 'polinas-potent-potions.myshopify.com';
const assets: Record<string, string> = {
  'cart.js': 'console.log("cart");',
  'base.css': 'body{}',
  'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'red-and-black-bramble-berries.jpg': 'JPEGDATA',
  'big.svg': '<svg>' + 'x'.repeat(16 * 1024) + '</svg>',
  'notes.txt': 'hello',
};

function render(source: string, vars: Record<string, unknown> = {}, withTheme = true): string {
  const state = defaultRenderState({
    shop: { currency: 'CAD', moneyFormat: '${{amount}}', moneyWithCurrencyFormat: '${{amount}} CAD', timezone: 'UTC', domain: DOMAIN },
    theme: withTheme ? { dir: '/theme', readAsset: (name) => assets[name] } : undefined,
  });
  return liquid.parseAndRenderSync(source, vars, { globals: globalsWithState({}, state) });
}

describe('versionOf', () => {
  it('is a decimal string that is stable and follows the content', () => {
    expect(versionOf('a')).toMatch(/^\d+$/);
    expect(versionOf('a')).toBe(versionOf('a'));
    expect(versionOf('a')).not.toBe(versionOf('b'));
  });
});

describe('asset_url', () => {
  it('has the documented CDN shape with a content version', () => {
    expect(render("{{ 'cart.js' | asset_url }}")).toBe(`//${DOMAIN}/cdn/shop/t/1/assets/cart.js?v=${versionOf(assets['cart.js'])}`);
  });
  it('has no version for an asset that does not exist, and is empty for nil', () => {
    expect(render("{{ 'missing.js' | asset_url }}")).toBe(`//${DOMAIN}/cdn/shop/t/1/assets/missing.js`);
    expect(render('{{ nothing | asset_url }}')).toBe('');
  });
});

describe('asset_img_url, file_url, file_img_url', () => {
  const v = versionOf(assets['red-and-black-bramble-berries.jpg']);
  it('asset_img_url defaults to the small size', () => {
    expect(render("{{ 'red-and-black-bramble-berries.jpg' | asset_img_url }}")).toBe(
      `//${DOMAIN}/cdn/shop/t/1/assets/red-and-black-bramble-berries_small.jpg?v=${v}`,
    );
    expect(render("{{ 'red-and-black-bramble-berries.jpg' | asset_img_url: 'large' }}")).toBe(
      `//${DOMAIN}/cdn/shop/t/1/assets/red-and-black-bramble-berries_large.jpg?v=${v}`,
    );
    expect(render("{{ 'red-and-black-bramble-berries.jpg' | asset_img_url: '300x' }}")).toContain('red-and-black-bramble-berries_300x.jpg?v=');
    expect(render("{{ 'red-and-black-bramble-berries.jpg' | asset_img_url: 'master' }}")).toContain('/assets/red-and-black-bramble-berries.jpg?v=');
  });
  it('file_url and file_img_url point at the Files CDN path', () => {
    expect(render("{{ 'disclaimer.pdf' | file_url }}")).toBe(`//${DOMAIN}/cdn/shop/files/disclaimer.pdf?v=${versionOf('files/disclaimer.pdf')}`);
    expect(render("{{ 'potions-header.png' | file_img_url }}")).toBe(
      `//${DOMAIN}/cdn/shop/files/potions-header_small.png?v=${versionOf('files/potions-header.png')}`,
    );
    expect(render("{{ 'potions-header.png' | file_img_url: 'large' }}")).toBe(
      `//${DOMAIN}/cdn/shop/files/potions-header_large.png?v=${versionOf('files/potions-header.png')}`,
    );
  });
  it('rejects sizes Shopify does not know', () => {
    expect(() => render("{{ 'a.png' | file_img_url: 'huge' }}")).toThrow(/file_img_url: invalid size "huge"/);
  });
});

describe('global and Shopify assets', () => {
  it('match the documented outputs', () => {
    expect(render("{{ 'lightbox.js' | global_asset_url | script_tag }}")).toBe(
      `<script src="//${DOMAIN}/cdn/s/global/lightbox.js" type="text/javascript"></script>`,
    );
    expect(render("{{ 'lightbox.css' | global_asset_url | stylesheet_tag }}")).toBe(
      `<link href="//${DOMAIN}/cdn/s/global/lightbox.css" rel="stylesheet" type="text/css" media="all" />`,
    );
    expect(render("{{ 'option_selection.js' | shopify_asset_url }}")).toBe(
      `//${DOMAIN}/cdn/shopifycloud/storefront/assets/themes_support/option_selection-b017cd28.js`,
    );
  });
});

describe('tags', () => {
  const cart = `//${DOMAIN}/cdn/shop/t/1/assets/cart.js?v=${versionOf(assets['cart.js'])}`;
  it('stylesheet_tag has the documented form; media overrides all; preload changes nothing in the markup', () => {
    const base = `//${DOMAIN}/cdn/shop/t/1/assets/base.css?v=${versionOf(assets['base.css'])}`;
    expect(render("{{ 'base.css' | asset_url | stylesheet_tag }}")).toBe(`<link href="${base}" rel="stylesheet" type="text/css" media="all" />`);
    expect(render("{{ 'base.css' | asset_url | stylesheet_tag: preload: true }}")).toBe(`<link href="${base}" rel="stylesheet" type="text/css" media="all" />`);
    expect(render("{{ 'base.css' | asset_url | stylesheet_tag: media: 'print' }}")).toBe(
      `<link href="${base}" rel="stylesheet" type="text/css" media="print" />`,
    );
  });
  it('script_tag', () => {
    expect(render("{{ 'cart.js' | asset_url | script_tag }}")).toBe(`<script src="${cart}" type="text/javascript"></script>`);
  });
  it('preload_tag matches the documented attribute order', () => {
    expect(render("{{ 'cart.js' | asset_url | preload_tag: as: 'script' }}")).toBe(`<link href="${cart}" as="script" rel="preload">`);
    expect(render("{{ 'cart.js' | asset_url | preload_tag: as: 'script', type: 'text/javascript' }}")).toBe(
      `<link href="${cart}" as="script" type="text/javascript" rel="preload">`,
    );
    expect(() => render("{{ 'cart.js' | asset_url | preload_tag }}")).toThrow(/preload_tag: the "as" parameter is required/);
  });
  it('escapes URLs in attributes', () => {
    expect(render(`{{ '//x.test/a.js?a=1&b="2"' | script_tag }}`)).toBe('<script src="//x.test/a.js?a=1&amp;b=&quot;2&quot;" type="text/javascript"></script>');
  });
});

describe('inline_asset_content', () => {
  it('outputs the asset', () => {
    expect(render("{{ 'icon.svg' | inline_asset_content }}")).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
  });
  it('names the missing asset', () => {
    expect(() => render("{{ 'nope.svg' | inline_asset_content }}")).toThrow(/inline_asset_content: asset "assets\/nope.svg" not found/);
    expect(() => render("{{ 'icon.svg' | inline_asset_content }}", {}, false)).toThrow(/asset "assets\/icon.svg" not found/);
  });
  it('enforces Shopify file types and size limit', () => {
    expect(() => render("{{ 'notes.txt' | inline_asset_content }}")).toThrow(/must be an SVG, JS or CSS file/);
    expect(() => render("{{ 'big.svg' | inline_asset_content }}")).toThrow(/too large to inline/);
  });
});
