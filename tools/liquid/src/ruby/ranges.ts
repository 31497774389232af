import { Expression, TokenKind, Value, evalToken, toValue, type Context, type Template } from 'liquidjs';

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
  const generic = expression.evaluate;
  // liquidjs's callers `yield` what evaluate gives: a generator here, driven synchronously or not alike.
  expression.evaluate = function* (this: Expression, ctx: Context, lenient?: boolean): Generator<unknown, unknown, unknown> {
    const items: unknown = yield generic.call(this, ctx, lenient);
    if (!Array.isArray(items)) return items;
    const low = items.length > 0 ? (items[0] as number) : Math.trunc(Number(toValue(yield evalToken(token.lhs, ctx))));
    const high = items.length > 0 ? (items.at(-1) as number) : Math.trunc(Number(toValue(yield evalToken(token.rhs, ctx))));
    Object.setPrototypeOf(items, RubyRange.prototype);
    Object.defineProperties(items, { low: { value: low }, high: { value: high } });
    return items;
  } as unknown as Expression['evaluate'];
}
