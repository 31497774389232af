import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Theme } from '@encore/liquid/theme/theme.ts';
import { renderPage } from '@encore/liquid/theme/page.ts';
import { defaultRenderState, globalsWithState, type RenderState } from '@encore/liquid/state.ts';

// Dawn 15.4.1, Shopify's reference theme, read in place (never copied into the project).
const DAWN = fileURLToPath(new URL('../../../shared/themes/dawn-15.4.1', import.meta.url));
const hasDawn = existsSync(DAWN);
const title = (name: string) => (hasDawn ? name : `${name} (skipped: Dawn 15.4.1 is not at ${DAWN})`);

/** Renders Liquid source with Dawn's snippets, English locale and assets, as a page of Dawn would. */
function renderWithDawn(source: string, scope: Record<string, unknown>, state: Partial<RenderState> = {}): string {
  const dawn = new Theme(DAWN);
  const english = dawn.translations('en');
  const renderState = defaultRenderState({
    locale: { code: 'en', translations: english, defaultTranslations: english },
    theme: { dir: dawn.dir, readAsset: (name) => dawn.read(`assets/${name}`) },
    ...state,
  });
  return dawn.liquid.parseAndRenderSync(source, scope, { globals: globalsWithState({}, renderState) });
}

describe.skipIf(!hasDawn)(title("Dawn's own snippets on the engine"), () => {
  it('snippets/pagination.liquid marks the current page (part.title == paginate.current_page)', () => {
    const html = renderWithDawn(
      "{% paginate items by 5 %}{% render 'pagination', paginate: paginate %}{% endpaginate %}",
      { items: Array.from({ length: 12 }, (_, i) => i) },
      { query: new URLSearchParams('page=2'), requestPath: '/collections/all' },
    );
    const current =
      /<a\s+role="link"\s+aria-disabled="true"\s+class="pagination__item pagination__item--current light"\s+aria-current="page"\s+aria-label="Page 2"\s*>2<\/a>/;
    expect(html).toMatch(current);
    expect(html).toMatch(/href="\/collections\/all\?page=3"\s+class="pagination__item link"\s+aria-label="Page 3"\s*>3<\/a>/);
    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
  });
});

describe.skipIf(!hasDawn)(title("Dawn's sections on the engine"), () => {
  const globals = {
    shop: { name: 'Polina <Potions>', customer_accounts_enabled: true },
    routes: { root_url: '/', account_url: '/account', account_login_url: '/account/login' },
    customer: { first_name: 'casey', last_name: 'Rivera', 'has_avatar?': true },
    // The header's `menu` setting (default "main-menu") reads the menu from `linklists`; Dawn draws the drawer only for a menu.
    linklists: { 'main-menu': { handle: 'main-menu', title: 'Main menu', levels: 1, links: [{ title: 'Home', url: '/', links: [], levels: 0 }] } },
  };
  // The Section Rendering API renders sections/header.liquid alone, with its schema defaults.
  const header = async () =>
    (
      await renderPage(new Theme(DAWN), {
        template: 'customers/account',
        globals,
        shop: defaultRenderState().shop,
        query: new URLSearchParams('section_id=header'),
      })
    ).body;

  it("gives snippets/header-drawer.liquid the header's section: the drawer takes menu_color_scheme (default scheme-1), not color-", async () => {
    const html = await header();
    expect(html).toContain('class="gradient menu-drawer motion-reduce color-scheme-1"');
    expect(html).not.toMatch(/color-["\s]/);
  });

  it("prints {{ customer | avatar }} in the header's account icon for a customer with an avatar", async () => {
    expect(await header()).toMatch(/<account-icon>\s*<shop-user-avatar aria-hidden="true">C<\/shop-user-avatar>\s*<\/account-icon>/);
  });

  it("renders sections/footer.liquid's {% render block %}: nothing for an app block, the section's own blocks as before", async () => {
    // A temporary copy: the test adds a template holding Dawn's footer with an app block beside a text block.
    const dir = mkdtempSync(join(tmpdir(), 'encore-dawn-render-block-'));
    try {
      cpSync(DAWN, dir, { recursive: true });
      writeFileSync(
        join(dir, 'templates/page.render-block.json'),
        JSON.stringify({
          layout: false,
          sections: {
            footer: {
              type: 'footer',
              blocks: {
                stars: { type: 'shopify://apps/product-reviews/blocks/stars/5d1b1e1c-0000-4000-8000-000000000001', settings: {} },
                mission: { type: 'text', settings: { heading: 'Our mission', subtext: '<p>Potions since 1999.</p>' } },
              },
              block_order: ['stars', 'mission'],
            },
          },
        }),
      );
      const { body } = await renderPage(new Theme(dir), { template: 'page.render-block', globals, shop: defaultRenderState().shop });
      const blocks = [
        ...body.matchAll(/<div\s+class="footer-block grid__item[^"]*"[^>]*>([\s\S]*?)<\/div>\s*(?=<div\s+class="footer-block grid__item|<\/div>)/g),
      ].map((m) => m[1].trim());
      expect(blocks).toHaveLength(2);
      expect(blocks[0]).toBe('');
      expect(body).toContain('<h2 class="footer-block__heading inline-richtext">Our mission</h2>');
      expect(body).toContain('<p>Potions since 1999.</p>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
