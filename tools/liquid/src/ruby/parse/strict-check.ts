import { GRAMMARS, variable } from './strict-grammar.ts';
import { StrictSyntaxError, type Dialect } from './lexer.ts';

/**
 * Why Ruby's strict parse refuses a markup, worded as Ruby prints it (the markup quoted after the message when the
 * strict parser raised: an output's in braces, a tag's trimmed), or undefined when it accepts it.
 */
export function strictRefusal(tag: string, markup: string, dialect: Dialect): string | undefined {
  const grammar = tag === 'output' ? variable : Object.hasOwn(GRAMMARS[dialect], tag) ? GRAMMARS[dialect][tag] : undefined;
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
