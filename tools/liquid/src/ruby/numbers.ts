import { toValue, type Liquid } from 'liquidjs';
import { rubyToNumber } from './to-liquid.ts';
import { RubyFloat, rubyFloat } from './float.ts';
import { ZeroDivisionError } from './errors.ts';
import { decimalAdd, decimalMultiply, decimalRound, decimalSubtract } from './decimal.ts';

/**
 * Ruby Liquid's math filters: Integer op Integer stays an Integer (`10 | divided_by: 3`
 * is 3), anything involving a Float is a Float computed in decimal, and division
 * by integer zero raises "divided by 0".
 */
export interface RubyNumber {
  value: number;
  float: boolean;
  /** An Integer past 2^53, exactly (a literal or numeric text with more digits than a double keeps). */
  big?: bigint;
}

const FLOAT_STRING = /^-?\d+\.\d+$/;
const INTEGER_PREFIX = /^[+-]?\d+/;

/** Liquid's Utils.to_number: numeric strings parse, other strings and non-numbers are 0. */
export function toRubyNumber(input: unknown): RubyNumber {
  if (input instanceof RubyFloat) return { value: input.value, float: true };
  const own = rubyToNumber(input);
  if (own !== undefined) return toRubyNumber(own);
  const value = toValue(input);
  if (value instanceof RubyFloat) return { value: value.value, float: true };
  if (typeof value === 'bigint') return { value: Number(value), float: false, big: value };
  if (typeof value === 'number') return { value, float: !Number.isInteger(value) };
  if (typeof value === 'string') return parseNumericString(value);
  return { value: 0, float: false };
}

function parseNumericString(text: string): RubyNumber {
  const trimmed = text.trim();
  if (FLOAT_STRING.test(trimmed)) return { value: Number(trimmed), float: true };
  const integer = INTEGER_PREFIX.exec(trimmed);
  if (!integer) return { value: 0, float: false };
  const value = Number(integer[0]);
  return Number.isSafeInteger(value) ? { value, float: false } : { value, float: false, big: BigInt(integer[0]) };
}

/** A result as Liquid sees it: plain number for Integers, Float-typed otherwise. */
export function rubyNumber(value: number, float: boolean): number | RubyFloat {
  return float ? rubyFloat(value) : value;
}

type Operation = (a: number, b: number, float: boolean) => number;
type Exact = (a: bigint, b: bigint) => bigint;

/**
 * Integers stay exact past 2^53, as Ruby's do: when either side or the answer is beyond what a double holds
 * exactly, the Integer operation runs on BigInt (the gem 5.4 prints 1152921504606846977 for `2^60 | plus: 1`).
 */
function arithmetic(operation: Operation, exact: Exact) {
  return (input: unknown, operand: unknown): number | bigint | RubyFloat => {
    const a = toRubyNumber(input);
    const b = toRubyNumber(operand);
    const float = a.float || b.float;
    if (float) return rubyNumber(operation(a.value, b.value, true), true);
    const plain = operation(a.value, b.value, false);
    if (!a.big && !b.big && Number.isSafeInteger(a.value) && Number.isSafeInteger(b.value) && Number.isSafeInteger(plain)) return plain;
    const answer = exact(a.big ?? BigInt(a.value), b.big ?? BigInt(b.value));
    const small = Number(answer);
    return Number.isSafeInteger(small) ? small : answer;
  };
}

/** Ruby's Integer division and remainder round toward negative infinity; BigInt's toward zero. */
const floorDivide = (a: bigint, b: bigint): bigint => {
  const quotient = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? quotient - 1n : quotient;
};
const floorModulo = (a: bigint, b: bigint): bigint => {
  const remainder = a % b;
  return remainder !== 0n && remainder < 0n !== b < 0n ? remainder + b : remainder;
};

export const plus = arithmetic(
  (a, b, float) => (float ? decimalAdd(a, b) : a + b),
  (a, b) => a + b,
);
export const minus = arithmetic(
  (a, b, float) => (float ? decimalSubtract(a, b) : a - b),
  (a, b) => a - b,
);
export const times = arithmetic(
  (a, b, float) => (float ? decimalMultiply(a, b) : a * b),
  (a, b) => a * b,
);

export const dividedBy = arithmetic((a, b, float) => {
  if (float) return a / b;
  if (b === 0) throw new ZeroDivisionError();
  return Math.floor(a / b);
}, floorDivide);

/**
 * Ruby's modulo takes the divisor's sign: `-7 | modulo: 3` is 2. A zero divisor raises "divided by 0" for floats
 * too: Liquid makes a Float a BigDecimal first, and BigDecimal refuses it (`2.5 | modulo: 0`, the gem 5.4).
 */
export const modulo = arithmetic((a, b, float) => {
  if (b === 0) throw new ZeroDivisionError();
  const remainder = float ? decimalSubtract(a, decimalMultiply(b, Math.floor(a / b))) : a % b;
  return !float && remainder !== 0 && Math.sign(remainder) !== Math.sign(b) ? remainder + b : remainder;
}, floorModulo);

export function abs(input: unknown): number | RubyFloat {
  const n = toRubyNumber(input);
  return rubyNumber(Math.abs(n.value), n.float);
}

export function ceil(input: unknown): number {
  return Math.ceil(toRubyNumber(input).value);
}

export function floor(input: unknown): number {
  return Math.floor(toRubyNumber(input).value);
}

/**
 * `round` without places, or with negative places, gives an Integer (`25.5 | round: -1` is 30, `1.5 | round: -1`
 * is 0: the gem 5.4); with positive places an Integer stays one and a Float stays a Float.
 */
export function round(input: unknown, places: unknown = 0): number | RubyFloat {
  const n = toRubyNumber(input);
  const digits = Math.trunc(toRubyNumber(places).value);
  if (!Number.isFinite(n.value)) return rubyNumber(n.value, n.float);
  if (digits <= 0) return decimalRound(n.value, digits);
  return n.float ? rubyFloat(decimalRound(n.value, digits)) : n.value;
}

export function atLeast(input: unknown, bound: unknown): number | RubyFloat {
  const a = toRubyNumber(input);
  const b = toRubyNumber(bound);
  const winner = b.value > a.value ? b : a;
  return rubyNumber(winner.value, winner.float);
}

export function atMost(input: unknown, bound: unknown): number | RubyFloat {
  const a = toRubyNumber(input);
  const b = toRubyNumber(bound);
  const winner = b.value < a.value ? b : a;
  return rubyNumber(winner.value, winner.float);
}

export function registerNumberFilters(liquid: Liquid): void {
  liquid.registerFilter('plus', plus);
  liquid.registerFilter('minus', minus);
  liquid.registerFilter('times', times);
  liquid.registerFilter('divided_by', dividedBy);
  liquid.registerFilter('modulo', modulo);
  liquid.registerFilter('abs', abs);
  liquid.registerFilter('ceil', ceil);
  liquid.registerFilter('floor', floor);
  liquid.registerFilter('round', round);
  liquid.registerFilter('at_least', atLeast);
  liquid.registerFilter('at_most', atMost);
}
