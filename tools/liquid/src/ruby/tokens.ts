import { Tokenizer, type Token } from 'liquidjs';
import { isRubyTokenizer } from './engines.ts';

let installed = false;

interface TokenizerState {
  input: string;
  p: number;
  N: number;
  file?: string;
  rawBeginAt: number;
  /** The tag that ends the raw body being read: `endraw` or `enddoc`. */
  rawEnd?: string;
  /** How many `comment` blocks the tokenizer is inside. */
  commentDepth?: number;
  readToDelimiter(delimiter: string, respectQuoted?: boolean): number;
  readTagToken(options: unknown): Token;
  readEndrawOrRawContent(options: unknown): Token;
  readHTMLToken(stopStrings: string[]): Token;
  error(message: string, at?: number): Error;
  snapshot(begin?: number): string;
}

/**
 * Where liquidjs's tokenizer splits a template differently from Ruby's (patched once per process, for our engines'
 * tokenizers only: engines.ts):
 *
 * - An output ends at the first `}}`, inside quotes or not: `{{ "a }}` is the markup `"a` (lax prints nothing,
 *   strict says `Unexpected character "`). liquidjs reads a quoted `}}` as part of the string and then finds no
 *   end. Its only quote-aware read is the output's, so every read ignores quotes.
 * - A `raw` body ends at the first whole `{% endraw %}`: liquid-spec's RawTagTest prints ` Foobar {% invalid {% {%
 *   endraw ` for `{% raw %} Foobar {% invalid {% {% endraw {% endraw %}`, where liquidjs stopped at the first
 *   `{% endraw`.
 * - A `doc` body is not Liquid: it ends at the first whole `{% enddoc %}`, whatever stands before it (an unclosed
 *   `{% raw %}`, a `{%` with no name), and a `{% doc %}` inside it is Ruby's "Nested doc tags are not allowed".
 * - Inside a `comment`, a tag with no name (`{%%}`, `{% " %}`) is text, as liquid-spec's StandardTagTest has it;
 *   liquidjs refused it as "illegal tag syntax".
 */
export function installRubyTokens(): void {
  if (installed) return;
  installed = true;
  const tokenizer = Tokenizer.prototype as unknown as TokenizerState;
  const readToDelimiter = tokenizer.readToDelimiter;
  tokenizer.readToDelimiter = function (this: TokenizerState, delimiter: string, respectQuoted?: boolean) {
    return readToDelimiter.call(this, delimiter, isRubyTokenizer(this) ? false : respectQuoted);
  };
  const readTagToken = tokenizer.readTagToken;
  tokenizer.readTagToken = function (this: TokenizerState, options: unknown) {
    if (!isRubyTokenizer(this)) return readTagToken.call(this, options);
    const begin = this.p;
    let token: Token & { name: string; args: string };
    try {
      token = readTagToken.call(this, options) as Token & { name: string; args: string };
    } catch (error) {
      if (!this.commentDepth || this.p <= begin) throw error;
      return textBetween(this, begin, this.p);
    }
    if (token.name === 'comment') this.commentDepth = (this.commentDepth ?? 0) + 1;
    else if (token.name === 'endcomment' && this.commentDepth) this.commentDepth -= 1;
    if (token.name === 'raw' || token.name === 'doc') {
      // In every mode, as Ruby's raw and doc check their markup before reading their body.
      if (token.args.trim() !== '') throw this.error(`Syntax Error in '${token.name}' - Valid syntax: ${token.name}`, begin);
      this.rawBeginAt = begin;
      this.rawEnd = `end${token.name}`;
    }
    return token;
  };
  const readEndrawOrRawContent = tokenizer.readEndrawOrRawContent;
  tokenizer.readEndrawOrRawContent = function (this: TokenizerState, options: unknown) {
    if (!isRubyTokenizer(this)) return readEndrawOrRawContent.call(this, options);
    const end = this.rawEnd ?? 'endraw';
    const at = endTagAt(this, end);
    if (at === this.p) {
      this.rawBeginAt = -1;
      return readTagToken.call(this, options);
    }
    // The body as text: read up to where the end tag starts.
    return textBetween(this, this.p, at);
  };
}

/** The source from `begin` to `end` as one text token, the tokenizer left at `end`. */
function textBetween(state: TokenizerState, begin: number, end: number): Token {
  const limit = state.N;
  state.p = begin;
  state.N = end;
  const text = state.readHTMLToken([]);
  state.N = limit;
  return text;
}

/**
 * Where the body's end tag starts, as Ruby's tokenizer finds it: each `{%` runs to the first `%}` after it, and of
 * that run the last `{%` is the tag (so `{% endraw {% endraw %}` ends at the second); its name must be the end's,
 * whatever follows it (`{% enddoc xyz %}` ends a doc). Before a doc's end, a `{% doc` is a nested doc.
 */
function endTagAt(state: TokenizerState, end: string): number {
  let from = state.p;
  for (;;) {
    const open = state.input.indexOf('{%', from);
    const close = open < 0 ? -1 : state.input.indexOf('%}', open + 2);
    if (close < 0 || close + 2 > state.N) throw state.error(`${end.slice(3)} ${state.snapshot(state.rawBeginAt)} not closed`, state.p);
    const tag = state.input.lastIndexOf('{%', close - 1);
    const name = /^-?\s*(\w+)/.exec(state.input.slice(tag + 2, close))?.[1];
    if (name === end) return tag;
    if (end === 'enddoc' && name === 'doc') throw state.error("Syntax Error in 'doc' - Nested doc tags are not allowed", tag);
    from = close + 2;
  }
}
