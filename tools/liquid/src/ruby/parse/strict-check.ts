import type { Liquid } from 'liquidjs';
import { GRAMMARS, variable } from './strict-grammar.ts';
import { StrictSyntaxError, type Dialect } from './lexer.ts';
import { markupsOf, syntaxErrorAt } from './walk.ts';

/**
 * Checks every tag and output of a template against Ruby Liquid's strict grammar before liquidjs parses it, and
 * raises the first refusal as Ruby words it (`Expected end_of_string but found id in "x in x step ,"`) at the
 * tag's line.
 */
export function checkStrictly(liquid: Liquid, source: string, dialect: Dialect, file?: string): void {
  for (const markup of markupsOf(liquid, source, file)) {
    const refusal = strictRefusal(markup.tag, markup.text, dialect);
    if (refusal) throw syntaxErrorAt(refusal, markup.token);
  }
}

/**
 * Why Ruby's strict parse refuses a markup, worded as Ruby prints it (the markup quoted after the message when the
 * strict parser raised: an output's in braces, a tag's trimmed), or undefined when it accepts it.
 */
export function strictRefusal(tag: string, markup: string, dialect: Dialect): string | undefined {
  const grammar = tag === 'output' ? variable : GRAMMARS[dialect][tag];
  if (!grammar) return undefined;
  try {
    grammar(markup, dialect);
    return undefined;
  } catch (error) {
    if (!(error instanceof StrictSyntaxError)) throw error;
    if (!error.quotesMarkup) return error.message;
    // Outputs and `echo` are Ruby Variables, quoted in braces with their markup as written.
    const shown = tag === 'output' || tag === 'echo' ? `{{${tag === 'echo' ? markup.trimStart() : markup}}}` : markup.trim();
    return `${error.message} in "${shown}"`;
  }
}
