import type { Liquid } from 'liquidjs';
import { RubyLiquidError } from '../errors.ts';
import { deferring } from '../short-circuit.ts';
import { GRAMMARS } from './strict-grammar.ts';
import { strictRefusal } from './strict-check.ts';
import type { Dialect } from './lexer.ts';
import { LAX_READERS, UNKNOWN_OPERATOR } from './lax-tags.ts';
import { markupsOf, RubySyntaxError, syntaxErrorAt, type Markup } from './walk.ts';

/**
 * A template's source as liquidjs is to read it in a parse mode. In every mode an empty output (`{{}}`, `{{-}}`)
 * is nil, as in Ruby (liquidjs refuses it). In `strict` and `strict2` every markup is checked against Ruby's
 * strict grammar, the first refusal raised in Ruby's words. In `lax`, which Shopify's storefront parses themes
 * in, a markup the strict grammar refuses is read by Ruby's lax patterns instead (lax-tags.ts) and rewritten, in
 * place, to the markup liquidjs reads for the same meaning; what strict accepts is left as written. Each rewritten
 * tag keeps its line breaks, so every later line number stays the template's own. Lax syntax errors (a `for`
 * with no `in`) raise as Ruby raises them.
 */
export function rubySource(liquid: Liquid, source: string, mode: 'lax' | Dialect, file?: string): string {
  const edits: { begin: number; end: number; text: string }[] = [];
  for (const markup of markupsOf(liquid, source, file)) {
    if (markup.tag === 'output' && markup.text.trim() === '') {
      edits.push({ begin: markup.token.begin, end: markup.token.end, text: rebuilt(markup, 'nil') });
      continue;
    }
    if (mode !== 'lax') {
      const refusal = strictRefusal(markup.tag, markup.text, mode);
      if (refusal) throw syntaxErrorAt(refusal, markup.token);
      continue;
    }
    const read = Object.hasOwn(LAX_READERS, markup.tag) ? LAX_READERS[markup.tag] : undefined;
    if (!read || !refusedStrictly(markup)) continue;
    let rewritten: string | undefined;
    try {
      rewritten = read(markup.text);
    } catch (error) {
      if (error instanceof RubySyntaxError) throw syntaxErrorAt(error.message, markup.token);
      throw error;
    }
    if (rewritten !== undefined) edits.push({ begin: markup.token.begin, end: markup.token.end, text: rebuilt(markup, rewritten) });
  }
  let result = source;
  for (const edit of edits.reverse()) result = result.slice(0, edit.begin) + edit.text + result.slice(edit.end);
  return result;
}

/** Ruby's strict grammar for the tag: the gem 5.4's where it has one, strict2's for the tags it parsed laxly only. */
function refusedStrictly(markup: Markup): boolean {
  const dialect = markup.tag === 'output' || Object.hasOwn(GRAMMARS.strict, markup.tag) ? 'strict' : 'strict2';
  return strictRefusal(markup.tag, markup.text, dialect) !== undefined;
}

/** The token again around its new markup: same delimiters and trim dashes, the same number of line breaks. */
function rebuilt(markup: Markup, rewritten: string): string {
  const original = markup.token.getText();
  const breaks = '\n'.repeat(Math.max(0, countBreaks(original) - countBreaks(rewritten)));
  if (markup.inLiquidTag) return `${markup.tag} ${rewritten}${breaks}`;
  const [open, close] = markup.tag === 'output' ? ['{{', '}}'] : ['{%', '%}'];
  const left = original.startsWith(`${open}-`) ? '-' : '';
  const right = original.endsWith(`-${close}`) ? '-' : '';
  const body = markup.tag === 'output' ? rewritten : `${markup.tag} ${rewritten}`;
  return `${open}${left} ${body} ${breaks}${right}${close}`;
}

function countBreaks(text: string): number {
  return text.split('\n').length - 1;
}

/** The operator a rewritten condition uses for one Ruby does not know (lax-tags.ts), on this instance only. */
export function registerLaxOperator(liquid: Liquid): void {
  liquid.options.operators = {
    ...liquid.options.operators,
    [UNKNOWN_OPERATOR]: deferring((_left: unknown, operator: unknown) => {
      throw new RubyLiquidError(`Unknown operator ${String(operator)}`);
    }),
  } as typeof liquid.options.operators;
}
