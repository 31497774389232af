import { Tag, Value, type Context, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { assignParts } from './parse/lax-expression.ts';
import { RubyLiquidError } from './errors.ts';

/**
 * Ruby's `assign`: the target is what its pattern takes before the `=` (`VariableSignature`), dots and brackets
 * too, stored under that name as it is: `{% assign a.b = 1 %}` makes a variable named "a.b", which `{{ a.b }}`
 * (a lookup of b in a) does not read; the gem 5.4 prints `|` for `{% assign a.b = 1 %}{{ a }}|{{ a.b }}`.
 * liquidjs refused such a target ("expected ="). strict2 takes names only (parse/strict-grammar.ts).
 */
export class RubyAssignTag extends Tag {
  readonly key: string;
  readonly value: Value;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const parts = assignParts(token.args);
    if (!parts) throw new RubyLiquidError("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]", 'Liquid::SyntaxError');
    this.key = parts.target;
    this.value = new Value(parts.value, liquid);
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    assignVariable(ctx, this.key, yield this.value.value(ctx, this.liquid.options.lenientIf));
  }

  *arguments(): Generator<Value> {
    yield this.value;
  }
}

/** Sets a variable of the template's scope, as data even when it is named `__proto__` (no prototype is changed). */
export function assignVariable(ctx: Context, key: string, value: unknown): void {
  const scope = ctx.bottom();
  if (key === '__proto__') Object.defineProperty(scope, key, { value, enumerable: true, writable: true, configurable: true });
  else scope[key] = value;
}

export function registerRubyAssign(liquid: Liquid): void {
  liquid.registerTag('assign', RubyAssignTag);
}
