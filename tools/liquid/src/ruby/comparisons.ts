import { Drop, toValue, type Liquid } from 'liquidjs';
import { RubyLiquidError } from './errors.ts';
import { RubyFloat } from './float.ts';
import { isHash, rubyInspect } from './output.ts';

type Operator = (l: unknown, r: unknown, ...rest: unknown[]) => unknown;

/**
 * Ruby Liquid's `<`, `>`, `<=`, `>=`: numbers order with numbers and strings
 * with strings; a value that has no ordering (nil, true, arrays, hashes) makes
 * the condition false; a number against a string raises Ruby's
 * "comparison of Integer with String failed". liquidjs compares anything with
 * JS semantics (`5 > true` is true).
 */
const ORDERING: Record<string, (a: number | string, b: number | string) => boolean> = {
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
};

export function installRubyComparisons(liquid: Liquid): void {
  const operators = { ...liquid.options.operators } as Record<string, Operator>;
  for (const [name, test] of Object.entries(ORDERING)) operators[name] = rubyOrdering(operators[name], test);
  operators['=='] = dropsAreNeverEmpty(operators['=='], false);
  operators['!='] = dropsAreNeverEmpty(operators['!='], true);
  operators.contains = hashKeys(operators.contains);
  // Ruby Liquid reads `<>` as `!=` (Condition's operators list both).
  operators['<>'] = operators['!='];
  // A copy: liquidjs's default operator table is shared by every instance.
  liquid.options.operators = operators as typeof liquid.options.operators;
}

/**
 * `hash contains "key"`: Hash#include? asks for a key (liquidjs answers false for any object). And nothing contains
 * nil: Ruby's `contains` needs a right side (liquid-spec: `[1, nil, 3] contains nil` is false).
 */
function hashKeys(original: Operator): Operator {
  return function (this: unknown, l: unknown, r: unknown, ...rest: unknown[]) {
    if (toValue(r) === null || toValue(r) === undefined) return false;
    const hash = toValue(l);
    if (!isHash(hash)) return original.call(this, l, r, ...rest);
    const key = toValue(r);
    return typeof key === 'string' && Object.hasOwn(hash, key);
  };
}

function rubyOrdering(original: Operator, test: (a: number | string, b: number | string) => boolean): Operator {
  return function (this: unknown, l: unknown, r: unknown, ...rest: unknown[]) {
    // liquidjs's own comparable drops (`empty`, `blank`) keep their behaviour.
    if (hasOwnOrdering(l) || hasOwnOrdering(r)) return original.call(this, l, r, ...rest);
    const a = toValue(l);
    const b = toValue(r);
    if (!isOrdered(a) || !isOrdered(b)) return false;
    if (typeof a !== typeof b) throw new RubyLiquidError(`comparison of ${rubyClass(l, a)} with ${typeof b === 'string' ? 'String' : rubyInspect(r)} failed`);
    return test(a, b);
  };
}

/**
 * `drop == empty`, `drop != blank`: liquidjs counts an object without enumerable keys as empty, and a drop's
 * attributes are getters, so every drop came out empty and blank (Dawn's `section.settings.menu != blank` was
 * false for a menu). Ruby Liquid asks the value for `empty?`/`blank?`, which a drop does not answer: a drop is
 * neither. A drop that stands for a list or a text (its `valueOf`) is still compared as that list or text.
 */
function dropsAreNeverEmpty(original: Operator, differ: boolean): Operator {
  return function (this: unknown, l: unknown, r: unknown, ...rest: unknown[]) {
    if ((isEmptyOrBlank(l) && isPlainDrop(r)) || (isEmptyOrBlank(r) && isPlainDrop(l))) return differ;
    // Two hashes are equal when their entries are, as Ruby's Hash#== (liquidjs compares them by identity).
    const a = toValue(l);
    const b = toValue(r);
    if (isHash(a) && isHash(b)) return sameHash(a, b) !== differ;
    // A drop standing for a value is compared as that value (Ruby's to_liquid_value): a BooleanDrop of false is
    // blank, a StringDrop of nil is blank but not empty.
    if (isEmptyOrBlank(r) && isValueDrop(l, a)) return original.call(this, a, r, ...rest);
    if (isEmptyOrBlank(l) && isValueDrop(r, b)) return original.call(this, l, b, ...rest);
    return original.call(this, l, r, ...rest);
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isHash(a) && isHash(b)) return sameHash(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  return toValue(a) === toValue(b);
}

function sameHash(a: Record<PropertyKey, unknown>, b: Record<PropertyKey, unknown>): boolean {
  const keys = Reflect.ownKeys(a);
  return keys.length === Reflect.ownKeys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
}

/** liquidjs's `empty` and `blank` literals: comparable drops that print as ''. */
function isEmptyOrBlank(value: unknown): boolean {
  return hasOwnOrdering(value) && (value as object).valueOf() === '';
}

/** A drop that stands for another value (its `valueOf`), not liquidjs's own `empty`/`blank`. */
function isValueDrop(drop: unknown, value: unknown): boolean {
  return drop instanceof Drop && value !== drop && !hasOwnOrdering(drop);
}

function isPlainDrop(value: unknown): boolean {
  return value instanceof Drop && !hasOwnOrdering(value) && toValue(value) === value;
}

function hasOwnOrdering(value: unknown): boolean {
  return value !== null && typeof value === 'object' && typeof (value as { gt?: unknown }).gt === 'function';
}

function isOrdered(value: unknown): value is number | string {
  return typeof value === 'number' || typeof value === 'string';
}

function rubyClass(original: unknown, value: number | string): string {
  if (typeof value === 'string') return 'String';
  return original instanceof RubyFloat || !Number.isInteger(value) ? 'Float' : 'Integer';
}
