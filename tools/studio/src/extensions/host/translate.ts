/**
 * Extension translations as Shopify's host resolves them: nested keys, the active locale first and English key by
 * key after it, `count` choosing the language's CLDR plural form (`zero` for 0 when given), `{{name}}` filled from
 * the options. Pure and browser-safe: the studio's host uses it, and the extension tests read real text through it.
 */
export type TranslationTree = { [key: string]: string | TranslationTree };

/** The text for `key`, or undefined when neither file has it; the caller decides what a miss shows. */
export function translationLookup(own: TranslationTree, english: TranslationTree, locale: string): (key: string, options?: Record<string, unknown>) => string | undefined {
  const rules = new Intl.PluralRules(locale);
  const dig = (tree: TranslationTree, key: string): string | TranslationTree | undefined =>
    key.split('.').reduce<string | TranslationTree | undefined>((node, part) => (node && typeof node === 'object' ? node[part] : undefined), tree);
  return (key, options = {}) => {
    let value = dig(own, key) ?? dig(english, key);
    if (value && typeof value === 'object' && typeof options.count === 'number') {
      const forms = value;
      value = (options.count === 0 && forms.zero) || forms[rules.select(options.count)] || forms.other;
    }
    if (typeof value !== 'string') return undefined;
    return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in options ? String(options[name]) : whole));
  };
}
