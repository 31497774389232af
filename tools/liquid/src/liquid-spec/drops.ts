import { Drop } from 'liquidjs';
import { RubyLiquidError } from '../ruby/errors.ts';
import { isHash } from '../ruby/output.ts';
import { RUBY_TEST_DROPS } from './ruby-test-drops.ts';

/**
 * liquid-spec's standard test drops (docs/test_drops.md in Shopify/liquid-spec),
 * written natively. Environments name them with `instantiate:<Class>` markers,
 * which `instantiateEnvironment` replaces by instances.
 */

/** Drops that stand for a primitive: Liquid sees `value` for truthiness, output and filters. */
class ValueDrop extends Drop {
  constructor(readonly value: unknown) {
    super();
  }

  override valueOf(): unknown {
    return this.value;
  }

  toString(): string {
    return this.value === null || this.value === undefined ? '' : String(this.value);
  }
}

export class BooleanDrop extends ValueDrop {}
export class NumberDrop extends ValueDrop {}
export class StringDrop extends ValueDrop {}

/** Stands for its value (3 unless given); `nested` is itself, `square` a new NestedDrop of the value squared. */
export class NestedDrop extends ValueDrop {
  get nested(): NestedDrop {
    return this;
  }

  get square(): NestedDrop {
    return new NestedDrop(Number(this.value) ** 2);
  }
}

/** `echo_N` → "N", `square_N` → "N²", `double_N` → "2N". */
export class MethodDrop extends Drop {
  override liquidMethodMissing(key: string | number): unknown {
    const match = /^(echo|square|double)_(-?\d+)$/.exec(String(key));
    if (!match) return undefined;
    const n = Number(match[2]);
    const result = match[1] === 'square' ? n * n : match[1] === 'double' ? n * 2 : n;
    return String(result);
  }
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** `[0]` → "zero", `["foo"]` → "foo". */
export class IndexDrop extends Drop {
  override liquidMethodMissing(key: string | number): unknown {
    if (typeof key === 'number') return NUMBER_WORDS[key] ?? String(key);
    return key;
  }
}

/** Enumerates "first", "second", "third". */
export class SequenceDrop extends Drop {
  private readonly items = ['first', 'second', 'third'];

  get size(): number {
    return this.items.length;
  }

  get first(): string {
    return this.items[0];
  }

  get last(): string {
    return this.items[this.items.length - 1];
  }

  [Symbol.iterator](): Iterator<string> {
    return this.items[Symbol.iterator]();
  }
}

/** Materialises to nil: renders "" and is falsy. */
export class NilDrop extends Drop {
  override valueOf(): null {
    return null;
  }

  toLiquid(): null {
    return null;
  }
}

/** No value of its own: truthy, prints through to_s. */
export class OpaqueDrop extends Drop {
  toString(): string {
    return 'opaque';
  }
}

/** Raises on any property access, to test error propagation. */
export class ErrorDrop extends Drop {
  override liquidMethodMissing(key: string | number): never {
    throw new Error(`ErrorDrop: access to '${String(key)}' raised`);
  }
}

/*
 * The drops of liquid-spec's security_drops.yml. A drop exposes only the
 * methods its class defines (Ruby's Object methods such as `class` or `send`
 * read as nil); objects that are not drops fail on `to_liquid`; objects with a
 * `to_liquid` expose only what it returns.
 */

/** A drop with two public methods, `name` and `price`. */
export class SecurityVictimDrop extends Drop {
  get name(): string {
    return 'Widget';
  }

  get price(): number {
    return 42;
  }
}

class SecurityChildDrop extends Drop {
  get name(): string {
    return 'nested_child';
  }
}

/** A drop returning a drop (`child`) and an array of hashes (`items`). */
export class SecurityNestedDrop extends Drop {
  get child(): Drop {
    return new SecurityChildDrop();
  }

  get items(): Record<string, string>[] {
    return [{ name: 'a' }, { name: 'b' }];
  }
}

/** A drop that is also a Ruby Enumerable; only `title` is its own method. */
export class SecurityEnumerableDrop extends Drop {
  get title(): string {
    return 'my list';
  }
}

/** A drop that defines no liquid methods of its own. */
class FakeDropObject extends Drop {}

/** A plain Ruby object (not a drop): touching it raises NoMethodError on to_liquid. */
class PlainRubyObject {
  constructor(private readonly className: string) {}

  toLiquid(): never {
    throw new RubyLiquidError(`undefined method 'to_liquid' for an instance of ${this.className}`, 'NoMethodError');
  }
}

/** An object whose `to_liquid` returns `value`: templates see that value only. */
class ToLiquidObject {
  constructor(private readonly value: unknown) {}

