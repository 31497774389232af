import { ParseError, Tokenizer, TokenKind, type Liquid, type Token } from 'liquidjs';

/** A tag or output token as liquidjs's tokenizer gives it. */
export interface MarkupToken extends Token {
  name?: string;
  args?: string;
  tokenizer?: Tokenizer;
}

/** One markup to read: an output's (`{{ … }}`), a tag's, or a line's of a `liquid` tag. */
export interface Markup {
  token: MarkupToken;
  /** `output` for `{{ … }}`, else the tag's name. */
  tag: string;
  /** The markup as Ruby reads it: an output's between its braces (whitespace kept, trim dashes not), a tag's after its name. */
  text: string;
  /** A line of a `liquid` tag (no delimiters of its own). */
  inLiquidTag: boolean;
}

/**
 * Bodies Ruby does not parse as Liquid: nothing inside them is read. The gem 5.4 still parses a comment's tags;
 * liquid-spec (Liquid after it) does not, and is followed here. (`raw` and `doc` bodies reach here as text:
 * ruby/tokens.ts.)
 */
const OPAQUE_BODIES = new Map([['comment', 'endcomment']]);

/** Branch tags and the blocks they belong to: elsewhere a branch is an unknown tag, liquidjs's parse says so. */
const BRANCHES = new Map([
  ['elsif', ['if', 'unless']],
  ['when', ['case']],
]);
const BRANCHING_BLOCKS = new Set(['if', 'unless', 'case', 'for', 'tablerow']);

/**
 * Every output and tag markup of a template in order, as Ruby's parser meets them (not inside comments,
 * a branch only inside its block), for the parse modes to check or rewrite. A template liquidjs cannot even
 * tokenize yields nothing: liquidjs's parse reports it.
 */
export function* markupsOf(liquid: Liquid, source: string, file?: string): Generator<Markup> {
  let tokens: MarkupToken[];
  try {
    tokens = new Tokenizer(source, liquid.options.operators, file).readTopLevelTokens(liquid.options) as MarkupToken[];
  } catch {
    return;
  }
  yield* new MarkupWalk(liquid).tokens(tokens, false);
}

class MarkupWalk {
  private opaque: { name: string; end: string; depth: number } | undefined;
  private readonly blocks: string[] = [];

  constructor(private readonly liquid: Liquid) {}

  *tokens(tokens: MarkupToken[], inLiquidTag: boolean): Generator<Markup> {
    for (const token of tokens) {
      if (token.kind === TokenKind.Output && !this.opaque) {
        const text = token.input
          .slice(token.begin + 2, token.end - 2)
          .replace(/^-/, '')
          .replace(/-$/, '');
        yield { token, tag: 'output', text, inLiquidTag };
      } else if (token.kind === TokenKind.Tag && token.name) yield* this.tag(token, token.name, inLiquidTag);
    }
  }

  private *tag(token: MarkupToken, name: string, inLiquidTag: boolean): Generator<Markup> {
    if (this.opaque) {
      if (name === this.opaque.name) this.opaque.depth += 1;
      else if (name === this.opaque.end && --this.opaque.depth === 0) this.opaque = undefined;
      return;
    }
    const end = OPAQUE_BODIES.get(name);
    if (end) this.opaque = { name, end, depth: 1 };
    if (name === 'liquid' && token.tokenizer) {
      yield* this.tokens(token.tokenizer.readLiquidTagTokens(this.liquid.options) as MarkupToken[], true);
      return;
    }
    if (BRANCHING_BLOCKS.has(name)) this.blocks.push(name);
    else if (name.startsWith('end') && this.blocks.at(-1) === name.slice(3)) this.blocks.pop();
    const branchOf = BRANCHES.get(name);
    if (branchOf && !branchOf.includes(this.blocks.at(-1) ?? '')) return;
    yield { token, tag: name, text: inLiquidTag ? (token.args ?? '') : untrimmedArgs(token), inLiquidTag };
  }
}

/** A `{% %}` tag's markup with the whitespace before its end, which liquidjs trims and Ruby keeps. */
function untrimmedArgs(token: MarkupToken): string {
  const args = token.args ?? '';
  const inner = token.getText().slice(0, -2).replace(/-$/, '');
  const at = inner.lastIndexOf(args);
  return at < 0 ? args : inner.slice(at);
}

export class RubySyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Liquid::SyntaxError';
  }
}

/** A syntax error located at its token, as liquidjs's parse errors are (file and line). */
export function syntaxErrorAt(message: string, token: Token): ParseError {
  return new ParseError(new RubySyntaxError(message), token);
}
