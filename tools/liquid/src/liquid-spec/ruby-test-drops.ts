import { Drop } from 'liquidjs';
import { RubyLiquidError } from '../ruby/errors.ts';
import { isHash } from '../ruby/output.ts';
import { RubyRange } from '../ruby/ranges.ts';
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

/** A Ruby drop prints its class name. */
class NamedDrop extends Drop {
  constructor(private readonly rubyName: string) {
    super();
  }

  override toString(): string {
    return this.rubyName;
  }
}

/** Counts the times Liquid converts it (`to_liquid`): it prints `woot: ` and its start plus that count, any key too. */
class ToSDrop extends NamedDrop {
  private conversions = 0;

  constructor(private readonly start: number) {
    super('ToSDrop');
  }

  [RUBY_TO_LIQUID](): this {
    this.conversions += 1;
    return this;
  }

  override liquidMethodMissing(): string {
    return this.toString();
  }

  override toString(): string {
    return `woot: ${this.start + this.conversions}`;
  }
}

/** A number to the math filters (`to_number`), and to comparisons; prints its class name. */
class NumberLikeThing extends NamedDrop {
  constructor(private readonly amount: unknown) {
    super('NumberLikeThing');
  }

  [RUBY_TO_NUMBER](): unknown {
    return this.amount;
  }
}

/** Enumerable (`each`), not indexable: `first`, `count` by name; filters and loops walk its items. */
class EnumerableDrop extends NamedDrop {
  constructor(
    name: string,
    private readonly items: unknown[],
  ) {
    super(name);
  }

  get first(): unknown {
    return this.items[0];
  }

  get count(): number {
    return this.items.length;
  }

  *[Symbol.iterator](): Iterator<unknown> {
    yield* this.items;
  }
}

/** Not Enumerable: loops walk `each`, or, given an offset or a limit, take `load_slice(from, to)`. */
export class LoaderDrop extends NamedDrop {
  eachCalled = false;
  loadSliceCalled = false;

  constructor(private readonly data: unknown[]) {
    super('LoaderDrop');
  }

  get each_called(): boolean {
    return this.eachCalled;
  }

  get load_slice_called(): boolean {
    return this.loadSliceCalled;
  }

  each(): unknown[] {
    this.eachCalled = true;
    return [...this.data];
  }

  loadSlice(from: number, to: number | undefined): unknown[] {
    this.loadSliceCalled = true;
    return this.data.slice(from, to);
  }
}

/** Looks every name up in its settings: a string key, then (for nil or false) none, as Ruby's symbol fallback finds none. */
class SettingsDrop extends NamedDrop {
  constructor(private readonly settings: Params) {
    super('SettingsDrop');
  }

  override liquidMethodMissing(key: unknown): unknown {
    const value = this.settings[String(key)];
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
  constructor(
    name: string,
    private readonly converted: unknown,
  ) {
    super(name);
  }

  [RUBY_TO_LIQUID](): unknown {
    return this.converted;
  }
}

/** Stands for its whole parameter map (`to_liquid_value`); any property of it is an error. */
class WholeValueDrop extends NamedDrop {
  constructor(private readonly value: unknown) {
    super('ValueDrop');
  }

  override valueOf(): unknown {
    return this.value;
  }

  override liquidMethodMissing(key: unknown): never {
    throw new RubyLiquidError(`ValueDrop does not support method '${String(key)}'`, 'Liquid::UndefinedDropMethod');
  }
}

function range(params: unknown): RubyRange {
  const [low, high] = Array.isArray(params)
    ? params.map(Number)
    : [Number((params as Params).begin ?? (params as Params).start), Number((params as Params).end)];
  const items = new RubyRange();
  for (let item = low; item <= high; item++) items.push(item);
  Object.defineProperties(items, { low: { value: low }, high: { value: high } });
  return items;
}

/** A hash whose `to_s` is "kewl": printed alone it says so; nested, it prints as a hash. */
function hashWithCustomToS(params: unknown): Params {
  return Object.defineProperty({ ...(isHash(params) ? (params as Params) : {}) }, 'toString', { value: () => 'kewl', enumerable: false });
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
  LongString: (p) => 'X'.repeat(Math.max(0, Math.trunc(Number(param(p, 'length') ?? 0)) || 0)),
  ValueDrop: (p) => new WholeValueDrop(p),
  HashWithCustomToS: hashWithCustomToS,
};
