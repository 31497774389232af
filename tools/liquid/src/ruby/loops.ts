import { ForTag, evalToken, toValue, type Context, type Emitter, type Liquid, type Parser, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { chargeIteration } from './budget.ts';
import { RubyLiquidError } from './errors.ts';
import { RubyForloop } from './forloop.ts';
import { collectionOf } from './ranges.ts';
import { sliceCollection } from './collections.ts';
import { toRubyIntegerStrict } from './integers.ts';

type Scope = Record<string, unknown>;
type ValueToken = NonNullable<Parameters<typeof evalToken>[0]>;

/** What liquidjs's ForTag parsed and keeps: the loop variable, the collection, the bodies and the `key: value` attributes. */
interface ForFields {
  variable: string;
  collection: ValueToken;
  templates: Template[];
  elseTemplates: Template[];
  hash: { hash: Record<string, ValueToken | undefined> };
}

const INVALID_ATTRIBUTE = 'Invalid attribute in for loop. Valid attributes are limit and offset';
/** Registers key of the `offset: continue` positions, per loop name (`variable-collection`), as Ruby's `registers[:for]`. */
const OFFSETS = 'ruby-for-offsets';

/**
 * Ruby Liquid's `for` (liquidjs's parser is kept for the body and `else`):
 *
 * - `offset` then `limit` select the segment whatever order they are written
 *   in, and `reversed` reverses that segment afterwards. Ruby compares each
 *   item's index with the bounds, so a negative offset starts at the first
 *   item and a negative limit leaves nothing; a string is one item however it
 *   is sliced.
 * - `limit` and `offset` go through Ruby's `Integer()`: "2" counts, "2abc", 2.5
 *   and true raise "invalid integer", even when the collection is empty; nil
 *   means no limit, offset 0.
 * - `offset: continue` starts where the last loop with the same variable and
 *   collection stopped (where its segment ended, even after a `break`).
 * - `else` renders when the segment is empty, not only the collection.
 * - `forloop.parentloop` is the enclosing loop's forloop.
 *
 * Its markup has passed Ruby's strict grammar, or been rewritten as Ruby's lax
 * mode reads it (parse-mode.ts): `reversed` right after the collection, then
 * only `limit:` and `offset:`. The checks here keep that true for a loop no
 * mode has read (liquidjs's own `parse` of a tag list).
 */
class RubyForTag extends ForTag {
  private readonly reversed: boolean;
  private readonly from?: ValueToken | 'continue';
  private readonly limit?: ValueToken;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid, parser);
    const attributes = Object.entries((this as unknown as ForFields).hash.hash);
    this.reversed = attributes[0]?.[0] === 'reversed' && attributes[0][1] === undefined;
    for (const [key, value] of this.reversed ? attributes.slice(1) : attributes) {
      if (key !== 'limit' && key !== 'offset') throw syntaxError(INVALID_ATTRIBUTE);
      if (value === undefined) throw syntaxError(`${INVALID_ATTRIBUTE} (${key} needs a value: ${key}: 2)`);
      if (key === 'limit') this.limit = value;
      else this.from = value.getText() === 'continue' ? 'continue' : value;
    }
    const rest = this.tokenizer.remaining().trim();
    if (rest !== '') throw syntaxError(`Expected end_of_string but found '${rest}' in "${token.args.trim()}"`);
  }

  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const self = this as unknown as ForFields;
    const offsets = ctx.getRegister(OFFSETS, new Map()) as Map<string, number>;
    const name = `${self.variable}-${self.collection.getText()}`;
    // Ruby's order: the offset, the collection, then the limit.
    const from = this.from === 'continue' ? (offsets.get(name) ?? 0) : ((yield* integerArgument(this.from, ctx)) ?? 0);
    const source = yield* collectionOf(self.collection, ctx);
    const limit = yield* integerArgument(this.limit, ctx);
    const segment = sliceCollection(source, from, limit === undefined ? undefined : from + limit);
    if (this.reversed) segment.reverse();
    offsets.set(name, from + segment.length);
    if (segment.length === 0) {
      yield this.liquid.renderer.renderTemplates(self.elseTemplates, ctx, emitter);
      return;
    }
    yield* this.renderSegment(ctx, emitter, segment, new RubyForloop(name, segment.length, enclosingForloop(ctx)));
  }

  private *renderSegment(ctx: Context, emitter: Emitter, segment: unknown[], forloop: RubyForloop): Generator<unknown, void, unknown> {
    const self = this as unknown as ForFields;
    const scope: Scope = { forloop };
    ctx.push(scope);
    try {
      for (const item of segment) {
        chargeIteration(ctx, emitter, this);
        scope[self.variable] = item;
        ctx.continueCalled = ctx.breakCalled = false;
        yield this.liquid.renderer.renderTemplates(self.templates, ctx, emitter);
        if (ctx.breakCalled) break;
        forloop.next();
      }
    } finally {
      ctx.continueCalled = ctx.breakCalled = false;
      ctx.pop();
    }
  }
}

/** A `limit`/`offset` value as Ruby's Utils.to_integer reads it; undefined when absent or nil. */
function* integerArgument(token: ValueToken | undefined, ctx: Context): Generator<unknown, number | undefined, unknown> {
  if (token === undefined) return undefined;
  const value = yield evalToken(token, ctx);
  const plain = toValue(value);
  return plain === null || plain === undefined ? undefined : toRubyIntegerStrict(value);
}

function enclosingForloop(ctx: Context): unknown {
  const scopes = (ctx as unknown as { scopes: Scope[] }).scopes;
  for (let i = scopes.length - 1; i >= 0; i--) if (Object.hasOwn(scopes[i], 'forloop')) return scopes[i].forloop;
  return undefined;
}

function syntaxError(message: string): RubyLiquidError {
  return new RubyLiquidError(message, 'Liquid::SyntaxError');
}

export function registerRubyLoops(liquid: Liquid): void {
  liquid.registerTag('for', RubyForTag);
}
