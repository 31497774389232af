import type { Liquid } from 'liquidjs';
import { Drop, toValue } from 'liquidjs';
import type { FilterThis } from './html.ts';

/* ------------------------------------------------------------------------ */
/* Helpers shared by the filter modules of this folder                      */
/* ------------------------------------------------------------------------ */

/** The text Liquid prints for a value: nil is empty, arrays are concatenated, drops are unwrapped. */
export function toText(value: unknown): string {
  // Drops that print themselves (a Ruby Float 1.0 prints "1.0", not "1").
  if (value instanceof Drop && value.toString !== Object.prototype.toString) return value.toString();
  const v = toValue(value);
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(toText).join('');
  return String(v);
}

/* ------------------------------------------------------------------------ */
/* String filters                                                           */
/* ------------------------------------------------------------------------ */

/**
 * `{{ count | pluralize: 'item', 'items' }}`: the singular when the number is 1,
 * the plural otherwise (English rule, as Shopify documents).
 */
export function pluralize(this: FilterThis, input: unknown, singular: unknown, plural: unknown): string {
  const n = Number(toValue(input));
  return n === 1 ? toText(singular) : toText(plural);
}

/**
 * A handle: lowercase, quotes and apostrophes dropped, every run of other characters
 * that are not letters, digits or underscores becomes one hyphen, no hyphen at
 * either end. `'100% M & Ms!!!'` → `100-m-ms`, `"Men's T-Shirt"` → `mens-t-shirt`.
 * Underscores stay, as Shopify's word-character rule keeps them (`a_b` → `a_b`).
 */
export function handleize(this: FilterThis, input: unknown): string {
  return handleOf(toText(input));
}

/** `handleize` on text, for the drops that derive a handle from a title (a menu item's `link.handle`). */
export function handleOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/['"’‘`]/g, '')
    .replace(/[^\p{L}\p{N}_]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** `'variable-name' | camelize` → `VariableName`: words split on hyphens, underscores and spaces. */
export function camelize(this: FilterThis, input: unknown): string {
  return toText(input)
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** Characters Ruby's `URI.escape` leaves alone (RFC 2396 unreserved and reserved). */
const URL_SAFE = /[-_.!~*'()a-zA-Z0-9;/?:@&=+$,[\]]/;
const URL_PARAM_SAFE = /[-_.!~*'()a-zA-Z0-9;/?:@=+$,[\]]/;

function percentEncode(text: string, safe: RegExp): string {
  let out = '';
  for (const ch of text) {
    if (ch.length === 1 && safe.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of Buffer.from(ch, 'utf8')) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** `'<p>Health & Love potions</p>' | url_escape` → `%3Cp%3EHealth%20&%20Love%20potions%3C/p%3E`. */
export function url_escape(this: FilterThis, input: unknown): string {
  return percentEncode(toText(input), URL_SAFE);
}

/** Like `url_escape`, and `&` too: `%3Cp%3EHealth%20%26%20Love%20potions%3C/p%3E`. */
export function url_param_escape(this: FilterThis, input: unknown): string {
  return percentEncode(toText(input), URL_PARAM_SAFE);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Wraps every case-insensitive occurrence of each search term in
 * `<strong class="highlight">…</strong>`. The input is HTML (a description), so
 * only text outside tags is searched; the wrapped text is the input's own.
 */
export function highlight(this: FilterThis, input: unknown, terms: unknown): string {
  const text = toText(input);
  const words = toText(terms).trim().split(/\s+/).filter(Boolean);
  if (!words.length || !text) return text;
  const pattern = new RegExp(
    words
      .map(escapeRegExp)
      .sort((a, b) => b.length - a.length)
      .join('|'),
    'giu',
  );
  return text
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : part.replace(pattern, '<strong class="highlight">$&</strong>')))
    .join('');
}

export function registerStringFilters(liquid: Liquid): void {
  liquid.registerFilter('pluralize', pluralize);
  liquid.registerFilter('handleize', handleize);
  liquid.registerFilter('handle', handleize);
  liquid.registerFilter('camelize', camelize);
  liquid.registerFilter('camelcase', camelize);
  liquid.registerFilter('url_escape', url_escape);
  liquid.registerFilter('url_param_escape', url_param_escape);
  liquid.registerFilter('highlight', highlight);
}
