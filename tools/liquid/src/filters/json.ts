import type { Liquid } from 'liquidjs';
import { Drop } from 'liquidjs';
import { renderState } from '../state.ts';
import { inZone, strftime } from './date.ts';
import type { FilterThis } from './html.ts';

/*
 * Shopify's `json` filter: Rails' JSON encoding. Unlike liquidjs' JSON.stringify:
 * `<`, `>`, `&` and the line/paragraph separators are escaped as \u003c, \u003e,
 * \u0026, \u2028, \u2029 (so the output is safe inside a <script> tag), times
 * print as ISO 8601 in the shop's time zone, Ruby Floats keep their ".0", and
 * nil is `null`.
 */

const UNSAFE = /[<>&\u2028\u2029]/g;
const UNSAFE_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

function jsonString(text: string): string {
  const out = JSON.stringify(text);
  return UNSAFE.test(out) ? out.replace(UNSAFE, (c) => UNSAFE_ESCAPES[c]) : out;
}

function hasOwnToString(value: object): boolean {
  return value.toString !== Object.prototype.toString;
}

interface Encoder {
  zone: string;
  seen: Set<object>;
}

function encode(value: unknown, enc: Encoder): string | undefined {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'function':
    case 'symbol':
      return undefined;
  }
  const obj = value as object;
  if (obj instanceof Date) {
    const ms = obj.getTime();
    return Number.isNaN(ms) ? 'null' : jsonString(strftime(inZone(ms, enc.zone), '%Y-%m-%dT%H:%M:%S%:z'));
  }
  if (enc.seen.has(obj)) throw new Error('json filter: the value contains a circular reference');
  enc.seen.add(obj);
  try {
    if (obj instanceof Drop) {
      const inner = obj.valueOf();
      // A boxed number that prints itself (Ruby Float 1.0) keeps its text.
      if (typeof inner === 'number' && Number.isFinite(inner) && hasOwnToString(obj)) return obj.toString();
      const drop = obj as unknown as { toJSON?: () => unknown };
      if (typeof drop.toJSON === 'function') return encode(drop.toJSON(), enc);
      if (inner !== obj) return encode(inner, enc);
    } else if (typeof (obj as { toJSON?: unknown }).toJSON === 'function') {
      return encode((obj as { toJSON(): unknown }).toJSON(), enc);
    }
    if (Array.isArray(obj)) return `[${obj.map((item) => encode(item, enc) ?? 'null').join(',')}]`;
    if (obj instanceof Map) return encode(Object.fromEntries(obj), enc);
    const parts: string[] = [];
    for (const key of Object.keys(obj)) {
      const item = encode((obj as Record<string, unknown>)[key], enc);
      if (item !== undefined) parts.push(`${jsonString(key)}:${item}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    enc.seen.delete(obj);
  }
}

/** JSON text for `value` as Shopify's `json` filter prints it; `zone` is the shop's IANA time zone. */
export function toShopifyJson(value: unknown, zone = 'UTC'): string {
  return encode(value, { zone, seen: new Set() }) ?? 'null';
}

/** `{{ product | json }}`, `{{ 'a <b>' | json }}` → `"a \u003cb\u003e"`. */
export function json(this: FilterThis, value: unknown): string {
  const out = toShopifyJson(value, renderState(this.context).shop.timezone || 'UTC');
  this.context.memoryLimit?.use(out.length);
  return out;
}

export function registerJsonFilters(liquid: Liquid): void {
  liquid.registerFilter('json', json);
}
