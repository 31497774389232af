import { inspectString } from '../output.ts';

/**
 * The token stream Ruby Liquid's strict parser reads a tag's markup as (`Liquid::Lexer`): a whole markup is
 * tokenized before any of it is parsed, so a character the lexer refuses is reported before any grammar error.
 */
export type TokenType =
  | 'comparison'
  | 'string'
  | 'number'
  | 'id'
  | 'dotdot'
  | 'pipe'
  | 'dot'
  | 'colon'
  | 'comma'
  | 'open_square'
  | 'close_square'
  | 'open_round'
  | 'close_round'
  | 'question'
  | 'dash'
  | 'end_of_string';

export interface LexToken {
  type: TokenType;
  /** The markup's text for the token; none for end_of_string. */
  text?: string;
}

const SPECIALS: Record<string, TokenType> = {
  '|': 'pipe',
  '.': 'dot',
  ':': 'colon',
  ',': 'comma',
  '[': 'open_square',
  ']': 'close_square',
  '(': 'open_round',
  ')': 'close_round',
  '?': 'question',
  '-': 'dash',
};

/**
 * Ruby Liquid's two strict grammars: `strict` as the gem 5.4 has it (the oracle), `strict2` as liquid-spec's
 * parser_errors suite specifies Liquid after it (every tag parsed strictly, `contains` always an operator, no bare
 * `[…]`).
 */
export type Dialect = 'strict' | 'strict2';

/** Tried in this order at each position, as the gem's lexer does; sticky so each matches where the last ended. */
const PATTERNS: [RegExp, TokenType][] = [
  [/==|!=|<>|<=?|>=?|contains(?=\s)/y, 'comparison'],
  [/'[^']*'/y, 'string'],
  [/"[^"]*"/y, 'string'],
  [/-?\d+(?:\.\d+)?/y, 'number'],
  [/[a-zA-Z_][\w-]*\??/y, 'id'],
  [/\.\./y, 'dotdot'],
];

/** Ruby's `\s`: ASCII whitespace only. */
const WHITESPACE = /[ \t\r\n\f\v]*/y;

export class StrictSyntaxError extends Error {
  /** Ruby quotes the markup after the message (`… in "x in y"`) for errors of its strict parse, not of a tag's syntax check. */
  readonly quotesMarkup: boolean;
  constructor(message: string, options: { quotesMarkup?: boolean } = {}) {
    super(message);
    this.name = 'Liquid::SyntaxError';
    this.quotesMarkup = options.quotesMarkup ?? true;
  }
}

export function tokenize(markup: string, dialect: Dialect): LexToken[] {
  const tokens: LexToken[] = [];
  let at = 0;
  while (at < markup.length) {
    WHITESPACE.lastIndex = at;
    WHITESPACE.exec(markup);
    at = WHITESPACE.lastIndex;
    if (at >= markup.length) break;
    const token = matchAt(markup, at, dialect);
    if (token) {
      tokens.push(token);
      at += token.text!.length;
      continue;
    }
    const char = String.fromCodePoint(markup.codePointAt(at)!);
    const special = Object.hasOwn(SPECIALS, char) ? SPECIALS[char] : undefined;
    if (!special) throw new StrictSyntaxError(`Unexpected character ${char}`);
    tokens.push({ type: special, text: char });
    at += char.length;
  }
  tokens.push({ type: 'end_of_string' });
  return tokens;
}

function matchAt(markup: string, at: number, dialect: Dialect): LexToken | undefined {
  for (const [pattern, type] of PATTERNS) {
    pattern.lastIndex = at;
    const match = pattern.exec(markup);
    // strict2: `contains` is an operator wherever it stands as a whole word, even last in the markup.
    if (match && dialect === 'strict2' && type === 'id' && match[0] === 'contains') return { type: 'comparison', text: match[0] };
    if (match) return { type, text: match[0] };
  }
  return undefined;
}

/** A token as Ruby's `Array#inspect` prints it in "… is not a valid expression": `[:comma, ","]`, `[:end_of_string]`. */
export function inspectToken(token: LexToken): string {
  return token.text === undefined ? `[:${token.type}]` : `[:${token.type}, ${inspectString(token.text)}]`;
}
