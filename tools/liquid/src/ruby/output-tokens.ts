import { Tokenizer } from 'liquidjs';

let installed = false;

/**
 * Ruby Liquid ends an output at the first `}}`, inside quotes or not: `{{ "a }}` is the markup `"a` (lax prints
 * nothing, strict says `Unexpected character "`). liquidjs reads a quoted `}}` as part of the string and then finds
 * no end. Its only quote-aware read is the output's, so the tokenizer's reads all ignore quotes, once per process
 * (every engine instance reads as Ruby).
 */
export function installRubyOutputTokens(): void {
  if (installed) return;
  installed = true;
  const tokenizer = Tokenizer.prototype as unknown as { readToDelimiter(delimiter: string, respectQuoted?: boolean): number };
  const readToDelimiter = tokenizer.readToDelimiter;
  tokenizer.readToDelimiter = function (this: unknown, delimiter: string) {
    return readToDelimiter.call(this, delimiter, false);
  };
}
