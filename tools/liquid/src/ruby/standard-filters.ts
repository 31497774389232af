import { Drop, toValue, type Liquid } from 'liquidjs';
import { escapeHtml, HTML_ESCAPES, type FilterThis } from '../filters/html.ts';
import { RubyFloat } from './float.ts';
import { RubyRange } from './ranges.ts';
import { rubyToLiquid } from './to-liquid.ts';
import { isHash, rubyInspect, rubyToS } from './output.ts';
import { RubyLiquidError } from './errors.ts';
import { toRubyNumber, rubyNumber } from './numbers.ts';
import { decimalAdd } from './decimal.ts';

/**
 * Ruby Liquid's standard filters where liquidjs's differ: string filters read
 * their input through Ruby's `to_s` (a hash is `{"a"=>1}`, an array its
 * `inspect`, 0.0 stays "0.0"), array filters through Liquid's InputIterator
 * (arrays flattened, a hash or scalar is a one-element list), `sum` adds in
 * decimal, `slice` wants integers, `where` and `map` read strings and hashes
 * the Ruby way.
 */

type FilterFn = (this: FilterThis, input: unknown, ...args: unknown[]) => unknown;

/**
 * Filters whose Ruby implementation starts with `input.to_s`, wrapped around liquidjs's own. Those the engine
 * writes itself (replace, replace_first, url_encode below; base64_decode in filters/crypto.ts) take `to_s` there.
 */
const STRING_INPUT_FILTERS = [
  'append',
  'prepend',
  'capitalize',
  'downcase',
  'upcase',
  'lstrip',
  'rstrip',
  'strip',
  'strip_newlines',
  'newline_to_br',
  'remove',
  'remove_first',
  'remove_last',
  'replace_last',
  'split',
  'url_decode',
  'base64_encode',
  'squish',
];

/** Ruby's `to_s` of a filter input: like output, except arrays print as `inspect`. */
export function rubyString(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input instanceof RubyRange) return input.toString();
  if (Array.isArray(input)) return rubyInspect(input);
  if (input instanceof Drop && !(input instanceof RubyFloat)) {
    const value = toValue(input);
    if (value !== input) return rubyString(value);
  }
  return rubyToS(input);
}

/** Liquid's InputIterator: arrays flattened, nil empty, anything else (a hash too) one element. */
export function inputList(input: unknown): unknown[] {
  return inputItems(input).map(rubyToLiquid);
}

/** The items before Ruby's InputIterator converts each (`to_liquid`). */
function inputItems(input: unknown): unknown[] {
  const value = input instanceof RubyFloat ? input : toValue(input);
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flat(Infinity);
  // Iterable drops (paginated collections, liquid-spec's SequenceDrop) list their items.
  if (typeof value === 'object' && !isHash(value) && Symbol.iterator in value) {
    return Array.from(value as Iterable<unknown>).flat(Infinity);
  }
  return [value];
}

/** Ruby's Utils.to_integer: Integers and integer strings, else "invalid integer". */
export function strictInteger(input: unknown): number {
  const value = toValue(input);
  if (typeof value === 'number' && Number.isInteger(value) && !(input instanceof RubyFloat)) return value;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  throw new RubyLiquidError('invalid integer');
}

function slice(input: unknown, offset: unknown, length?: unknown): unknown {
  const start = strictInteger(offset);
  const count = length === undefined || length === null ? 1 : strictInteger(length);
  const value = input instanceof RubyFloat ? input : toValue(input);
  // A Range is no Array to Ruby's slice: it slices the range's text (`(1..3) | slice: 1` is ".").
  if (Array.isArray(value) && !(value instanceof RubyRange)) return rubySlice(value, start, count) ?? [];
  return rubySlice(Array.from(rubyString(value)), start, count)?.join('') ?? '';
}

/** Ruby's `slice(start, length)`: negative starts count from the end, out of range is nil. */
function rubySlice<T>(items: T[], start: number, count: number): T[] | undefined {
  const from = start < 0 ? items.length + start : start;
  if (from < 0 || from > items.length || count < 0) return undefined;
  return items.slice(from, from + count);
}

