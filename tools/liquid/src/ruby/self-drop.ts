import { Context, Drop, toValueSync } from 'liquidjs';
import { isRubyContext } from './engines.ts';

/**
 * `self`, Liquid's name for the current scope (liquid-spec's bare_bracket_self): `self['product']` and `self[key]`
 * read a variable by a computed name, through the usual chain (loop and local variables, then assigns, then the
 * environment), which strict2 asks for where a bare `['product']` is refused. A `self` passed on (assigned, given
 * to a `render`) keeps reading the scope it came from, as it is then. A variable named `self` hides it. It prints,
 * as Ruby's drops do, as its class name.
 */
export class SelfDrop extends Drop {
  // Private: `{{ self.scope }}` must not reach the render's context.
  readonly #scope: Context;

  constructor(scope: Context) {
    super();
    this.#scope = scope;
  }

  override liquidMethodMissing(key: unknown): unknown {
    if (typeof key !== 'string' && typeof key !== 'number') return undefined;
    return toValueSync(this.#scope._get([String(key)]));
  }

  override toString(): string {
    return 'Liquid::SelfDrop';
  }
}

const selves = new WeakMap<Context, { self: SelfDrop }>();
let installed = false;

/** liquidjs's scope search (private in its types): where a name's value is read from. */
type FindScope = (this: Context, key: string | number) => object;

export function installSelf(): void {
  if (installed) return;
  installed = true;
  const prototype = Context.prototype as unknown as { findScope: FindScope };
  const findScope = prototype.findScope;
  prototype.findScope = function (this: Context, key: string | number) {
    const scope = findScope.call(this, key);
    if (key !== 'self' || 'self' in scope || !isRubyContext(this)) return scope;
    let holder = selves.get(this);
    if (!holder) selves.set(this, (holder = { self: new SelfDrop(this) }));
    return holder;
  };
}
