/**
 * Compares a translated locale file with its English original: same keys, the same `{{ placeholders }}` in
 * each string, and in each plural exactly the CLDR forms the language has (Danish one/other, Thai only other).
 * Shared by the theme's and the extensions' locale tests.
 */
import { readFileSync } from 'node:fs';

const PLURAL_KEYS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

export type Tree = { [key: string]: string | Tree };

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const isPlural = (node: Tree) => Object.keys(node).every((key) => PLURAL_KEYS.has(key));

/** Every way `translated` differs from the English `english` tree, as "path: problem" lines. */
export function differences(english: string | Tree, translated: string | Tree | undefined, code: string, path: string): string[] {
  if (typeof english === 'string') {
    if (typeof translated !== 'string') return [`${path}: missing`];
    const want = placeholders(english).join(', ');
    const got = placeholders(translated).join(', ');
    return want === got ? [] : [`${path}: placeholders ${got || 'none'}, English has ${want || 'none'}`];
  }
  if (translated === undefined || typeof translated === 'string') return [`${path}: missing`];
  if (isPlural(english)) {
    // Each language has its own plural categories (Danish one/other, Thai only other), as CLDR defines them.
    const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
    const forms = Object.keys(translated).sort().join(', ');
    const problems = forms === [...categories].sort().join(', ') ? [] : [`${path}: plural forms ${forms}, ${code} needs ${[...categories].sort().join(', ')}`];
    return [...problems, ...Object.keys(translated).flatMap((form) => differences(english[form] ?? english.other, translated[form], code, `${path}.${form}`))];
  }
  return [
    ...Object.keys(english).flatMap((key) => differences(english[key], translated[key], code, `${path}.${key}`)),
    ...Object.keys(translated)
      .filter((key) => !Object.hasOwn(english, key))
      .map((key) => `${path}.${key}: not in English`),
  ];
}

/** A locale file, parsed. */
export const readLocale = (file: string): Tree => JSON.parse(readFileSync(file, 'utf8')) as Tree;