function sum(this: FilterThis, input: unknown, property?: unknown): unknown {
  const items = inputList(input);
  const values = property === undefined || property === null ? items : items.map((item) => propertyOf(item, property));
  let total = 0;
  let float = false;
  for (const value of inputList(values)) {
    const n = toRubyNumber(value);
    float ||= n.float;
    total = float ? decimalAdd(total, n.value) : total + n.value;
  }
  return rubyNumber(total, float);
}

/** `item[property]` as Ruby's filters read it: hash keys, drop methods, a string's substring. */
function propertyOf(item: unknown, property: unknown): unknown {
  const key = String(toValue(property));
  if (typeof item === 'string') return item.includes(key) ? key : undefined;
  if (item instanceof Drop) {
    const value = (item as unknown as Record<string, unknown>)[key];
    if (typeof value === 'function') return (value as () => unknown).call(item);
    return value === undefined ? item.liquidMethodMissing(key, undefined as never) : value;
  }
  if (isHash(item)) return Object.hasOwn(item, key) ? item[key] : undefined;
  if (Array.isArray(item) && /^-?\d+$/.test(key)) return item.at(Number(key));
  return undefined;
}

/**
 * `item[property]` as Ruby answers it for `map`, `where` and `sort`: a value (nil included), or that the item has
 * `[]` but refuses a string (an Integer, an Array: Ruby's TypeError, which the filters turn into "cannot select
 * the property"), or that it has no `[]` at all (nil, a Float, true: NoMethodError).
 */
type Indexed = { value: unknown } | 'refuses' | 'has-no-index';

function indexed(item: unknown, property: unknown): Indexed {
  const key = toValue(property);
  const value = item instanceof RubyFloat ? item : toValue(item);
  if (value === null || value === undefined || typeof value === 'boolean' || value instanceof RubyFloat) return 'has-no-index';
  if (typeof value === 'number')
    return Number.isInteger(value) && typeof key !== 'number' ? 'refuses' : Number.isInteger(value) ? { value: undefined } : 'has-no-index';
  if (Array.isArray(value) && typeof key !== 'number') return 'refuses';
  return { value: propertyOf(item, property) };
}

const cannotSelect = (property: unknown) => new RubyLiquidError(`cannot select the property '${rubyString(property)}'`);

/** The gem 5.4 raises "cannot select the property 'title'" for `list | map: "title"` with a number in the list. */
function map(input: unknown, property: unknown): unknown[] {
  return inputList(input).map((item) => {
    const found = indexed(item, property);
    if (found === 'refuses') throw cannotSelect(property);
    return found === 'has-no-index' ? undefined : found.value;
  });
}

/** An item without `[]` makes the whole answer nil, as Ruby's `where` returns from its NoMethodError. */
function where(input: unknown, property: unknown, target?: unknown): unknown[] | undefined {
  const items = inputList(input);
  const wanted = target === undefined || target === null ? undefined : toValue(target);
  const kept: unknown[] = [];
  for (const item of items) {
    const found = indexed(item, property);
    if (found === 'refuses') throw cannotSelect(property);
    if (found === 'has-no-index') return undefined;
    if (wanted === undefined ? isTruthy(found.value) : looselyEqual(toValue(found.value), wanted)) kept.push(item);
  }
  return kept;
}

function isTruthy(value: unknown): boolean {
  const v = toValue(value);
  return v !== null && v !== undefined && v !== false;
}

function looselyEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return a === b;
}

/**
 * Ruby's own `size` of a string (its characters), a list, a hash (its keys, symbols too) or an Integer (8: its
 * bytes, Integer#size); undefined for anything else. The `size` filter and `x.size` both ask it.
 */
export function rubySizeOf(value: unknown, input: unknown = value): number | undefined {
  if (typeof value === 'string') return Array.from(value).length;
  if (Array.isArray(value)) return value.length;
  if (isHash(value)) return Reflect.ownKeys(value).length;
  if (typeof value === 'number' && Number.isInteger(value) && !(input instanceof RubyFloat)) return 8;
  return undefined;
}

