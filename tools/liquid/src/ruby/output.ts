import { Drop, Output, toValue, toValueSync, type Context, type Emitter, type Filter, type Liquid, type Template } from 'liquidjs';
import { fastenFilter, operandOf, readOperand, strict } from './sync-reads.ts';
import { RubyFloat, formatRubyFloat } from './float.ts';
import { RubyRange } from './ranges.ts';

/**
 * How `{{ value }}` prints in Ruby Liquid (`to_s`): nil is empty, Floats keep
 * their ".0", arrays print their elements back to back, hashes print as Ruby's
 * `inspect` (`{"a"=>1}`), drops print through their own to_s.
 */
export function rubyToS(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return String(value);
  if (value instanceof RubyFloat || value instanceof RubyRange) return value.toString();
  if (Array.isArray(value)) return value.map(rubyToS).join('');
  if (value instanceof Drop) return dropToS(value);
  if (typeof value === 'symbol') return value.description ?? '';
  // A hash class with its own `to_s` (liquid-spec's HashWithCustomToS) prints that; others print as Ruby inspects.
  if (isHash(value)) return ownToS(value) ?? rubyInspect(value);
  return String(value);
}

/** Hashes of a class with its own `to_s` (liquid-spec's HashWithCustomToS), and what it says. */
const hashesToS = new WeakMap<object, string>();

export function withOwnToS<T extends object>(hash: T, text: string): T {
  hashesToS.set(hash, text);
  return hash;
}

function ownToS(hash: object): string | undefined {
  return hashesToS.get(hash);
}

function dropToS(drop: Drop): string {
  const materialised = toValue(drop);
  if (materialised !== drop) return rubyToS(materialised);
  return String(drop);
}

function formatNumber(n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) >= 1e21) return formatRubyFloat(n);
  // Every digit of an Integer past 2^53, as Ruby prints it (JavaScript would round it: 1152921504606847000).
  return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
}

/** Ruby's `inspect`, as used for hashes and for values nested in them. */
export function rubyInspect(value: unknown, within: Set<object> = new Set()): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return inspectString(value);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'symbol') return `:${value.description ?? ''}`;
  if (value instanceof RubyFloat || value instanceof RubyRange) return value.toString();
  if (value instanceof Drop) return rubyInspect(toValue(value) === value ? String(value) : toValue(value), within);
  if (!Array.isArray(value) && !isHash(value)) return String(value);
  // A list or hash inside itself prints as Ruby's `[...]` / `{...}` (liquid-spec's recursive hash), not forever.
  if (within.has(value)) return Array.isArray(value) ? '[...]' : '{...}';
  within.add(value);
  try {
    if (Array.isArray(value)) return `[${value.map((item) => rubyInspect(item, within)).join(', ')}]`;
    const entries = Reflect.ownKeys(value).map((key) => `${rubyInspect(key, within)}=>${rubyInspect((value as Record<PropertyKey, unknown>)[key], within)}`);
    return `{${entries.join(', ')}}`;
  } finally {
    within.delete(value);
  }
}

/** Ruby's `String#inspect`: quotes, backslashes and control characters escaped, `#` before `{`, `$`, `@` too. */
export function inspectString(text: string): string {
  const escaped = text.replace(/[\\"\n\t\r\f\v\x07\x08\x1b]|#(?=[{$@])|[\x00-\x1f\x7f]/g, (char) => {
    const named: Record<string, string> = {
      '\\': '\\\\',
      '"': '\\"',
      '\n': '\\n',
      '\t': '\\t',
      '\r': '\\r',
      '\f': '\\f',
      '\v': '\\v',
      '\x07': '\\a',
      '\x08': '\\b',
      '\x1b': '\\e',
      '#': '\\#',
    };
    return Object.hasOwn(named, char) ? named[char] : `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

export function isHash(value: unknown): value is Record<PropertyKey, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** liquidjs applies `outputEscape` as the last step of every `{{ }}`, `echo` and `cycle`, which is exactly where Ruby calls to_s. */
export function installRubyOutput(liquid: Liquid): void {
  liquid.options.outputEscape = rubyToS;
}

type OutputNode = Template & { value: { filters: Filter[]; value(ctx: Context, lenient: boolean): Generator<unknown, unknown, unknown> } };

/**
 * For `{{ }}`, liquidjs runs `outputEscape` as an extra filter, a generator step
 * per output that a page with many small outputs pays for dozens of times. The
 * parsed node calls to_s itself instead: same text, one step fewer.
 */
export function printThroughToS(node: Template): void {
  if (!(node instanceof Output)) return;
  const output = node as OutputNode;
  const last = output.value.filters.at(-1) as unknown as { handler?: unknown } | undefined;
  if (last?.handler !== rubyToS) return;
  output.value.filters.pop();
  const generic = function* (ctx: Context, emitter: Emitter) {
    emitter.write(rubyToS(yield output.value.value(ctx, false)));
  };
  const initial = (output.value as unknown as { initial?: { postfix?: unknown[] } }).initial?.postfix;
  const operand = initial?.length === 1 ? operandOf(initial[0] as never) : undefined;
  const filters = output.value.filters;
  for (const filter of filters) fastenFilter(filter);
  if (!operand) {
    output.render = generic;
    return;
  }
  // `{{ scheme.settings.background.red }}`, `{{ 'key' | t }}`: a literal or a variable's path of names, then any
  // filters, read directly in a synchronous render (sync-reads.ts); themes print hundreds of these a page (Dawn's
  // colour-scheme CSS alone, about 200).
  output.render = function (ctx: Context, emitter: Emitter) {
    if (!ctx.sync || strict(ctx)) return generic(ctx, emitter);
    let value = readOperand(ctx, operand);
    for (const filter of filters) value = toValueSync(filter.render(value, ctx));
    emitter.write(rubyToS(value));
    return undefined;
  } as OutputNode['render'];
}
