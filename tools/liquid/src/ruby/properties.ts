import { Context, Drop, toValue } from 'liquidjs';
import { isRubyContext } from './engines.ts';
import { isHash } from './output.ts';
import { rubySizeOf } from './standard-filters.ts';
import { RubyFloat } from './float.ts';
import { rubyToLiquid } from './to-liquid.ts';

/**
 * `first` and `last` where Ruby answers and liquidjs does not: a string's first and last character
 * (ActiveSupport's String#first and #last, which Shopify loads: `{{ title.first }}` is "H"), and a hash's first
 * entry as a [key, value] pair (Hash#first; a hash has no `last`). What liquidjs answers itself (arrays, drops,
 * a hash with a `first` key) is left as it is. The gem 5.4 with ActiveSupport prints `H|o||a1|` for
 * `{{ t.first }}|{{ t.last }}|{{ e.first }}|{{ h.first }}|{{ h.last }}` with t "Hello", e "", h {a: 1, b: 2}.
 */
let installed = false;

const COMMANDS = new Set(['size', 'first', 'last']);
/** The names every JavaScript object and every liquidjs drop has as members. */
const JS_MEMBERS = new Set([...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Drop.prototype)]);

/**
 * Ruby indexes an array by Integers only and a string not at all: `list["0"]`, `list.0`, `list.length` and
 * `title[0]` are nil (the gem 5.4 prints `||1|` for `{{ list["0"] }}|{{ list.0 }}|{{ list[0] }}|{{ x[0] }}`), where
 * JavaScript would index both. Their commands (`size`, `first`, `last`) stay, and so do the names a Shopify list
 * answers to (`settings.color_schemes["dark"]`).
 */
function indexable(obj: unknown, key: unknown): boolean {
  if (typeof key !== 'string' || COMMANDS.has(key)) return typeof obj !== 'string' || typeof key !== 'number';
  if (typeof obj === 'string') return false;
  return !Array.isArray(obj) || !(key === 'length' || /^-?\d+$/.test(key));
}

export function installRubyProperties(): void {
  if (installed) return;
  installed = true;
  const readProperty = Context.prototype.readProperty;
  Context.prototype.readProperty = function (this: Context, obj: unknown, key: unknown) {
    if (!isRubyContext(this)) return readProperty.call(this, obj as never, key as never);
    if (!indexable(obj, key)) return undefined;
    // A drop's JavaScript members (`constructor`, `toString`, `liquidMethodMissing`…) are no Liquid names: they ask
    // the drop as any other unknown name does (liquidjs would call them: `{{ product.constructor }}` threw).
    if (typeof key === 'string' && JS_MEMBERS.has(key) && obj instanceof Drop) {
      return rubyToLiquid(obj.liquidMethodMissing(key, this));
    }
    // `size` as Ruby answers it (rubySizeOf): a string's characters, an Integer's 8, a hash's keys, symbols too
    // (liquidjs counted UTF-16 units and string keys only); a hash with a `size` key gives that.
    if (key === 'size' && !(obj instanceof RubyFloat)) {
      const target = toValue(obj);
      const size = isHash(target) && Object.hasOwn(target, 'size') ? undefined : rubySizeOf(target);
      if (size !== undefined) return size;
    }
    const value = rubyToLiquid(readProperty.call(this, obj as never, key as never));
    if (value !== undefined || (key !== 'first' && key !== 'last')) return value;
    const target = toValue(obj);
    if (typeof target === 'string') {
      const characters = Array.from(target);
      return key === 'first' ? (characters[0] ?? '') : (characters.at(-1) ?? '');
    }
    if (key === 'first' && isHash(target)) {
      const [entry] = Object.entries(target);
      return entry ?? undefined;
    }
    return value;
  } as Context['readProperty'];
}
