import { Drop } from 'liquidjs';
import { RubyLiquidError } from '../ruby/errors.ts';
import { isHash, withOwnToS } from '../ruby/output.ts';
import { rubyRangeOf, type RubyRange } from '../ruby/ranges.ts';
import { RENDER_BUDGET } from '../render-budget.ts';
import { RUBY_TO_LIQUID, RUBY_TO_NUMBER } from '../ruby/to-liquid.ts';

/**
 * The objects of Shopify/liquid's Ruby test suite that liquid-spec's liquid_ruby cases instantiate
 * (`instantiate:ToSDrop` …), written natively after their behaviour in liquid-spec's reference adapter: what a
 * template can reach of each, how it prints, counts, compares and iterates. Each factory takes the marker's
 * parameters, a map or the one value it stands for; Ruby's `x || default` keeps 0 and "", as `??` does here.
 */
type Params = Record<string, unknown>;

/** The parameter a class reads, whether the marker gave a map or the value alone. */
function param(params: unknown, key: string): unknown {
  return isHash(params) ? (params as Params)[key] : params;
}

/**
 * A Ruby drop prints its class name. Their state is in private fields: a template reaches only what the Ruby
 * class lets it (a drop's own properties would be readable names).
 */
class NamedDrop extends Drop {
  readonly #name: string;

  constructor(name: string) {
    super();
    this.#name = name;
  }

  override toString(): string {
    return this.#name;
  }
}

/** Counts the times Liquid converts it (`to_liquid`): it prints `woot: ` and its start plus that count, any key too. */
class ToSDrop extends NamedDrop {
  readonly #start: number;
  #conversions = 0;

  constructor(start: number) {
    super('ToSDrop');
    this.#start = start;
  }

  [RUBY_TO_LIQUID](): this {
    this.#conversions += 1;
    return this;
  }

  override liquidMethodMissing(): string {
    return this.toString();
  }

  override toString(): string {
    return `woot: ${this.#start + this.#conversions}`;
  }
}

/** A number to the math filters (`to_number`), and to comparisons; prints its class name. */
class NumberLikeThing extends NamedDrop {
  readonly #amount: unknown;

  constructor(amount: unknown) {
    super('NumberLikeThing');
    this.#amount = amount;
  }

  [RUBY_TO_NUMBER](): unknown {
    return this.#amount;
  }
}

/** Enumerable (`each`), not indexable: `first`, `count` by name; filters and loops walk its items. */
class EnumerableDrop extends NamedDrop {
  readonly #items: unknown[];

  constructor(name: string, items: unknown[]) {
    super(name);
    this.#items = items;
  }

  get first(): unknown {
    return this.#items[0];
  }

  get count(): number {
    return this.#items.length;
  }

  *[Symbol.iterator](): Iterator<unknown> {
    yield* this.#items;
  }
}

/** Not Enumerable: loops walk `each`, or, given an offset or a limit, take `load_slice(from, to)`. */
export class LoaderDrop extends NamedDrop {
  readonly #data: unknown[];
  #eachCalled = false;
  #loadSliceCalled = false;

  constructor(data: unknown[]) {
    super('LoaderDrop');
    this.#data = data;
  }

  get each_called(): boolean {
    return this.#eachCalled;
  }

  get load_slice_called(): boolean {
    return this.#loadSliceCalled;
  }

  each(): unknown[] {
    this.#eachCalled = true;
    return [...this.#data];
  }

  loadSlice(from: number, to: number | undefined): unknown[] {
    this.#loadSliceCalled = true;
    return this.#data.slice(from, to);
  }
}

/** Looks every name up in its settings: a string key, then (for nil or false) none, as Ruby's symbol fallback finds none. */
class SettingsDrop extends NamedDrop {
  readonly #settings: Params;

  constructor(settings: Params) {
    super('SettingsDrop');
    this.#settings = settings;
  }

