import { StrictSyntaxError, type Dialect } from './lexer.ts';
import { MarkupParser } from './parser.ts';
import { assignParts } from './lax-expression.ts';

/**
 * What each tag's markup must be in Ruby Liquid's strict parse, one small function a tag, registered per dialect
 * at the end. Each reads the whole markup or raises Ruby's wording; none builds anything: liquidjs still parses
 * the template that passed. The gem 5.4's `strict` parses outputs, `assign`'s value, conditions and `for`
 * strictly and the other tags by its lax patterns; `strict2` parses every tag strictly.
 */
export type Grammar = (markup: string, dialect: Dialect) => void;

const syntaxError = (message: string) => new StrictSyntaxError(message, { quotesMarkup: false });

/** `{{ … }}` and `echo`: an expression and its filters. An empty output is allowed. */
export function variable(markup: string, dialect: Dialect): void {
  const p = new MarkupParser(markup, dialect);
  if (p.look('end_of_string')) return;
  p.expression();
  while (p.consumeIf('pipe') !== undefined) {
    p.consume('id');
    if (p.consumeIf('colon') === undefined) continue;
    // strict2 lets the arguments end early: a colon or a comma straight before the next filter or the end
    // (`x | f: | g`, `x | f: "a", }}`) leaves no argument.
    const ended = () => dialect === 'strict2' && (p.look('pipe') || p.look('end_of_string'));
    if (ended()) continue;
    p.argument();
    while (p.consumeIf('comma') !== undefined && !ended()) p.argument();
  }
  p.consume('end_of_string');
}

function assign(markup: string, dialect: Dialect): void {
  const parts = assignParts(markup);
  if (!parts) throw syntaxError("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]");
  if (dialect === 'strict2') name(parts.target, dialect);
  variable(parts.value, dialect);
}

/** A variable name alone: capture, increment, decrement, and assign's target. */
function name(markup: string, dialect: Dialect): void {
  const p = new MarkupParser(markup, dialect);
  p.consume('id');
  p.consume('end_of_string');
}

function condition(markup: string, dialect: Dialect): void {
  const p = new MarkupParser(markup, dialect);
  comparison(p);
  while (p.idIf('and') || p.idIf('or')) comparison(p);
  p.consume('end_of_string');
}

function comparison(p: MarkupParser): void {
  p.expression();
  if (p.consumeIf('comparison') !== undefined) p.expression();
}

const FOR_ATTRIBUTE = 'Invalid attribute in for loop. Valid attributes are limit and offset';

function forLoop(markup: string, dialect: Dialect): void {
  const p = new MarkupParser(markup, dialect);
  p.consume('id');
  if (!p.idIf('in')) throw new StrictSyntaxError("For loops require an 'in' clause");
  p.expression();
  p.idIf('reversed');
  // Commas between attributes are allowed (Liquid after 5.4, which liquid-spec follows; the gem 5.4's strict
  // refuses them), and in strict2 any other word is a bad attribute.
  const more = () => p.look('comma') || (dialect === 'strict2' ? p.look('id') : p.look('id') && p.look('colon', 1));
  while (more()) {
    p.consumeIf('comma');
    if (!p.idIf('limit') && !p.idIf('offset')) throw new StrictSyntaxError(FOR_ATTRIBUTE);
    p.consume('colon');
    p.expression();
  }
  p.consume('end_of_string');
}

const TABLEROW_ATTRIBUTES = new Set(['cols', 'limit', 'offset', 'range']);

function tablerow(markup: string, dialect: Dialect): void {
  const p = new MarkupParser(markup, dialect);
  p.consume('id');
  if (!p.idIf('in')) throw new StrictSyntaxError("For loops require an 'in' clause");
  p.expression();
  while (p.look('comma') || p.look('id')) {
    p.consumeIf('comma');
    const attribute = p.consume('id');
    if (!TABLEROW_ATTRIBUTES.has(attribute)) {
      throw new StrictSyntaxError(`Invalid attribute '${attribute}' in tablerow loop. Valid attributes are cols, limit, offset, and range`);
    }
    p.consume('colon');
    p.expression();
  }
  p.consume('end_of_string');
}

function caseSubject(markup: string, dialect: Dialect): void {
  const p = new MarkupParser(markup, dialect);
  p.expression();
  p.consume('end_of_string');
}

function when(markup: string, dialect: Dialect): void {
  const p = new MarkupParser(markup, dialect);
  p.expression();
  while (p.consumeIf('comma') !== undefined || p.idIf('or')) p.expression();
  p.consume('end_of_string');
}

function cycle(markup: string, dialect: Dialect): void {
  const p = new MarkupParser(markup, dialect);
  if (p.look('end_of_string')) throw syntaxError("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]");
  p.expression();
  if (p.consumeIf('colon') !== undefined) p.expression();
  while (p.consumeIf('comma') !== undefined) p.expression();
  p.consume('end_of_string');
}

/** `include`/`render`: the partial, then `with`/`for` a value, `as` a name, and `key: value` pairs. */
function partial(first: (p: MarkupParser) => void): Grammar {
  return (markup, dialect) => {
    const p = new MarkupParser(markup, dialect);
    first(p);
    if (p.idIf('with') || p.idIf('for')) p.expression();
    if (p.idIf('as')) p.consume('id');
    while (p.look('comma') || p.look('id')) {
      p.consumeIf('comma');
      p.consume('id');
      p.consume('colon');
      p.expression();
    }
    p.consume('end_of_string');
  };
}

const STRICT: Record<string, Grammar> = {
  assign,
  echo: variable,
  if: condition,
  elsif: condition,
  unless: condition,
  for: forLoop,
};

const STRICT2: Record<string, Grammar> = {
  ...STRICT,
  capture: name,
  increment: name,
  decrement: name,
  tablerow,
  case: caseSubject,
  when,
  cycle,
  include: partial((p) => p.expression()),
  render: partial((p) => p.consume('string')),
};

export const GRAMMARS: Record<Dialect, Record<string, Grammar>> = { strict: STRICT, strict2: STRICT2 };
