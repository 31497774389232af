import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Theme } from '@encore/liquid/theme/theme.ts';
import { renderPage } from '@encore/liquid/theme/page.ts';
import { defaultRenderState } from '@encore/liquid/state.ts';

/**
 * Colour settings as Shopify's objects: `color` (shopify.dev/docs/api/liquid/objects/color: printed directly, the
 * hex code; red, green, blue, alpha, rgb, rgba…), `color_scheme` (printed directly, the scheme's id) and the
 * `color_scheme_group` a theme iterates (objects/color_scheme_group's example: `.color-{{ scheme.id }}`).
 */
function themeWith(section: string): Theme {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-colors-'));
  const files: Record<string, string> = {
    'layout/theme.liquid': '{{ content_for_layout }}',
    'templates/customers/account.json': JSON.stringify({ sections: { main: { type: 'colors', settings: { scheme: 'dark' } } } }),
    'sections/colors.liquid': `${section}{% schema %}{"name":"Colors","settings":[{"type":"color_scheme","id":"scheme","default":"light"},{"type":"color_scheme","id":"gone","default":"nowhere"}]}{% endschema %}`,
    'config/settings_schema.json': JSON.stringify([
      {
        name: 'Colours',
        settings: [
          { type: 'color', id: 'accent', default: '#EA5AB9' },
          { type: 'color', id: 'unset' },
          {
            type: 'color_scheme_group',
            id: 'color_schemes',
            definition: [
              { type: 'color', id: 'background', default: '#FFFFFF' },
              { type: 'color_background', id: 'gradient' },
              { type: 'color', id: 'text', default: '#121212' },
            ],
          },
        ],
      },
    ]),
    'config/settings_data.json': JSON.stringify({
      current: {
        color_schemes: {
          light: { settings: { background: '#FFFFFF', text: '#121212' } },
          dark: { settings: { background: '#242833', text: '#FFFFFF', gradient: 'linear-gradient(#000, #111)' } },
        },
      },
    }),
  };
  for (const [name, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), source);
  }
  return new Theme(dir);
}

const render = async (section: string) =>
  (await renderPage(themeWith(section), { template: 'customers/account', globals: {}, shop: defaultRenderState().shop })).body.replace(
    /^<div id="shopify-section-[^"]*" class="shopify-section">|<\/div>$/g,
    '',
  );

describe('colour settings', () => {
  it('a color setting prints as lowercase hex and has its components, rgb and rgba as space-separated strings', async () => {
    expect(
      await render(
        '{{ settings.accent }}|{{ settings.accent.red }},{{ settings.accent.green }},{{ settings.accent.blue }}|{{ settings.accent.rgb }}|{{ settings.accent.rgba }}|{{ settings.accent.alpha }}|{{ settings.unset }}',
      ),
    ).toBe('#ea5ab9|234,90,185|234 90 185|234 90 185 / 1.0|1.0|');
  });

  it("colour filters given a color object give one back, so themes can read .red off color_lighten's result", async () => {
    // shopify.dev's color_lighten example: '#EA5AB9' | color_lighten: 30 → #fbe2f3.
    expect(await render("{% assign light = settings.accent | color_lighten: 30 %}{{ light }}|{{ light.red }}|{{ '#EA5AB9' | color_lighten: 30 }}")).toBe(
      '#fbe2f3|251|#fbe2f3',
    );
  });

  it('the scheme group iterates in saved order and reads by id; a color_scheme setting prints its id', async () => {
    expect(
      await render(
        '{% for scheme in settings.color_schemes %}.color-{{ scheme.id }}{bg:{{ scheme.settings.background.rgb }};g:{{ scheme.settings.gradient }}}{% endfor %}|{{ settings.color_schemes.size }}|{{ settings.color_schemes["dark"].settings.text }}',
      ),
    ).toBe('.color-light{bg:255 255 255;g:}.color-dark{bg:36 40 51;g:linear-gradient(#000, #111)}|2|#ffffff');
    // A section's scheme is the saved one; a default naming no scheme of the theme falls back to its first.
    expect(await render('{{ section.settings.scheme }}:{{ section.settings.scheme.settings.background }}|{{ section.settings.gone }}')).toBe(
      'dark:#242833|light',
    );
  });
});
