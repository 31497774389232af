/**
 * Real translations for extension tests. The tester's `shopify.i18n.translate` returns the key; these
 * read the extension's own `locales/*.json` the way Shopify's host does (nested keys, `{{name}}`
 * placeholders, `count` choosing the CLDR plural form of the language), so a test can assert the text
 * a shopper reads in each language.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { translationLookup, type TranslationTree } from '@encore/core/translations.ts';

/** The extension's translations for `locale`, falling back to its `en.default.json` key by key; a missing key throws. */
export function localeTranslator(extensionDir: string, locale: string): (key: string, options?: Record<string, unknown>) => string {
  const read = (file: string): TranslationTree => JSON.parse(readFileSync(path.join(extensionDir, 'locales', file), 'utf8')) as TranslationTree;
  const english = read('en.default.json');
  const lookup = translationLookup(locale === 'en' ? english : read(`${locale}.json`), english, locale);
  return (key, options) => {
    const text = lookup(key, options);
    if (text === undefined) throw new Error(`no translation for "${key}" in ${path.basename(extensionDir)} (${locale})`);
    return text;
  };
}

/** Locales every extension ships, English first. */
export const EXTENSION_LOCALES = ['en', 'da', 'nb', 'nl', 'th'] as const;
