/**
 * Real translations for extension tests. The tester's `shopify.i18n.translate` returns the key; these
 * read the extension's own `locales/*.json` the way Shopify's host does (nested keys, `{{name}}`
 * placeholders, `count` choosing the CLDR plural form of the language), so a test can assert the text
 * a shopper reads in each language.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Tree = { [key: string]: string | Tree };

const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The extension's translations for `locale`, falling back to its `en.default.json` key by key. */
export function localeTranslator(extensionDir: string, locale: string): (key: string, options?: Record<string, unknown>) => string {
  const read = (file: string): Tree => JSON.parse(readFileSync(path.join(extensionDir, 'locales', file), 'utf8')) as Tree;
  const english = read('en.default.json');
  const own = locale === 'en' ? english : read(`${locale}.json`);
  const rules = new Intl.PluralRules(locale);
  const dig = (tree: Tree, key: string): string | Tree | undefined =>
    key.split('.').reduce<string | Tree | undefined>((node, part) => (node && typeof node === 'object' ? node[part] : undefined), tree);
  return (key, options = {}) => {
    let value = dig(own, key) ?? dig(english, key);
    if (value && typeof value === 'object' && typeof options.count === 'number') {
      const forms = value;
      value = (options.count === 0 && forms.zero) || forms[rules.select(options.count)] || forms.other;
    }
    if (typeof value !== 'string') throw new Error(`no translation for "${key}" in ${path.basename(extensionDir)} (${locale})`);
    return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in options ? String(options[name]) : whole));
  };
}

/** Locales every extension ships, English first. */
export const EXTENSION_LOCALES = ['en', 'da', 'nb', 'nl', 'th'] as const;

export { PLURAL_FORMS };
