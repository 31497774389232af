import {
  IfTag,
  Tag,
  TokenKind,
  Value,
  evalToken,
  toValue,
  type Context,
  type Emitter,
  type Liquid,
  type Parser,
  type TagToken,
  type Template,
  type TopLevelToken,
} from 'liquidjs';
import { needed } from './short-circuit.ts';

type ValueToken = NonNullable<Parameters<typeof evalToken>[0]>;

/**
 * `if` and `case` with Ruby Liquid's branches, where liquidjs's refuse or differ:
 *
 * - `if` takes any number of `else`: the first wins (Ruby's ElseCondition is always true), and what follows it
 *   (another `else`, an `elsif`) is never reached. liquidjs refuses a second `else` ("duplicated else") and an
 *   `elsif` after one. The gem 5.4 prints `b` for `{% if no %}a{% else %}b{% else %}c{% endif %}`.
 * - `case` tries its blocks in order and renders every `when` value that matches (`when "a", "a"` renders twice);
 *   an `else` renders where it stands if no `when` before it matched, and every `else` does. The gem prints `bc`
 *   for `{% case 1 %}{% when 2 %}a{% else %}b{% when 1 %}c{% else %}d{% endcase %}`; liquidjs printed `b`.
 */
export function registerRubyBranches(liquid: Liquid): void {
  liquid.registerTag('if', RubyIfTag);
  liquid.registerTag('case', RubyCaseTag);
}

class RubyIfTag extends IfTag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    dropUnreachableBranches(remainTokens);
    super(token, remainTokens, liquid, parser);
  }
}

/** Bodies that do not parse their content as tags: an `if` written inside one is not a block. */
const OPAQUE = new Set(['comment', 'raw', 'doc']);
/** Blocks with branches of their own: an `else` inside one is theirs. */
const BRANCHING = new Set(['if', 'unless', 'case', 'for']);

/**
 * The tokens of this `if` from what follows its first `else` (a second `else`, or an `elsif`) to its `endif`:
 * Ruby never renders them, so liquidjs is not given them. Nested blocks and opaque bodies are skipped whole.
 */
function dropUnreachableBranches(tokens: TopLevelToken[]): void {
  const open: string[] = [];
  let opaque: { name: string; depth: number } | undefined;
  let seenElse = false;
  let unreachableFrom = -1;
  for (let index = 0; index < tokens.length; index++) {
    const name = tagName(tokens[index]);
    if (!name) continue;
    if (opaque) {
      // Comments nest; a raw body ends at its first endraw.
      if (name === opaque.name && name === 'comment') opaque.depth += 1;
      else if (name === `end${opaque.name}` && --opaque.depth === 0) opaque = undefined;
    } else if (OPAQUE.has(name)) opaque = { name, depth: 1 };
    else if (BRANCHING.has(name)) open.push(name);
    else if (open.length > 0 && name === `end${open.at(-1)}`) open.pop();
    else if (open.length === 0 && name === 'endif') {
      if (unreachableFrom >= 0) tokens.splice(unreachableFrom, index - unreachableFrom);
      return;
    } else if (open.length === 0 && unreachableFrom < 0 && (name === 'else' || name === 'elsif')) {
      if (seenElse) unreachableFrom = index;
      else if (name === 'else') seenElse = true;
    }
  }
}

function tagName(token: TopLevelToken): string | undefined {
  return token.kind === TokenKind.Tag ? (token as TagToken).name : undefined;
}

interface CaseBlock {
  /** A `when`'s values, each its own condition; none for an `else`. */
  values?: ValueToken[];
  templates: Template[];
}

class RubyCaseTag extends Tag {
  private readonly value: Value;
  private readonly blocks: CaseBlock[] = [];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid);
    this.value = new Value(this.tokenizer.readFilteredValue(), liquid);
    // What stands before the first `when` is not rendered, as in Ruby.
    let body: Template[] = [];
    const stream = parser
      .parseStream(remainTokens)
      .on('tag:when', (when: TagToken) => this.blocks.push({ values: whenValues(when), templates: (body = []) }))
      .on('tag:else', () => this.blocks.push({ templates: (body = []) }))
      .on('tag:endcase', () => stream.stop())
      .on('template', (template: Template) => body.push(template))
      .on('end', () => {
        throw new Error(`tag ${token.getText()} not closed`);
      });
    stream.start();
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const renderer = this.liquid.renderer;
    const equals = ctx.opts.operators['=='] as (l: unknown, r: unknown, ctx: Context) => unknown;
    let elseOpen = true;
    for (const block of this.blocks) {
      if (!block.values) {
        if (elseOpen) yield renderer.renderTemplates(block.templates, ctx, emitter);
        continue;
      }
      for (const token of block.values) {
        // Ruby evaluates the subject again for each condition.
        const subject = yield toValue(yield this.value.value(ctx, ctx.opts.lenientIf));
        const value = yield evalToken(token, ctx, ctx.opts.lenientIf);
        if (!needed(yield equals(subject, value, ctx))) continue;
        elseOpen = false;
        yield renderer.renderTemplates(block.templates, ctx, emitter);
      }
    }
  }
}

/** `when a, b or c`: the values as liquidjs reads them, separated by commas or `or`. */
function whenValues(token: TagToken): ValueToken[] {
  const values: ValueToken[] = [];
  const tokenizer = token.tokenizer;
  while (!tokenizer.end()) {
    values.push(tokenizer.readValueOrThrow() as ValueToken);
    tokenizer.skipBlank();
    if (tokenizer.peek() === ',') tokenizer.readTo(',');
    else tokenizer.readTo('or');
  }
  return values;
}
