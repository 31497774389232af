import { toValue } from 'liquidjs';
import { RubyLiquidError } from './errors.ts';
import { RubyFloat } from './float.ts';

const INTEGER_PREFIX = /^\s*[+-]?\d+/;

/**
 * Ruby's `to_i` as `tablerow` applies it to its arguments: integers pass,
 * floats truncate, strings read their leading digits (`to_i`: "xs" is 0), nil counts as `fallback` (tablerow
 * treats a nil limit as 0), anything else raises "invalid integer".
 */
export function toRubyInteger(input: unknown, fallback?: number): number {
  const value = toValue(input);
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string') return Number.parseInt(INTEGER_PREFIX.exec(value)?.[0] ?? '0', 10);
  if ((value === null || value === undefined) && fallback !== undefined) return fallback;
  throw new RubyLiquidError('invalid integer');
}

/**
 * Ruby Liquid's `Utils.to_integer` (the `for` tag's `limit` and `offset`):
 * an Integer passes, anything else goes through `Integer(value.to_s)`, so
 * "2" and " 2 " are 2, "0x10" is 16, "010" is octal 8, "1_000" is 1000, while
 * "2abc", "", 2.5, 2.0, true, arrays and hashes raise "invalid integer".
 * Callers decide what nil means.
 */
export function toRubyIntegerStrict(input: unknown): number {
  // A boxed Float prints "2.0", which Integer() refuses; read it before toValue unboxes it.
  if (input instanceof RubyFloat) throw new RubyLiquidError('invalid integer');
  const value = toValue(input);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string') {
    const parsed = parseRubyInteger(value);
    if (parsed !== undefined) return parsed;
  }
  throw new RubyLiquidError('invalid integer');
}

const SPACE = '[ \\t\\n\\v\\f\\r]*';
/** `Kernel#Integer` on a string: optional sign, a radix prefix (or a leading 0 for octal), single underscores between digits. */
const RUBY_INTEGER = new RegExp(
  `^${SPACE}([+-]?)(?:0[xX]([0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)|0[bB]([01]+(?:_[01]+)*)|0[oO_]?([0-7]+(?:_[0-7]+)*)|0[dD](\\d+(?:_\\d+)*)|(0|[1-9]\\d*(?:_\\d+)*))${SPACE}$`,
);

function parseRubyInteger(text: string): number | undefined {
  const match = RUBY_INTEGER.exec(text);
  if (!match) return undefined;
  const [, sign, hex, binary, octal, prefixedDecimal, decimal] = match;
  const [digits, radix] =
    hex !== undefined ? [hex, 16] : binary !== undefined ? [binary, 2] : octal !== undefined ? [octal, 8] : [prefixedDecimal ?? decimal, 10];
  const magnitude = Number.parseInt(digits.replaceAll('_', ''), radix);
  return sign === '-' ? -magnitude : magnitude;
}
