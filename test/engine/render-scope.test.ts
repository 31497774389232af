import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { Theme } from '@encore/liquid/theme/theme.ts';
import { renderPage } from '@encore/liquid/theme/page.ts';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { defaultRenderState } from '@encore/liquid/state.ts';

const theme = new Theme(fileURLToPath(new URL('../fixtures/theme-render-scope', import.meta.url)));
const render = async (template: string) => (await renderPage(theme, { template, globals: {}, shop: defaultRenderState().shop })).body;

// https://shopify.dev/docs/api/liquid/tags/render: a snippet sees "global objects, as well as any objects that are
// directly accessible outside the snippet ... a snippet or app block inside a section can access the section object".
describe('section and block inside rendered snippets', () => {
  it('gives a snippet rendered from a section that section, and the snippets it renders too', async () => {
    const html = await render('page');
    expect(html).toMatch(/<nav class="menu-drawer color-scheme-2" data-section="template--\d+__drawer"><p class="drawer-footer color-scheme-2"><\/p>/);
  });

  it("keeps the section's own variables out: a for loop's block is not an object Shopify gives the file", async () => {
    expect(await render('page')).toContain('[loop variable seen as: nil]');
  });

  it('gives a snippet rendered from a theme block both the block and its section', async () => {
    expect(await render('page')).toMatch(/<aside class="promo">Two for one \(promo\) in template--\d+__apps\n<\/aside>/);
  });

  it('gives nothing to a snippet the layout renders, outside every section', async () => {
    expect(await render('page')).toContain('</main><p class="drawer-footer color-"></p>');
  });
});

// https://shopify.dev/docs/storefronts/themes/architecture/blocks/app-blocks: a section renders app blocks beside its
// own with {% for block in section.blocks %}{% case block.type %}{% when '@app' %}{% render block %}...
describe('{% render block %}', () => {
  it('renders a theme block from its blocks/TYPE.liquid', async () => {
    expect(await render('page')).toMatch(/<div class="block-promo"><aside class="promo">Two for one/);
  });

  it("reads an app block saved as shopify://apps/… as block.type '@app' and renders nothing offline", async () => {
    const html = await render('page');
    expect(html.match(/<div class="block-@app"><\/div>/g)).toHaveLength(2);
    expect(html).not.toContain('shopify://apps');
  });

  it('renders nothing for a block type the theme has no file for', async () => {
    expect(await render('page')).toContain('<div class="block-retired"></div>');
  });

  it('refuses a block that is not one of section.blocks, printing the error inline with its file and line', async () => {
    const page = await renderPage(theme, { template: 'page.nested', globals: {}, shop: defaultRenderState().shop });
    expect(page.errors.map((error) => `${error.file}:${error.line}: ${error.message}`)).toEqual([
      'blocks/nested.liquid:1: {% render block %} takes one of section.blocks, e.g. {% for block in section.blocks %}{% render block %}{% endfor %}',
    ]);
    expect(page.body).toContain('Liquid error (blocks/nested line 1): {% render block %} takes one of section.blocks');
  });

  it("parses outside a theme page but only renders inside one, and keeps Ruby's error for other unquoted names", async () => {
    const liquid = createLiquid();
    await expect(liquid.parseAndRender('{% render block %}', { block: { type: 'promo' } })).rejects.toThrow(
      '{% render block %} only works inside a theme page render',
    );
    await expect(liquid.parseAndRender('{% render snippet_name %}')).rejects.toThrow("Syntax error in tag 'render' - Template name must be a quoted string");
    await expect(liquid.parseAndRender('{% render block, title: 1 %}')).rejects.toThrow("Syntax error in tag 'render' - Template name must be a quoted string");
  });
});
