/**
 * The one translation lookup (Shopify's i18n rule) the Liquid `t` filter, the studio's extension host and the
 * post-purchase extension share. The last block renders the same keys through Liquid's `t` and through the
 * extension lookup: where their rule is the same (text without markup), they must answer the same.
 */
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, pluralForm, translationAt, translationLookup, type TranslationTree } from '@encore/core/translations.ts';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { defaultRenderState, globalsWithState } from '@encore/liquid/state.ts';

const english: TranslationTree = {
  orders: {
    title: 'Your orders',
    count: { zero: 'No orders yet', one: '{{ count }} order', other: '{{ count }} orders' },
    greeting: 'Hello {{name}}, order {{ order.name }}',
    only_english: 'Shown in English',
  },
};
const polish: TranslationTree = {
  orders: {
    title: 'Twoje zamówienia',
    count: { one: '{{ count }} zamówienie', few: '{{ count }} zamówienia', many: '{{ count }} zamówień', other: '{{ count }} zamówienia' },
  },
};

describe('translationAt', () => {
  it('follows a dotted key into nested JSON, own keys only', () => {
    expect(translationAt(english, 'orders.title')).toBe('Your orders');
    expect(translationAt(english, 'orders.count')).toEqual({ zero: 'No orders yet', one: '{{ count }} order', other: '{{ count }} orders' });
    expect(translationAt(english, 'orders.missing')).toBeUndefined();
    expect(translationAt(english, 'orders.title.deeper')).toBeUndefined();
    expect(translationAt(english, 'constructor')).toBeUndefined();
  });
});

describe('pluralForm', () => {
  const forms = { zero: 'none', one: 'one', few: 'few', many: 'many', other: 'other' };
  it('takes zero for 0 when given, else the CLDR category of the language', () => {
    expect(pluralForm(forms, 0, 'en')).toBe('none');
    expect(pluralForm({ one: 'one', other: 'other' }, 0, 'en')).toBe('other');
    expect([1, 2, 5, 22].map((count) => pluralForm(forms, count, 'pl'))).toEqual(['one', 'few', 'many', 'few']);
    expect(pluralForm({ other: 'other' }, 1, 'en')).toBe('other');
  });

  it("reads a locale code Intl does not know with English's rules", () => {
    expect(pluralForm(forms, 1, 'not a locale!')).toBe('one');
  });
});

describe('fillPlaceholders', () => {
  it('fills {{ name }} with or without spaces and leaves unknown names as written', () => {
    const values: Record<string, string> = { name: 'Ada', 'order.name': '#1001' };
    expect(fillPlaceholders('Hi {{name}} / {{  order.name }} / {{ other }}', (name) => values[name])).toBe('Hi Ada / #1001 / {{ other }}');
  });
});

describe('translationLookup', () => {
  const t = translationLookup(polish, english, 'pl');
  it('reads the own locale, then the fallback key by key, and answers undefined for a miss', () => {
    expect(t('orders.title')).toBe('Twoje zamówienia');
    expect(t('orders.only_english')).toBe('Shown in English');
    expect(t('orders.nowhere')).toBeUndefined();
    expect(t('orders.count')).toBeUndefined();
  });

  it("chooses the plural form by the locale's rules and fills count", () => {
    expect([1, 3, 5].map((count) => t('orders.count', { count }))).toEqual(['1 zamówienie', '3 zamówienia', '5 zamówień']);
    expect(translationLookup(english, english, 'en')('orders.count', { count: 0 })).toBe('No orders yet');
  });

  it('fills placeholders from the options, own options only', () => {
    expect(t('orders.greeting', { name: 'Ada', 'order.name': '#1001' })).toBe('Hello Ada, order #1001');
    expect(t('orders.greeting', {})).toBe('Hello {{name}}, order {{ order.name }}');
  });
});

describe("Liquid's t and the extension lookup agree where their rule is the same", () => {
  const liquid = createLiquid();
  const liquidT = (template: string, code: string, translations: TranslationTree) =>
    liquid.parseAndRenderSync(
      template,
      {},
      { globals: globalsWithState({}, defaultRenderState({ locale: { code, translations, defaultTranslations: english } })) },
    );
  const lookup = translationLookup(polish, english, 'pl');

  it.each([
    ['orders.title', {}],
    ['orders.only_english', {}],
    ['orders.count', { count: 0 }],
    ['orders.count', { count: 1 }],
    ['orders.count', { count: 3 }],
    ['orders.count', { count: 25 }],
    ['orders.greeting', { name: 'Ada' }],
  ] as const)('%s %o', (key, options) => {
    const args = Object.entries(options).map(([name, value]) => `${name}: ${JSON.stringify(value)}`);
    const template = `{{ '${key}' | t${args.length ? `: ${args.join(', ')}` : ''} }}`;
    expect(liquidT(template, 'pl', polish)).toBe(lookup(key, options));
  });
});
