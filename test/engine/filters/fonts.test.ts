import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { defaultRenderState, globalsWithState } from '@encore/liquid/state.ts';
import { fontFromSetting } from '@encore/liquid/theme/fonts.ts';

const liquid = createLiquid();
// The shop shopify.dev's font filter examples are rendered for.
const DOMAIN = 'polinas-potent-potions.myshopify.com';

function render(source: string, vars: Record<string, unknown> = {}): string {
  const state = defaultRenderState({
    shop: { currency: 'CAD', moneyFormat: '${{amount}}', moneyWithCurrencyFormat: '${{amount}} CAD', timezone: 'UTC', domain: DOMAIN },
  });
  return liquid.parseAndRenderSync(source, vars, { globals: globalsWithState({}, state) });
}

const settings = {
  type_header_font: fontFromSetting('assistant_n4'),
  type_body_font: fontFromSetting('open_sans_i3'),
  system: fontFromSetting('monospace_n4'),
};

describe('the font object of a font_picker setting', () => {
  it('reads family, weight and style from the handle Shopify saves ("assistant_n4")', () => {
    expect(render('{{ f.family }}|{{ f.weight }}|{{ f.style }}|{{ f.fallback_families }}|{{ f.system? }}', { f: settings.type_header_font })).toBe(
      'Assistant|400|normal|sans-serif|false',
    );
    // shopify.dev: a family name with a character other than A–Z, a–z, 0–9 or "-" comes in double quotes.
    expect(render('{{ f.family }}|{{ f.weight }}|{{ f.style }}', { f: settings.type_body_font })).toBe('"Open Sans"|300|italic');
  });

  it('lists the variants of the family, each a font (an assumed family: every weight, normal and italic)', () => {
    expect(
      render('{{ f.variants.size }}: {{ f.variants.first.weight }} {{ f.variants.first.style }} … {{ f.variants.last.weight }} {{ f.variants.last.style }}', {
        f: fontFromSetting('karla_n4'),
      }),
    ).toBe('18: 100 normal … 900 italic');
  });

  it('knows the generic families as system fonts: their own fallback, nothing to load', () => {
    expect(render('{{ f.family }}|{{ f.system? }}|{{ f.fallback_families }}|{{ f | font_face }}|{{ f | font_url }}', { f: settings.system })).toBe(
      'monospace|true|monospace||',
    );
  });

  it('is what the filters take: a handle string is no font object, as on Shopify', () => {
    expect(render("[{{ 'assistant_n4' | font_url }}][{{ 'assistant_n4' | font_face }}]")).toBe('[][]');
  });

  it('is nil for a setting left empty, or holding what no font handle looks like', () => {
    expect(fontFromSetting('')).toBeNull();
    expect(fontFromSetting(null)).toBeNull();
    expect(fontFromSetting('</style><script>alert(1)</script>')).toBeNull();
    expect(fontFromSetting('Assistant N4')).toBeNull();
    expect(render('[{{ f | font_face }}][{{ f | font_url }}][{{ f | font_modify: "weight", "bold" }}]', { f: fontFromSetting(null) })).toBe('[][][]');
  });
});

describe('font_url', () => {
  it('is the CDN URL of the woff2 file, or the woff file when asked (shopify.dev example shape)', () => {
    expect(render('{{ f | font_url }}', { f: settings.type_header_font })).toMatch(
      new RegExp(`^//${DOMAIN}/cdn/fonts/assistant/assistant_n4\\.[0-9a-f]{40}\\.woff2$`),
    );
    expect(render("{{ f | font_url: 'woff' }}", { f: settings.type_header_font })).toMatch(/\/cdn\/fonts\/assistant\/assistant_n4\.[0-9a-f]{40}\.woff$/);
  });

  it('refuses a format Shopify does not serve', () => {
    expect(() => render("{{ f | font_url: 'ttf' }}", { f: settings.type_header_font })).toThrow(/font_url: the format must be "woff2" or "woff", not "ttf"/);
  });
});