function size(input: unknown): number {
  const value = toValue(input);
  // A drop that is no list, text or hash has a size only if it says so (Ruby's `respond_to?(:size)`), even one
  // standing for a number (liquid-spec's IntegerDrop of 99 has none, where the Integer 99 has 8).
  if (input instanceof Drop && !(input instanceof RubyFloat) && !Array.isArray(value) && typeof value !== 'string' && !isHash(value)) {
    return Number(toValue((input as unknown as { size?: unknown }).size)) || 0;
  }
  // A hash with a `size` of its own stands for a Shopify object that answers it.
  if (isHash(value) && Object.hasOwn(value, 'size')) return Number(value.size) || 0;
  const own = rubySizeOf(value, input);
  if (own !== undefined) return own;
  if (value instanceof Drop) return Number(toValue((value as unknown as { size?: unknown }).size)) || 0;
  return 0;
}

function first(input: unknown): unknown {
  const value = toValue(input);
  if (typeof value === 'string') return Array.from(value)[0];
  if (isHash(value)) return hashPairs(value)[0];
  if (Array.isArray(value)) return value[0];
  return edgeOf(value, 'first');
}

function last(input: unknown): unknown {
  const value = toValue(input);
  if (typeof value === 'string') return Array.from(value).at(-1);
  // Ruby's Hash has `first` but no `last`.
  if (isHash(value)) return undefined;
  if (Array.isArray(value)) return value.at(-1);
  return edgeOf(value, 'last');
}

/** A drop's own `first`/`last`, else the end of what it iterates; a drop that does neither has none (`self | first`). */
function edgeOf(value: unknown, edge: 'first' | 'last'): unknown {
  if (!(value instanceof Drop)) return undefined;
  const own = (value as unknown as Record<string, unknown>)[edge];
  if (own !== undefined) return typeof own === 'function' ? (own as () => unknown).call(value) : own;
  if (!(Symbol.iterator in value)) return undefined;
  const items = inputList(value);
  return edge === 'first' ? items[0] : items.at(-1);
}

function join(input: unknown, glue: unknown = ' '): string {
  return inputList(input).map(rubyToS).join(rubyToS(glue));
}

function replace(input: unknown, search: unknown, replacement: unknown = ''): string {
  return substitute(rubyString(input), rubyString(search), rubyString(replacement), Infinity);
}

function replaceFirst(input: unknown, search: unknown, replacement: unknown = ''): string {
  return substitute(rubyString(input), rubyString(search), rubyString(replacement), 1);
}

/**
 * Ruby's `gsub` (and `sub`, for one) with a string pattern: `''` matches before each character and at the end, and
 * the replacement's backslash sequences mean what they mean to Ruby: `\0` and `\&` the match, `` \` `` what
 * precedes it, `\'` what follows, `\\` one backslash, `\1`…`\9` nothing (a string pattern has no groups); any
 * other backslash stays. The gem 5.4 prints `he[l][l]o` for `"hello" | replace: "l", "[\&]"`.
 */
function substitute(text: string, pattern: string, replacement: string, limit: number): string {
  let out = '';
  let from = 0;
  for (let done = 0; done < limit; done++) {
    const at = text.indexOf(pattern, from);
    if (at === -1 || at > text.length) break;
    out += text.slice(from, at) + expand(replacement, pattern, text.slice(0, at), text.slice(at + pattern.length));
    if (pattern === '') {
      // An empty match: keep the next character and look again after it.
      const next = at < text.length ? String.fromCodePoint(text.codePointAt(at)!) : '';
      out += next;
      from = at + next.length;
      if (next === '') return out;
    } else {
      from = at + pattern.length;
    }
  }
  return out + text.slice(from);
}

