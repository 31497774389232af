import { assignParts, laxExpression, loopParts, quoted, QUOTED_FRAGMENT as QF, TAG_ATTRIBUTES, VARIABLE_SIGNATURE } from './lax-expression.ts';
import { RubySyntaxError } from './walk.ts';

/**
 * Ruby Liquid's lax reading of each tag's markup (its `lax_parse` patterns), one small function a tag, each giving
 * the markup liquidjs reads for the same meaning (undefined: leave it as written), or raising the syntax error Ruby
 * raises in lax mode too.
 */
export type LaxReader = (markup: string) => string | undefined;

/**
 * The operator that stands for one Ruby does not know (`if a = b`): compares `left <this> "="` by raising
 * "Unknown operator =" when, and only when, Ruby's condition would be evaluated. A template that writes it
 * itself only gets that error.
 */
export const UNKNOWN_OPERATOR = '=~encore-unknown-operator~=';

const MARKUP_WITH_QUOTED_FRAGMENT = new RegExp(String.raw`(${QF})([\s\S]*)`);
const FILTER_PARSER = new RegExp(String.raw`(?:\s+|${QF}|,)+`, 'g');
const FILTER_ARGS = new RegExp(String.raw`[:,]\s*((?:\w+\s*:\s*)?${QF})`, 'g');
const JUST_TAG_ATTRIBUTES = new RegExp(String.raw`^(\w[\w-]*)\s*:\s*(${QF})$`);

/** `Liquid::Variable#lax_parse`: the first fragment is the value; after a `|`, each chunk's first word is a filter. */
export function laxVariable(markup: string): string {
  const match = MARKUP_WITH_QUOTED_FRAGMENT.exec(markup);
  if (!match) return 'nil';
  let value = laxExpression(match[1]);
  const filters = /\|\s*([\s\S]*)/.exec(match[2]);
  for (const chunk of filters?.[1].match(FILTER_PARSER) ?? []) {
    const name = /\w+/.exec(chunk);
    if (!name) continue;
    const args = [...chunk.matchAll(FILTER_ARGS)].map(([, argument]) => {
      const named = JUST_TAG_ATTRIBUTES.exec(argument);
      return named ? `${named[1]}: ${laxExpression(named[2])}` : laxExpression(argument);
    });
    value += ` | ${name[0]}${args.length > 0 ? `: ${args.join(', ')}` : ''}`;
  }
  return value;
}

function assign(markup: string): string {
  const parts = assignParts(markup);
  if (!parts) throw new RubySyntaxError("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]");
  return `${parts.target} = ${laxVariable(parts.value)}`;
}

function capture(markup: string): string {
  const match = new RegExp(VARIABLE_SIGNATURE).exec(markup);
  if (!match) throw new RubySyntaxError("Syntax Error in 'capture' - Valid syntax: capture [var]");
  return match[0];
}

const KNOWN_OPERATORS = new Set(['==', '!=', '<>', '<', '>', '>=', '<=', 'contains']);
const AND_OR = String.raw`\b(?:\s?and\s?|\s?or\s?)\b`;
const EXPRESSIONS_AND_OPERATORS = new RegExp(String.raw`(?:${AND_OR}|(?:\s*(?!${AND_OR})(?:${QF}|\S+)\s*)+)`, 'g');
const CONDITION = new RegExp(String.raw`(${QF})\s*([=!<>a-z_]+)?\s*(${QF})?`);
const IF_SYNTAX = "Syntax Error in tag 'if' - Valid syntax: if [expression]";

/**
 * `If#lax_parse`: conditions joined by `and`/`or`, each `left [operator right]` where the operator is any run of
 * `=!<>a-z_`; one Ruby does not know raises when compared, which UNKNOWN_OPERATOR reproduces.
 */
function condition(markup: string): string {
  // Ruby pops from the end: the last condition, then an operator and the condition before it, and so on.
  const expressions = markup.match(EXPRESSIONS_AND_OPERATORS) ?? [];
  const parts = [comparison(expressions.pop())];
  while (expressions.length > 0) {
    const joiner = String(expressions.pop()).trim();
    const left = comparison(expressions.pop());
    if (joiner !== 'and' && joiner !== 'or') throw new RubySyntaxError(IF_SYNTAX);
    parts.unshift(left, joiner);
  }
  return parts.join(' ');
}

function comparison(markup: string | undefined): string {
  const match = CONDITION.exec(markup ?? '');
  if (!match) throw new RubySyntaxError(IF_SYNTAX);
  const [, left, operator, right] = match;
  if (!operator) return laxExpression(left);
  if (!KNOWN_OPERATORS.has(operator)) return `${laxExpression(left)} ${UNKNOWN_OPERATOR} ${quoted(operator)}`;
  return `${laxExpression(left)} ${operator} ${laxExpression(right)}`;
}

