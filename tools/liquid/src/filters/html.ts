import { Drop, type Context } from 'liquidjs';

/**
 * Small helpers shared by the HTML-producing filters: escaping, attribute
 * building, reading Shopify attributes from plain objects or Drops, and
 * splitting liquidjs filter arguments into positional and keyword ones.
 */

export const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes for attribute values and text, like Ruby's `CGI.escapeHTML` (which Shopify uses): `'` becomes `&#39;`. */
export function escapeHtml(value: unknown): string {
  const text = str(value);
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]) : text;
}

/** What liquidjs binds `this` to in a filter (its FilterImpl, which the package does not export). */
export interface FilterThis {
  context: Context;
}

/** Escapes element text where an apostrophe is harmless (Shopify leaves `'` alone in link text). */
export function escapeText(value: unknown): string {
  return str(value).replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]);
}

/** A Liquid value as a string: nil is empty, Drops go through their `valueOf`. */
export function str(value: unknown): string {
  const v = plain(value);
  if (v === null || v === undefined) return '';
  return String(v);
}

/** Unwraps `toLiquid()` and Drop `valueOf()` the way liquidjs does before printing a value. */
export function plain(value: unknown): unknown {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toLiquid?: unknown }).toLiquid === 'function') {
    v = (v as { toLiquid(): unknown }).toLiquid();
  }
  if (v instanceof Drop && typeof (v as { valueOf?: unknown }).valueOf === 'function') {
    const inner = (v as { valueOf(): unknown }).valueOf();
    if (inner !== v) return inner;
  }
  return v;
}

export function isBlank(value: unknown): boolean {
  const v = plain(value);
  return v === null || v === undefined || v === false || (typeof v === 'string' && v.trim() === '');
}

/**
 * Reads a Shopify attribute from a plain object or a liquidjs Drop (property,
 * getter, zero-argument method, or `liquidMethodMissing`).
 */
export function prop(obj: unknown, key: string, ctx?: Context): unknown {
  let o = obj;
  if (o !== null && typeof o === 'object' && typeof (o as { toLiquid?: unknown }).toLiquid === 'function') {
    o = (o as { toLiquid(): unknown }).toLiquid();
  }
  if (o === null || o === undefined || typeof o !== 'object') return undefined;
  let value: unknown;
  if (o instanceof Drop) {
    value = (o as unknown as Record<string, unknown>)[key];
    if (value === undefined) value = o.liquidMethodMissing(key, ctx as Context);
  } else if (Object.prototype.hasOwnProperty.call(o, key) || o instanceof Map) {
    value = o instanceof Map ? o.get(key) : (o as Record<string, unknown>)[key];
  } else {
    return undefined;
  }
  if (typeof value === 'function') value = (value as () => unknown).call(o);
  return value;
}

/** A numeric attribute or argument, or undefined when absent or not a number. */
export function num(value: unknown): number | undefined {
  const v = plain(value);
  if (v === null || v === undefined || v === '' || typeof v === 'boolean') return undefined;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  return Number.isFinite(n) ? n : undefined;
}

export interface FilterArgs {
  positional: unknown[];
  /** Keyword arguments in the order they were written (liquidjs passes them as `[key, value]` pairs). */
  named: Array<[string, unknown]>;
}

/**
 * liquidjs passes `name: value` arguments as `[name, value]` pairs (orderedFilterParameters),
 * untagged: a positional two-element array whose first item is a string looks the same.
 * Shopify's filters take strings and numbers positionally, so the ambiguity does not arise.
 */
export function isKeywordArg(arg: unknown): arg is [string, unknown] {
  return Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string';
}

export function splitArgs(args: unknown[]): FilterArgs {
  const positional: unknown[] = [];
  const named: Array<[string, unknown]> = [];
  for (const arg of args) {
    if (isKeywordArg(arg)) named.push([arg[0], arg[1]]);
    else positional.push(arg);
  }
  return { positional, named };
}

export function namedValue(named: Array<[string, unknown]>, key: string): unknown {
  for (let i = named.length - 1; i >= 0; i--) if (named[i][0] === key) return named[i][1];
  return undefined;
}

export function hasNamed(named: Array<[string, unknown]>, key: string): boolean {
  return named.some(([k]) => k === key);
}

/**
 * Renders ` key="value"` pairs. Null/undefined values are skipped; `true`
 * renders as `key="key"` (Shopify's boolean attribute form), `false` is skipped.
 */
export function attributes(pairs: Array<[string, unknown]>): string {
  let out = '';
  for (const [key, raw] of pairs) {
    const value = plain(raw);
    if (value === null || value === undefined || value === false) continue;
    if (!/^[A-Za-z_:][-A-Za-z0-9_:.]*$/.test(key)) throw new Error(`invalid HTML attribute name "${key}"`);
    out += ` ${key}="${escapeHtml(value === true ? key : value)}"`;
  }
  return out;
}

/** A Liquid filter error with the filter's name in front, like Shopify's `Liquid error: …`. */
export function filterError(filter: string, message: string): Error {
  return new Error(`${filter}: ${message}`);
}
