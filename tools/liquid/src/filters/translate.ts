import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Liquid } from 'liquidjs';
import { toValue } from 'liquidjs';
import { renderState, type RenderState } from '../state.ts';
import { toText } from './strings.ts';
import { escapeHtml, splitArgs, type FilterThis } from './html.ts';
import { fillPlaceholders, pluralForm, translationAt } from '@encore/core/translations.ts';

/*
 * Shopify's `t` (`translate`) filter.
 *
 * Lookup order: the active locale file, the theme's default locale file, then
 * Shopify's own `shopify.*` system translations. The rule shared with the UI
 * extensions' i18n is the core's (@encore/core/translations.ts): dotted keys,
 * `count:` picking a CLDR plural form, other keyword arguments filling
 * `{{ name }}` placeholders. What only Liquid's `t` does stays here, because
 * it is about HTML output and Shopify's own strings, which an extension never
 * sees: keys ending in `_html` (or with an `html` segment) are output as they
 * are, all other translations are HTML-escaped after interpolation (so neither
 * the merchant's text nor the interpolated values can inject markup), values
 * print as Liquid prints them, and system translations also take `%{name}`.
 */

type SystemTranslations = Record<string, string>;
let system: SystemTranslations | undefined;

/** Shopify's `shopify.*` system translations (English), from the pinned theme-check docs data. */
export function systemTranslations(): SystemTranslations {
  if (!system) {
    try {
      const require = createRequire(import.meta.url);
      const file = require.resolve('@shopify/theme-check-docs-updater/data/shopify_system_translations.json');
      system = JSON.parse(readFileSync(file, 'utf8')) as SystemTranslations;
    } catch {
      system = {};
    }
  }
  return system;
}

const PLURAL_KEYS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** A system translation: a flat string, or the plural forms stored under `<key>.one` etc. */
function systemLookup(key: string): unknown {
  const table = systemTranslations();
  if (Object.hasOwn(table, key)) return table[key];
  let forms: Record<string, string> | undefined;
  for (const form of PLURAL_KEYS) {
    const k = `${key}.${form}`;
    if (Object.hasOwn(table, k)) (forms ??= {})[form] = table[k];
  }
  return forms;
}

export interface FoundTranslation {
  value: unknown;
  /** From Shopify's system translations, which use `%{name}` placeholders too. */
  system: boolean;
  /** Found only in the theme's default locale file: the page shows it untranslated. */
  fallback: boolean;
  /** What `t` prints for this key without arguments, kept once computed: most calls have none. */
  plain?: string;
}

/** Found translations by locale file: the theme keeps one parsed file per version, so keys are looked up once. */
const found = new WeakMap<object, WeakMap<object, Map<string, FoundTranslation | undefined>>>();

export function findTranslation(state: RenderState, key: string): FoundTranslation | undefined {
  const { translations, defaultTranslations } = state.locale;
  let byDefault = found.get(translations);
  if (!byDefault) found.set(translations, (byDefault = new WeakMap()));
  let byKey = byDefault.get(defaultTranslations);
  if (!byKey) byDefault.set(defaultTranslations, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key);
  const result = searchTranslation(state, key);
  byKey.set(key, result);
  return result;
}

function searchTranslation(state: RenderState, key: string): FoundTranslation | undefined {
  const { translations, defaultTranslations } = state.locale;
  const own = translationAt(translations, key);
  if (own !== undefined && own !== null) return { value: own, system: false, fallback: false };
  if (defaultTranslations !== translations) {
    const value = translationAt(defaultTranslations, key);
    if (value !== undefined && value !== null) return { value, system: false, fallback: true };
  }
  if (key.startsWith('shopify.')) {
    const value = systemLookup(key);
    if (value !== undefined) return { value, system: true, fallback: false };
  }
  return undefined;
}

/** The translation at `key` (string or plural tree), or undefined. */
export function lookupTranslation(state: RenderState, key: string): unknown {
  return findTranslation(state, key)?.value;
}

/** Notes a missing key in `state.missingTranslations` ("en.some.key"), once. */
export function recordMissingTranslation(state: RenderState, key: string): void {
  const full = `${state.locale.code}.${key}`;
  const list = (state.missingTranslations ??= []);
  if (!list.includes(full)) list.push(full);
}

/** Notes a key shown in the default locale's words in `state.untranslated` ("da.some.key"), once. */
export function recordUntranslated(state: RenderState, key: string): void {
  const full = `${state.locale.code}.${key}`;
  const list = (state.untranslated ??= []);
  if (!list.includes(full)) list.push(full);
}

/** Shopify's text for a key it cannot find: `translation missing: en.some.key`. */
export function missingTranslationText(state: RenderState, key: string): string {
  return `translation missing: ${escapeHtml(state.locale.code)}.${escapeHtml(key)}`;
}

/** True for keys whose translation is HTML: `…_html`, or a segment named `html`. */
export function isHtmlKey(key: string): boolean {
  return key.endsWith('_html') || HTML_SEGMENT.test(key);
}

const HTML_SEGMENT = /(?:^|\.)html(?:\.|$)/;

const SYSTEM_PLACEHOLDER = /%\{(\w+)\}/g;

function interpolate(text: string, vars: Map<string, unknown>, system: boolean): string {
  const value = (name: string) => (vars.has(name) ? toText(vars.get(name)) : undefined);
  let out = fillPlaceholders(text, value);
  if (system && out.includes('%{')) out = out.replace(SYSTEM_PLACEHOLDER, (match, name: string) => value(name) ?? match);
  return out;
}

/**
 * `{{ 'products.product.add_to_cart' | t }}`,
 * `{{ 'cart.items' | t: count: cart.item_count }}`,
 * `{{ 'general.greeting' | t: name: customer.first_name }}`.
 * A missing key (or a blank one) renders `translation missing: <locale>.<key>` and is
 * recorded in the render state's `missingTranslations`.
 */
export function translate(this: FilterThis, input: unknown, ...args: unknown[]): string {
  const state = renderState(this.context);
  const key = toText(input).trim();
  if (!key) {
    recordMissingTranslation(state, '');
    return missingTranslationText(state, '');
  }
  const found = findTranslation(state, key);
  if (found?.fallback) recordUntranslated(state, key);
  if (args.length === 0 && found && typeof found.value === 'string') {
    // Without arguments no placeholder is filled, so the text is the same on every call.
    return (found.plain ??= isHtmlKey(key) ? found.value : escapeHtml(found.value));
  }
  const named = new Map(splitArgs(args).named);
  let value = found?.value;
  if (value !== null && typeof value === 'object' && named.has('count')) {
    const count = Number(toValue(named.get('count')));
    if (Number.isFinite(count)) value = pluralForm(value as Record<string, unknown>, count, state.locale.code);
  }
  if (typeof value !== 'string') {
    recordMissingTranslation(state, key);
    return missingTranslationText(state, key);
  }
  const text = interpolate(value, named, found?.system ?? false);
  return isHtmlKey(key) ? text : escapeHtml(text);
}

export function registerTranslateFilters(liquid: Liquid): void {
  liquid.registerFilter('t', translate);
  liquid.registerFilter('translate', translate);
}