function expand(replacement: string, match: string, before: string, after: string): string {
  if (!replacement.includes('\\')) return replacement;
  return replacement.replace(/\\([0-9&`'\\])/g, (_sequence, code: string) => {
    if (code === '0' || code === '&') return match;
    if (code === '`') return before;
    if (code === "'") return after;
    if (code === '\\') return '\\';
    return '';
  });
}

/**
 * Ruby's strip_html: `<script>`, `<style>` blocks and comments first, then every tag, each shortest match (the gem
 * 5.4 gives `foo;` for `<<<script </script>script>foo;</script>`).
 */
function stripHtml(input: unknown): string {
  return rubyString(input)
    .replace(/<script[\s\S]*?<\/script>|<!--[\s\S]*?-->|<style[\s\S]*?<\/style>/g, '')
    .replace(/<[\s\S]*?>/g, '');
}

/**
 * Ruby's truncate: the length through Utils.to_integer (an Integer or integer text; nil, 2.5 and "x" are
 * "invalid integer"), counted in characters, the ellipsis inside it. The gem 5.4 prints
 * `Liquid error (line 1): invalid integer|...|Liquid error (line 1): invalid integer` for
 * `{{ "x" | truncate: nil }}|{{ "abcdef" | truncate: "3" }}|{{ "abcdef" | truncate: 2.5 }}`.
 */
function truncate(input: unknown, length: unknown = 50, ellipsis: unknown = '...'): unknown {
  if (toValue(input) === null || toValue(input) === undefined) return undefined;
  const characters = Array.from(rubyString(input));
  const limit = strictInteger(length);
  const tail = rubyString(ellipsis);
  if (characters.length <= limit) return characters.join('');
  return characters.slice(0, Math.max(limit - Array.from(tail).length, 0)).join('') + tail;
}

function truncatewords(input: unknown, words: unknown = 15, ellipsis: unknown = '...'): unknown {
  if (toValue(input) === null || toValue(input) === undefined) return undefined;
  const text = rubyString(input);
  const limit = Math.max(strictInteger(words), 1);
  // Ruby's split(" ") breaks on ASCII whitespace only: a no-break space stays inside its word.
  const list = text.split(/[ \t\n\v\f\r]+/).filter((w) => w !== '');
  if (list.length <= limit) return text;
  return list.slice(0, limit).join(' ') + rubyString(ellipsis);
}

/** Liquid's sort: numbers with numbers, strings with strings, nil last; anything else cannot be sorted. */
/**
 * By a property, Ruby sorts only when every item has `[]`, and answers nil otherwise; an item that refuses the
 * property fails only once it is compared, so a list of one is answered as it is (the gem 5.4: `7 | sort: "p"` is 7).
 */
function sort(input: unknown, property?: unknown): unknown[] | undefined {
  const items = inputList(input);
  if (property === undefined || property === null) return [...items].sort((a, b) => compare(toValue(a), toValue(b)));
  const found = items.map((item) => indexed(item, property));
  if (found.includes('has-no-index')) return undefined;
  if (items.length < 2) return [...items];
  if (found.includes('refuses')) throw cannotSelect(property);
  const keys = new Map(items.map((item, index) => [item, toValue((found[index] as { value: unknown }).value)]));
  return [...items].sort((a, b) => compare(keys.get(a), keys.get(b)));
}

function compare(a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new RubyLiquidError('cannot sort values of incompatible types');
}

function hashPairs(hash: Record<PropertyKey, unknown>): [PropertyKey, unknown][] {
  return Reflect.ownKeys(hash).map((key) => [key, hash[key]]);
}

function reverse(input: unknown): unknown[] {
  return [...inputList(input)].reverse();
}

function compact(input: unknown, property?: unknown): unknown[] {
  const items = inputList(input);
  if (property === undefined || property === null) return items.filter((item) => toValue(item) != null);
  return items.filter((item) => toValue(propertyOf(item, property)) != null);
}

/** Ruby's uniq compares by value (`eql?`), so equal hashes collapse; inspect text is that value's key. */
function uniq(input: unknown, property?: unknown): unknown[] {
  const seen = new Set<string>();
  return inputList(input).filter((item) => {
    const key = rubyInspect(toValue(property === undefined || property === null ? item : propertyOf(item, property)));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** nil, false and empty strings, arrays and hashes take the default (false is kept with `allow_false: true`). */
function rubyDefault(input: unknown, fallback: unknown = '', ...options: unknown[]): unknown {
  const value = input instanceof RubyFloat ? input : toValue(input);
  const allowFalse = options.some((option) => Array.isArray(option) && option[0] === 'allow_false' && isTruthy(option[1]));
  if (value === false) return allowFalse ? value : fallback;
  if (value === null || value === undefined || value === '') return fallback;
  if (Array.isArray(value) && value.length === 0) return fallback;
  if (isHash(value) && Reflect.ownKeys(value).length === 0) return fallback;
  return value;
}

/** Ruby's CGI.escapeHTML. */
function escape(input: unknown): unknown {
  if (input === null || input === undefined) return input;
  return escapeHtml(rubyString(input));
}

/** Escapes, leaving existing entities (`&amp;`, `&#39;`) alone. */
function escapeOnce(input: unknown): string {
  return rubyString(input).replace(/["'<>]|&(?!(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)/g, (ch) => HTML_ESCAPES[ch]);
}

/** Wraps liquidjs's own implementation so it receives Ruby's `to_s` of the input. */
/** Filters whose string arguments Ruby also takes with `to_s` (`append: 1.0` appends "1.0"). */
const STRING_ARGUMENT_FILTERS = new Set(['append', 'prepend', 'remove', 'remove_first', 'remove_last', 'replace_last', 'split']);

function withStringInput(original: FilterFn, name: string): FilterFn {
  const stringArguments = STRING_ARGUMENT_FILTERS.has(name);
  return function (this: FilterThis, input: unknown, ...args: unknown[]) {
    // A Float argument would reach liquidjs as a plain number and lose its `.0`.
    const given = stringArguments ? args.map((arg) => (arg instanceof RubyFloat ? rubyString(arg) : arg)) : args;
    return original.call(this, rubyString(input), ...given);
  };
}

/**
 * Ruby's CGI.escape: letters, digits and `_.-~` stay, a space is `+`, every other byte is `%XX`, `!'()*` too
 * (encodeURIComponent leaves them). The gem 5.4 prints `a%21b%27c%28d%29e%2Af~g` for `a!b'c(d)e*f~g`.
 */
function urlEncode(input: unknown): string | undefined {
  if (input === null || input === undefined) return undefined;
  return encodeURIComponent(rubyString(input))
    .replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Ruby's concat: the input's items (a Float stays one) and the argument's, which must be a list. */
function concat(input: unknown, list: unknown): unknown[] {
  const items = toValue(list);
  if (!Array.isArray(items)) throw new RubyLiquidError('concat filter requires an array argument');
  return [...inputList(input), ...items];
}

export function registerRubyStandardFilters(liquid: Liquid): void {
  const filters = liquid.filters as unknown as Record<string, FilterFn>;
  // liquidjs's sort_natural takes the input's value, and a Float input would lose its `.0`; its items keep it.
  const sortNatural = filters.sort_natural!;
  for (const name of STRING_INPUT_FILTERS) {
    if (typeof filters[name] === 'function') liquid.registerFilter(name, withStringInput(filters[name], name));
  }
  const own: Record<string, FilterFn> = {
    slice,
    sum,
    map,
    where,
    size,
    first,
    last,
    join,
    replace,
    replace_first: replaceFirst,
    concat,
    url_encode: urlEncode,
    sort_natural(this: FilterThis, input: unknown, ...args: unknown[]) {
      return sortNatural.call(this, inputList(input), ...args);
    },
    strip_html: stripHtml,
    truncate,
    truncatewords,
    sort,
    reverse,
    compact,
    uniq,
    default: rubyDefault,
    escape,
    h: escape,
    escape_once: escapeOnce,
  };
  for (const [name, fn] of Object.entries(own)) liquid.registerFilter(name, fn);
}
