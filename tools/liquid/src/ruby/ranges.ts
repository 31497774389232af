import { Expression, TokenKind, Value, evalToken, toValue, type Context, type Template } from 'liquidjs';
import { RubyLiquidError } from './errors.ts';
import { RubyFloat } from './float.ts';

/**
 * A range literal as Ruby keeps it: liquidjs makes `(1..3)` an array, which prints `123`; Ruby's Range prints
 * `1..3` (and every filter that starts with `to_s` reads that), while loops, `size`, `first`, `join` and the list
 * filters see its items. So the array a range expression gives is marked a RubyRange, which prints as Ruby's.
 * The gem 5.4 prints `1..3|1..3!|1 2 3|3..1|2..4234|1|3 2 1` for `{{ (1..3) }}|{{ (1..3) | append: "!" }}|
 * {{ (1..3) | join: " " }}|{{ (3..1) }}|{% assign r = (2..4) %}{{ r }}{% for i in r %}{{ i }}{% endfor %}|
 * {{ (1..3) | first }}|{{ (1..3) | reverse | join }}`.
 */
export class RubyRange extends Array<number> {
  declare low: number;
  declare high: number;

  // What is made from a range (a slice, a map) is a plain list, as in Ruby.
  static override get [Symbol.species]() {
    return Array;
  }

  override toString(): string {
    return `${this.low}..${this.high}`;
  }
}

interface RangeToken {
  kind: number;
  lhs: Parameters<typeof evalToken>[0];
  rhs: Parameters<typeof evalToken>[0];
}

/** Marks the range an output, `assign`, `echo` or condition is made of alone (`{{ (1..n) }}`). */
export function keepRanges(node: Template): void {
  const holder = node as unknown as { value?: unknown; branches?: { value?: unknown }[] };
  for (const candidate of [holder.value, ...(Array.isArray(holder.branches) ? holder.branches.map((branch) => branch?.value) : [])]) {
    const expression = candidate instanceof Value ? (candidate as unknown as { initial: Expression }).initial : candidate;
    if (expression instanceof Expression) keepRange(expression);
  }
}

function keepRange(expression: Expression): void {
  const postfix = (expression as unknown as { postfix: RangeToken[] }).postfix;
  if (postfix.length !== 1 || postfix[0]!.kind !== TokenKind.Range) return;
  const token = postfix[0]!;
  // liquidjs's callers `yield` what evaluate gives: a generator here, driven synchronously or not alike.
  expression.evaluate = function (this: Expression, ctx: Context) {
    return rubyRange(token, ctx);
  } as unknown as Expression['evaluate'];
}

/** A loop's collection: a range as Ruby makes it, anything else as liquidjs reads it. */
export function* collectionOf(token: Parameters<typeof evalToken>[0], ctx: Context): Generator<unknown, unknown, unknown> {
  if ((token as { kind?: number } | undefined)?.kind === TokenKind.Range) return yield* rubyRange(token as unknown as RangeToken, ctx);
  return yield evalToken(token, ctx);
}

/**
 * `(a..b)` as Ruby's RangeLookup makes it: a literal bound is its Integer (`2.7` is 2); a variable's value must be
 * an Integer, nil (0) or a string (its leading digits, else 0), and anything else, a Float too, is
 * "invalid integer". The gem 5.4 prints `0123|2..6|…invalid integer|1..2|0..2|…invalid integer` for
 * `(a..3)` looped with `a` unset, `(2..e)` with e = "6 ", `(1..f)` with f = 2.0, `(1..2.7)`, `(s..2)` with
 * s = "x", and `(1..t)` with t = true.
 */
function* rubyRange(token: RangeToken, ctx: Context): Generator<unknown, RubyRange, unknown> {
  const low = rangeBound(token.lhs, yield evalToken(token.lhs, ctx));
  const high = rangeBound(token.rhs, yield evalToken(token.rhs, ctx));
  (ctx as unknown as { memoryLimit: { use(count: number): void } }).memoryLimit.use(high - low + 1);
  return rubyRangeOf(low, high);
}

/** The Range `low..high`, its items made (the caller has counted them against its memory). */
export function rubyRangeOf(low: number, high: number): RubyRange {
  const items = new RubyRange();
  for (let item = low; item <= high; item++) items.push(item);
  Object.defineProperties(items, { low: { value: low }, high: { value: high } });
  return items;
}

function rangeBound(token: RangeToken['lhs'], raw: unknown): number {
  const value = raw instanceof RubyFloat ? raw : toValue(raw);
  if ((token as { kind?: number } | undefined)?.kind === TokenKind.Number) return Math.trunc(Number(value));
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') return Number.parseInt(/^\s*([+-]?\d[\d_]*)/.exec(value)?.[1]?.replaceAll('_', '') ?? '0', 10);
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' && Number.isInteger(value) && !(raw instanceof RubyFloat)) return value;
  throw new RubyLiquidError('invalid integer');
}