/** The `key: value` attributes Ruby scans anywhere in a loop's markup, the last of a key winning. */
function attributes(markup: string, keys: string[]): string {
  const found = new Map<string, string>();
  for (const [, key, value] of markup.matchAll(TAG_ATTRIBUTES)) if (keys.includes(key)) found.set(key, value);
  return [...found].map(([key, value]) => ` ${key}: ${key === 'offset' && value === 'continue' ? 'continue' : laxExpression(value)}`).join('');
}

const FOR = new RegExp(String.raw`^([\w-]+)\s+in\s+(${QF})\s*(reversed)?`);

function forLoop(markup: string): string {
  const match = FOR.exec(markup);
  if (!match) throw new RubySyntaxError("Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]");
  return `${match[1]} in ${laxExpression(match[2])}${match[3] ? ' reversed' : ''}${attributes(markup, ['limit', 'offset'])}`;
}

function tablerow(markup: string): string {
  const parts = loopParts(markup);
  const collection = parts && new RegExp(`^${QF}`).exec(parts.collection);
  if (!parts || !collection) throw new RubySyntaxError("Syntax Error in 'table_row loop' - Valid syntax: table_row [item] in [collection] cols=3");
  return `${parts.variable} in ${laxExpression(collection[0])}${attributes(markup, ['cols', 'limit', 'offset'])}`;
}

function caseSubject(markup: string): string {
  const match = new RegExp(QF).exec(markup);
  if (!match) throw new RubySyntaxError("Syntax Error in 'case' - Valid syntax: case [condition]");
  return laxExpression(match[0]);
}

const WHEN = new RegExp(String.raw`(${QF})(?:(?:\s+or\s+|\s*,\s*)(${QF}[\s\S]*))?`);

function when(markup: string): string {
  const values: string[] = [];
  let rest: string | undefined = markup;
  while (rest !== undefined) {
    const match = WHEN.exec(rest);
    if (!match) throw new RubySyntaxError("Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}");
    values.push(laxExpression(match[1]));
    rest = match[2];
  }
  return values.join(', ');
}

const NAMED_CYCLE = new RegExp(String.raw`^(${QF})\s*:\s*([\s\S]*)`);
const SIMPLE_CYCLE = new RegExp(String.raw`^(?:${QF})+`);

/** `Cycle`: `name: values` or values alone; each comma-separated value is its first fragment. */
function cycle(markup: string): string {
  const named = NAMED_CYCLE.exec(markup);
  if (!named && !SIMPLE_CYCLE.test(markup)) throw new RubySyntaxError("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]");
  const values = (named ? named[2] : markup)
    .split(',')
    .map((part) => new RegExp(String.raw`\s*(${QF})\s*`).exec(part)?.[1])
    .filter((value): value is string => value !== undefined)
    .map(laxExpression);
  // No values prints nothing on each turn, as Ruby's cycle over an empty list does.
  const list = values.length > 0 ? values.join(', ') : "''";
  return named ? `${laxExpression(named[1])}: ${list}` : list;
}

const PARTIAL_REST = String.raw`(?:\s+(?<binding>with|for)\s+(?<value>(?:${QF})+))?(?:\s+as\s+(?<alias>[\w-]+))?`;
const INCLUDE = new RegExp(String.raw`(?<name>(?:${QF})+)${PARTIAL_REST}`);
const RENDER = new RegExp(String.raw`(?<name>(?:"[^"]*"|'[^']*')+)${PARTIAL_REST}`);

/** `include` and `render`: the partial, `with`/`for` a value, `as` a name, and every `key: value` in the markup. */
function partial(pattern: RegExp, error: string, shopifyOwn?: RegExp): LaxReader {
  return (markup) => {
    if (shopifyOwn?.test(markup)) return undefined;
    const groups = pattern.exec(markup)?.groups;
    if (!groups) throw new RubySyntaxError(error);
    const binding = groups.binding ? ` ${groups.binding} ${laxExpression(groups.value)}` : '';
    const alias = groups.alias ? ` as ${groups.alias}` : '';
    const pairs = [...markup.matchAll(TAG_ATTRIBUTES)].map(([, key, value]) => `, ${key}: ${laxExpression(value)}`);
    return `${laxExpression(groups.name)}${binding}${alias}${pairs.join('')}`;
  };
}

export const LAX_READERS: Record<string, LaxReader> = {
  output: laxVariable,
  echo: laxVariable,
  assign,
  capture,
  if: condition,
  elsif: condition,
  unless: condition,
  for: forLoop,
  tablerow,
  case: caseSubject,
  when,
  cycle,
  include: partial(INCLUDE, "Error in tag 'include' - Valid syntax: include '[template]' (with|for) [object|collection]"),
  // Shopify's `{% render block %}` (theme blocks) is the engine's render tag's to read, and to refuse other names.
  render: partial(RENDER, "Syntax error in tag 'render' - Template name must be a quoted string", /^\s*[^\s'"]/),
};