  override liquidMethodMissing(key: unknown): unknown {
    const value = Object.hasOwn(this.#settings, String(key)) ? this.#settings[String(key)] : undefined;
    return value === false ? undefined : value;
  }
}

class TestDrop extends NamedDrop {
  constructor(readonly value: unknown) {
    super('TestDrop');
  }
}

class ThingWithValue extends NamedDrop {
  readonly value = 3;

  constructor() {
    super('ThingWithValue');
  }
}

/** Liquid sees what it converts to (`to_liquid`), wherever it converts. */
class ConvertsTo extends NamedDrop {
  readonly #converted: unknown;

  constructor(name: string, converted: unknown) {
    super(name);
    this.#converted = converted;
  }

  [RUBY_TO_LIQUID](): unknown {
    return this.#converted;
  }
}

/** Stands for its whole parameter map (`to_liquid_value`); any property of it is an error. */
class WholeValueDrop extends NamedDrop {
  readonly #value: unknown;

  constructor(value: unknown) {
    super('ValueDrop');
    this.#value = value;
  }

  override valueOf(): unknown {
    return this.#value;
  }

  override liquidMethodMissing(key: unknown): never {
    throw new RubyLiquidError(`ValueDrop does not support method '${String(key)}'`, 'Liquid::UndefinedDropMethod');
  }
}

/** A case's Range, bounded as a render's ranges are (a client's environment could ask for a trillion items). */
function range(params: unknown): RubyRange {
  const [low, high] = Array.isArray(params)
    ? params.map(Number)
    : [Number((params as Params).begin ?? (params as Params).start), Number((params as Params).end)];
  if (!Number.isInteger(low) || !Number.isInteger(high) || high - low >= MAX_ITEMS) throw new RangeError(`Range ${low}..${high}: at most ${MAX_ITEMS} items`);
  return rubyRangeOf(low, high);
}

/** Most items (or characters) a test object may be made of: a render's own allocation budget. */
const MAX_ITEMS = RENDER_BUDGET.allocations;

/** A hash whose `to_s` is "kewl": printed alone it says so; nested, it prints as a hash. */
function hashWithCustomToS(params: unknown): Params {
  return withOwnToS({ ...(isHash(params) ? (params as Params) : {}) }, 'kewl');
}

export const RUBY_TEST_DROPS: Record<string, (params: unknown) => unknown> = {
  ToSDrop: (p) => new ToSDrop(Number(param(p, 'foo') ?? 0)),
  NumberLikeThing: (p) => new NumberLikeThing(param(p, 'amount') ?? 0),
  LoaderDrop: (p) => new LoaderDrop((param(p, 'data') as unknown[] | undefined) ?? []),
  Range: range,
  TestEnumerable: () =>
    new EnumerableDrop('TestEnumerable', [
      { foo: 1, bar: 2 },
      { foo: 2, bar: 1 },
      { foo: 3, bar: 3 },
    ]),
  ArrayDrop: (p) => new EnumerableDrop('ArrayDrop', (param(p, 'array') as unknown[] | undefined) ?? []),
  ThingWithToLiquid: () => new ConvertsTo('ThingWithToLiquid', 'foobar'),
  CustomToLiquidDrop: (p) => new ConvertsTo('CustomToLiquidDrop', param(p, 'value')),
  SettingsDrop: (p) => new SettingsDrop(((isHash(p) && 'settings' in (p as Params) ? (p as Params).settings : p) ?? {}) as Params),
  TestDrop: (p) => new TestDrop(param(p, 'value') ?? null),
  ThingWithValue: () => new ThingWithValue(),
  LongString: (p) => 'X'.repeat(Math.min(MAX_ITEMS, Math.max(0, Math.trunc(Number(param(p, 'length') ?? 0)) || 0))),
  ValueDrop: (p) => new WholeValueDrop(p),
  HashWithCustomToS: hashWithCustomToS,
};
