import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Theme } from '../../scripts/engine/theme/theme.ts';
import { defaultRenderState, globalsWithState, type RenderState } from '../../scripts/engine/state.ts';

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
  it("snippets/pagination.liquid marks the current page (part.title == paginate.current_page)", () => {
    const html = renderWithDawn(
      "{% paginate items by 5 %}{% render 'pagination', paginate: paginate %}{% endpaginate %}",
      { items: Array.from({ length: 12 }, (_, i) => i) },
      { query: new URLSearchParams('page=2'), requestPath: '/collections/all' },
    );
    const current = /<a\s+role="link"\s+aria-disabled="true"\s+class="pagination__item pagination__item--current light"\s+aria-current="page"\s+aria-label="Page 2"\s*>2<\/a>/;
    expect(html).toMatch(current);
    expect(html).toMatch(/href="\/collections\/all\?page=3"\s+class="pagination__item link"\s+aria-label="Page 3"\s*>3<\/a>/);
    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
  });
});