describe('font_face', () => {
  it('declares the variant with both files, as shopify.dev prints it', () => {
    const woff2 = render('{{ f | font_url }}', { f: settings.type_header_font });
    const woff = render("{{ f | font_url: 'woff' }}", { f: settings.type_header_font });
    expect(render('{{ f | font_face }}', { f: settings.type_header_font })).toBe(
      `@font-face {\n  font-family: Assistant;\n  font-weight: 400;\n  font-style: normal;\n  src: url("${woff2}") format("woff2"),\n       url("${woff}") format("woff");\n}`,
    );
  });

  it("adds font-display when given (font_display: 'swap'), and refuses what is no font-display value", () => {
    expect(render("{{ f | font_face: font_display: 'swap' }}", { f: settings.type_header_font })).toContain(
      'font-style: normal;\n  font-display: swap;\n  src: url(',
    );
    expect(() => render("{{ f | font_face: font_display: 'swap;}</style><script>' }}", { f: settings.type_header_font })).toThrow(
      /font_face: font_display must be auto, block, swap, fallback or optional/,
    );
  });

  it('quotes a family name with a space, as its family attribute does', () => {
    expect(render('{{ f | font_face }}', { f: settings.type_body_font })).toContain('font-family: "Open Sans";\n  font-weight: 300;\n  font-style: italic;');
  });
});

describe('font_modify (shopify.dev table)', () => {
  // Karla has no Fontsource package installed here, so its variants are the assumed library's: 100–900, normal and italic.
  const assumed = fontFromSetting('karla_n4');
  const modified = (property: string, value: string, font = assumed) =>
    render(`{%- assign m = f | font_modify: '${property}', '${value}' -%}{% if m %}{{ m.weight }} {{ m.style }}{% else %}nil{% endif %}`, { f: font });

  it('weight: normal 400, bold 700, a number, or ±N00 from the current weight', () => {
    expect([
      modified('weight', 'normal'),
      modified('weight', 'bold'),
      modified('weight', '900'),
      modified('weight', '+200'),
      modified('weight', '-300'),
    ]).toEqual(['400 normal', '700 normal', '900 normal', '600 normal', '100 normal']);
  });

  it('weight: bolder and lighter follow the CSS relative-weight rules (400 → 700 → 900; 400 → 100)', () => {
    expect([modified('weight', 'bolder'), modified('weight', 'lighter')]).toEqual(['700 normal', '100 normal']);
    expect(modified('weight', 'bolder', fontFromSetting('karla_n7'))).toBe('900 normal');
  });

  it('style: italic keeps the weight; oblique does not exist beside italic, so it is nil', () => {
    expect([modified('style', 'italic'), modified('style', 'normal', settings.type_body_font), modified('style', 'oblique')]).toEqual([
      '400 italic',
      '300 normal',
      'nil',
    ]);
  });

  it('is nil past the heaviest or lightest weight, so `default:` can step in', () => {
    expect(modified('weight', '+600')).toBe('nil');
    expect(render("{%- assign heavy = f | font_modify: 'weight', '+900' | default: 'none' -%}{{ heavy }}", { f: assumed })).toBe('none');
  });

  it("follows an installed family's own files: Assistant (@fontsource/assistant) has weights 200 to 800 and no italic", () => {
    const assistant = settings.type_header_font;
    expect([
      modified('weight', 'bold', assistant),
      modified('weight', '800', assistant),
      modified('weight', '900', assistant),
      modified('weight', '100', assistant),
    ]).toEqual(['700 normal', '800 normal', 'nil', 'nil']);
    expect(modified('style', 'italic', assistant)).toBe('nil');
    expect(render('{% for v in f.variants %}{{ v.weight }}{{ v.style | slice: 0 }} {% endfor %}', { f: assistant }).trim()).toBe(
      '200n 300n 400n 500n 600n 700n 800n',
    );
  });

  it('names the mistake in a property or value', () => {
    expect(() => modified('size', 'bold')).toThrow(/font_modify: the property must be "style" or "weight", not "size"/);
    expect(() => modified('weight', 'heavy')).toThrow(/font_modify: weight must be 100 to 900, normal, bold, bolder, lighter or ±100 to ±900, not "heavy"/);
  });
});
