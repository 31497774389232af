/**
 * Looking up a translation the way Shopify's i18n does, for theme locales and UI extension locales alike:
 * a dotted key into nested JSON (`orders.status.shipped`), `{{ name }}` placeholders filled from the
 * options, and a `count` option choosing the language's CLDR plural form (Intl.PluralRules), with `zero`
 * for 0 wherever the translation gives one.
 * https://shopify.dev/docs/storefronts/themes/architecture/locales/storefront-locale-files (interpolation, pluralization)
 * https://shopify.dev/docs/apps/build/customer-accounts/localization (pluralization in UI extensions)
 *
 * The Liquid engine's `t` filter, the studio's extension host and the post-purchase extension (which has no
 * translate API of its own) all read translations through these.
 */

export type TranslationTree = { [key: string]: string | TranslationTree };

/** Options a translation is given: placeholder values, and `count` for the plural form. */
export type TranslationOptions = Readonly<Record<string, unknown>>;

/** The value at a dotted key (a text, or a tree of plural forms or deeper keys); undefined when absent. */
export function translationAt(tree: unknown, key: string): unknown {
  let node: unknown = tree;
  for (const segment of key.split('.')) {
    // Own keys only: "constructor" is not a translation every tree has.
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The plural rules of `locale`, or English's when the code is not one Intl knows. */
function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    pluralRules.set(locale, rules);
  }
  return rules;
}

/**
 * The plural form of `forms` for `count`: `zero` for 0 when the translation has one (as Shopify allows in
 * every language), else the locale's CLDR category, falling back to `other`.
 */
export function pluralForm(forms: Readonly<Record<string, unknown>>, count: number, locale: string): unknown {
  if (count === 0 && typeof forms.zero === 'string') return forms.zero;
  return forms[rulesFor(locale).select(count)] ?? forms.other;
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** `text` with each `{{ name }}` that `value` answers for filled in; the others are left as written. */
export function fillPlaceholders(text: string, value: (name: string) => string | undefined): string {
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => value(name) ?? whole);
}

/**
 * A lookup in `own`, then key by key in `fallback` (the default locale): the text for `key` with `options`
 * filled in, or undefined when neither has a text there; the caller decides what a miss shows.
 */
export function translationLookup(
  own: TranslationTree,
  fallback: TranslationTree,
  locale: string,
): (key: string, options?: TranslationOptions) => string | undefined {
  return (key, options = {}) => {
    let value = translationAt(own, key) ?? translationAt(fallback, key);
    if (value !== null && typeof value === 'object' && typeof options.count === 'number') {
      value = pluralForm(value as Record<string, unknown>, options.count, locale);
    }
    if (typeof value !== 'string') return undefined;
    return fillPlaceholders(value, (name) => (Object.hasOwn(options, name) ? String(options[name]) : undefined));
  };
}
