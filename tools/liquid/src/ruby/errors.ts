import { LiquidError } from 'liquidjs';

/**
 * Errors raised by our Ruby-semantics filters carry Ruby Liquid's wording
 * ("divided by 0", "invalid integer"), which liquid-spec and theme authors match on.
 */
export class RubyLiquidError extends Error {
  /** Ruby prints some errors (missing partials, nesting too deep) without a line number. */
  readonly lineless: boolean;

  constructor(
    message: string,
    readonly rubyClass = 'Liquid::ArgumentError',
    options: { lineless?: boolean } = {},
  ) {
    super(message);
    this.name = rubyClass;
    this.lineless = options.lineless ?? false;
  }
}

export class ZeroDivisionError extends RubyLiquidError {
  constructor() {
    super('divided by 0', 'ZeroDivisionError');
  }
}

export type FailureKind = 'parse_error' | 'render_error';

/** A Liquid failure as Ruby Liquid reports it: kind, bare message, line of the failing node. */
export interface LiquidFailure {
  kind: FailureKind;
  message: string;
  line?: number;
  /** Template the failing node came from (partials), when not the main template. */
  file?: string;
  /** The error prints without a position, like Ruby's file system and nesting errors. */
  lineless?: boolean;
  /** Ruby's error class, when known (`Liquid::SyntaxError`...). */
  rubyClass?: string;
}

interface WithToken {
  token?: { getPosition(): [number, number]; file?: string };
  originalError?: unknown;
}

/** Unwraps liquidjs's nested errors down to the original cause and the innermost node's position. */
export function describeFailure(error: unknown, kind: FailureKind): LiquidFailure {
  let current: unknown = error;
  let line: number | undefined;
  let file: string | undefined;
  while (LiquidError.is(current)) {
    const wrapped = current as unknown as WithToken & Error;
    if (wrapped.token) {
      line = wrapped.token.getPosition()[0];
      file = wrapped.token.file || undefined;
    }
    if (!wrapped.originalError) break;
    current = wrapped.originalError;
  }
  const raw = current instanceof Error ? current.message : String(current);
  const failure: LiquidFailure = {
    kind: isParseCause(current) ? 'parse_error' : kind,
    message: rubyMessage(stripPosition(raw)),
    line,
    file: templateName(file),
  };
  if (current instanceof RubyLiquidError) {
    failure.rubyClass = current.rubyClass;
    if (current.lineless) Object.assign(failure, { lineless: true, line: undefined, file: undefined });
  }
  return failure;
}

function isParseCause(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === 'ParseError' || name === 'TokenizationError' || name === 'Liquid::SyntaxError';
}

/**
 * A template file as Ruby names it in errors: `snippets/card` for a theme
 * file, the bare partial name (`card`) for one from an in-memory file system.
 */
export function templateName(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const bare = file.replace(/^\.\//, '').replace(/\.liquid$/, '');
  if (!bare.startsWith('/')) return bare;
  // From the theme folder on: `templates/customers/order` keeps its subfolder.
  const themeFolder = /\/((?:layout|templates|sections|snippets|blocks)\/.+)$/.exec(bare);
  return themeFolder ? themeFolder[1] : bare.split('/').slice(-2).join('/');
}

/** "Liquid error (line 3): divided by 0" / "Liquid syntax error (line 1): Unknown tag 'x'". */
export function formatFailure(failure: LiquidFailure): string {
  const label = failure.kind === 'parse_error' ? 'Liquid syntax error' : 'Liquid error';
  const where = failure.line === undefined ? '' : ` (${failure.file ? `${failure.file} ` : ''}line ${failure.line})`;
  return `${label}${where}: ${failure.message}`;
}

function stripPosition(message: string): string {
  return message.replace(/(, file:[^,]*)?, line:\d+, col:\d+$/, '');
}

/** liquidjs wording → Ruby Liquid wording, for the messages specs and authors look for. */
const RUBY_WORDING: [RegExp, string | ((...groups: string[]) => string)][] = [
  [/^tag "([^"]+)" not found$/, (_, tag) => `Unknown tag '${tag}'`],
  [/^undefined filter: (.+)$/, (_, name) => `undefined filter ${name}`],
  // A block without its end: liquidjs gives the opening tag as written (`{% if x %}`, or `if x` in a `liquid` tag);
  // a `{%` without its `%}` comes quoted, and is the delimiter message below.
  [/^tag (?!")(?:\{%-?\s*)?(\w+)[\s\S]* not closed$/, (_, tag) => `'${tag}' tag was never closed`],
  [/^(raw|doc) "[\s\S]*" not closed$/, (_, tag) => `'${tag}' tag was never closed`],
  [/^output (.*) not closed$/, () => "Variable '{{' was not properly terminated with regexp: /\\}\\}/"],
  [/^tag (.*) not closed$/s, () => "Tag '{%' was not properly terminated with regexp: /\\%\\}/"],
  [
    /^every line of an inline comment must start with a '#' character$/,
    () => "Syntax error in tag '#' - Each line of comments must be prefixed by the '#' character",
  ],
];

function rubyMessage(message: string): string {
  for (const [pattern, replacement] of RUBY_WORDING) {
    const match = pattern.exec(message);
    if (match) return typeof replacement === 'string' ? replacement : replacement(...match);
  }
  return message;
}