  toLiquid(): unknown {
    return this.value;
  }
}

type DropFactory = (params: Record<string, unknown>) => unknown;

const SECURITY_DROPS: Record<string, DropFactory> = {
  SecurityVictimDrop: () => new SecurityVictimDrop(),
  SecurityNestedDrop: () => new SecurityNestedDrop(),
  SecurityEnumerableDrop: () => new SecurityEnumerableDrop(),
  FakeDropObject: () => new FakeDropObject(),
  WideOpenObject: () => new PlainRubyObject('WideOpenObject'),
  UnsafeHashLikeObject: () => new PlainRubyObject('UnsafeHashLikeObject'),
  ToLiquidHashObject: () => new ToLiquidObject({ name: 'from_to_liquid', status: 'ok' }),
  ToLiquidStringObject: () => new ToLiquidObject('i_am_a_string'),
  ToLiquidArrayObject: () => new ToLiquidObject([10, 20, 30]),
  ToLiquidNilObject: () => new ToLiquidObject(null),
};

const STANDARD_DROPS: Record<string, DropFactory> = {
  BooleanDrop: (p) => new BooleanDrop(p.value === true),
  NumberDrop: (p) => new NumberDrop(p.value),
  // Ruby's test IntegerDrop: `(value || 0).to_i`, so it always stands for an Integer (0 is truthy).
  IntegerDrop: (p) => new NumberDrop(Math.trunc(Number(p.value ?? 0)) || 0),
  // A StringDrop of nil stands for nil: falsy, blank, not empty (liquid-spec's truthiness matrix).
  StringDrop: (p) => new StringDrop(p.value == null ? null : String(p.value)),
  NestedDrop: (p) => new NestedDrop(p.value ?? 3),
  MethodDrop: () => new MethodDrop(),
  IndexDrop: () => new IndexDrop(),
  SequenceDrop: () => new SequenceDrop(),
  NilDrop: () => new NilDrop(),
  OpaqueDrop: () => new OpaqueDrop(),
  ErrorDrop: () => new ErrorDrop(),
  ...SECURITY_DROPS,
};

/** Whether a drop class is written here, among the standard drops or the Ruby test suite's. */
export function knownDrop(name: string): boolean {
  return Object.hasOwn(STANDARD_DROPS, name) || Object.hasOwn(RUBY_TEST_DROPS, name);
}

/** The drop classes an environment instantiates that are not written here (a case needing one is skipped). */
export function unknownDropsIn(value: unknown, seen = new Set<object>()): string[] {
  const marker = markerOf(value);
  if (marker && !knownDrop(marker.name)) return [marker.name];
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  return Object.values(value).flatMap((item) => unknownDropsIn(item, seen));
}

export const STANDARD_DROP_NAMES = Object.keys(STANDARD_DROPS);

export class UnknownDropError extends Error {
  constructor(readonly dropName: string) {
    super(`unknown test drop '${dropName}' (standard drops: ${STANDARD_DROP_NAMES.join(', ')})`);
  }
}

const MARKER = /^instantiate:([A-Za-z_][\w:]*?):?$/;

/** The drop a value asks for: `"instantiate:Name"`, or `{ "instantiate:Name": params }`; undefined when neither. */
function markerOf(value: unknown): { name: string; params: unknown } | undefined {
  if (typeof value === 'string') {
    const match = value.includes('instantiate:') ? MARKER.exec(value.trim()) : null;
    return match ? { name: match[1], params: {} } : undefined;
  }
  if (!isHash(value)) return undefined;
  const keys = Reflect.ownKeys(value);
  const match = keys.length === 1 && typeof keys[0] === 'string' ? MARKER.exec(keys[0]) : null;
  return match ? { name: match[1], params: (value as Record<string, unknown>)[keys[0] as string] ?? {} } : undefined;
}

/**
 * Replaces `instantiate:<Drop>` markers (string or single-key map form) by drop instances, deeply. Only the lists
 * and hashes on the way to a marker are copied: an environment without markers comes back as it is, so a render
 * of liquid-spec's server does not copy its environment.
 */
export function instantiateEnvironment<T>(value: T): T {
  return instantiate(value, new Map()) as T;
}

/** A key set as data, even `__proto__` (which assignment would take as the copy's prototype). */
function define(target: Record<PropertyKey, unknown>, key: PropertyKey, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Lists and hashes found to hold no marker, at any depth: an environment rendered again is not walked again. */
const markerFree = new WeakSet<object>();

/** `seen` keeps YAML aliases (even self-referencing ones) as shared, finite structures. */
function instantiate(value: unknown, seen: Map<object, unknown>): unknown {
  const marker = markerOf(value);
  if (marker) return createDrop(marker.name, instantiate(marker.params, seen));
  if (value === null || typeof value !== 'object' || markerFree.has(value)) return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    seen.set(value, value);
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item = instantiate(value[index], seen);
      if (item !== value[index] && !copy) {
        copy = value.slice(0, index);
        seen.set(value, copy);
      }
      copy?.push(item);
    }
    if (!copy) markerFree.add(value);
    return copy ?? value;
  }
  if (!isHash(value)) return value;
  const keys = Reflect.ownKeys(value);
  seen.set(value, value);
  let copy: Record<PropertyKey, unknown> | undefined;
  for (const [index, key] of keys.entries()) {
    const item = (value as Record<PropertyKey, unknown>)[key];
    const made = instantiate(item, seen);
    if (made !== item && !copy) {
      copy = {};
      for (const earlier of keys.slice(0, index)) define(copy, earlier, (value as Record<PropertyKey, unknown>)[earlier]);
      seen.set(value, copy);
    }
    if (copy) define(copy, key, made);
  }
  if (!copy) markerFree.add(value);
  return copy ?? value;
}

function createDrop(name: string, params: unknown): unknown {
  // Own names only: `instantiate:hasOwnProperty` is no drop.
  const rubyTestDrop = Object.hasOwn(RUBY_TEST_DROPS, name) ? RUBY_TEST_DROPS[name] : undefined;
  if (rubyTestDrop) return rubyTestDrop(params);
  const factory = Object.hasOwn(STANDARD_DROPS, name) ? STANDARD_DROPS[name] : undefined;
  if (!factory) throw new UnknownDropError(name);
  return factory(isHash(params) ? (params as Record<string, unknown>) : {});
}
