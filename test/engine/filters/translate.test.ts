import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { defaultRenderState, globalsWithState, type RenderState } from '@encore/liquid/state.ts';

const liquid = createLiquid();

const en = {
  general: {
    greeting: 'Hello {{ name }}!',
    spaced: 'Hi {{name}} and {{  other  }}',
    quote: "Don't <panic> & relax",
    contact_html: 'Write to <a href="mailto:{{ email }}">us</a>',
    html: { banner: '<strong>{{ text }}</strong>' },
  },
  cart: {
    items: { zero: 'Your cart is empty', one: '{{ count }} item', other: '{{ count }} items' },
    lines: { one: '{{ count }} line', other: '{{ count }} lines' },
  },
};
const defaults = { general: { fallback: 'From the default locale', greeting: 'Default greeting' } };

function stateFor(code = 'en', translations: Record<string, unknown> = en): RenderState {
  return defaultRenderState({ locale: { code, translations, defaultTranslations: defaults } });
}

function render(template: string, vars: Record<string, unknown> = {}, state: RenderState = stateFor()): string {
  return liquid.parseAndRenderSync(template, vars, { globals: globalsWithState({}, state) });
}

describe('t / translate lookup', () => {
  it('reads the active locale, then the default locale', () => {
    expect(render("{{ 'general.greeting' | t: name: 'Ada' }}")).toBe('Hello Ada!');
    expect(render("{{ 'general.fallback' | t }}")).toBe('From the default locale');
    expect(render("{{ 'general.fallback' | translate }}")).toBe('From the default locale');
  });

  it("falls back to Shopify's system translations for shopify.* keys", () => {
    expect(render("{{ 'shopify.pagination.next' | t }}")).toBe('Next');
    expect(render("{{ 'shopify.errors.too_short' | t: count: 5 }}")).toBe('is too short (minimum is 5 characters)');
  });

  it('interpolates placeholders with or without spaces', () => {
    expect(render("{{ 'general.spaced' | t: name: 'A', other: 'B' }}")).toBe('Hi A and B');
  });

  it('leaves placeholders without a value in place', () => {
    expect(render("{{ 'general.greeting' | t }}")).toBe('Hello {{ name }}!');
  });
});

describe('t pluralization', () => {
  it('uses zero for 0 when present, then the CLDR category', () => {
    expect(render("{{ 'cart.items' | t: count: 0 }}")).toBe('Your cart is empty');
    expect(render("{{ 'cart.items' | t: count: 1 }}")).toBe('1 item');
    expect(render("{{ 'cart.items' | t: count: 3 }}")).toBe('3 items');
    expect(render("{{ 'cart.lines' | t: count: 0 }}")).toBe('0 lines');
  });

  it('follows the locale rules (French: 0 and 1 are "one")', () => {
    const fr = stateFor('fr', { cart: { lines: { one: '{{ count }} ligne', other: '{{ count }} lignes' } } });
    expect(render("{{ 'cart.lines' | t: count: 0 }}", {}, fr)).toBe('0 ligne');
    expect(render("{{ 'cart.lines' | t: count: 2 }}", {}, fr)).toBe('2 lignes');
  });

  it('uses few/many where the language has them (Polish)', () => {
    const pl = stateFor('pl', {
      items: { one: '{{ count }} produkt', few: '{{ count }} produkty', many: '{{ count }} produktów', other: '{{ count }} produktu' },
    });
    expect(render("{{ 'items' | t: count: 1 }}", {}, pl)).toBe('1 produkt');
    expect(render("{{ 'items' | t: count: 3 }}", {}, pl)).toBe('3 produkty');
    expect(render("{{ 'items' | t: count: 5 }}", {}, pl)).toBe('5 produktów');
  });

  it('a plural tree without count is missing', () => {
    const state = stateFor();
    expect(render("{{ 'cart.items' | t }}", {}, state)).toBe('translation missing: en.cart.items');
  });
});

describe('t escaping', () => {
  it('escapes non-html translations and the values put into them', () => {
    expect(render("{{ 'general.quote' | t }}")).toBe('Don&#39;t &lt;panic&gt; &amp; relax');
    expect(render("{{ 'general.greeting' | t: name: n }}", { n: '<script>x</script>' })).toBe('Hello &lt;script&gt;x&lt;/script&gt;!');
  });

  it('outputs _html keys and keys with an html segment as they are', () => {
    expect(render("{{ 'general.contact_html' | t: email: 'a@b.c' }}")).toBe('Write to <a href="mailto:a@b.c">us</a>');
    expect(render("{{ 'general.html.banner' | t: text: '<em>hi</em>' }}")).toBe('<strong><em>hi</em></strong>');
  });

  it('without arguments prints the same text every time, placeholders left as written', () => {
    const twice = "{{ 'general.quote' | t }}|{{ 'general.quote' | t }}|{{ 'general.contact_html' | t }}|{{ 'general.contact_html' | t }}";
    const expected =
      'Don&#39;t &lt;panic&gt; &amp; relax|Don&#39;t &lt;panic&gt; &amp; relax|Write to <a href="mailto:{{ email }}">us</a>|Write to <a href="mailto:{{ email }}">us</a>';
    expect(render(twice)).toBe(expected);
    expect(render(twice)).toBe(expected);
    expect(
      render("{{ 'general.quote_html' | t }}|{{ 'general.htmlish' | t }}", {}, stateFor('en', { general: { quote_html: '<b>x</b>', htmlish: '<b>x</b>' } })),
    ).toBe('<b>x</b>|&lt;b&gt;x&lt;/b&gt;');
  });
});

describe('missing translations', () => {
  it("renders Shopify's text and records the key in the render state", () => {
    const state = stateFor();
    expect(render("{{ 'general.nope' | t }}|{{ 'general.nope' | t }}|{{ 'x.y' | t }}", {}, state)).toBe(
      'translation missing: en.general.nope|translation missing: en.general.nope|translation missing: en.x.y',
    );
    expect(state.missingTranslations).toEqual(['en.general.nope', 'en.x.y']);
  });

  it('uses the active locale code in the message', () => {
    const state = stateFor('de', {});
    expect(render("{{ 'general.nope' | t }}", {}, state)).toBe('translation missing: de.general.nope');
  });

  it('a blank or nil key is reported as missing, not a crash', () => {
    const state = stateFor();
    expect(render('{{ nothing | t }}', {}, state)).toBe('translation missing: en.');
    expect(state.missingTranslations).toEqual(['en.']);
  });

  it('a found key records nothing', () => {
    const state = stateFor();
    render("{{ 'general.fallback' | t }}", {}, state);
    expect(state.missingTranslations).toBeUndefined();
  });
});
