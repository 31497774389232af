import { Parser, type Liquid } from 'liquidjs';
import { rubySource, registerLaxOperator } from './parse/lax-rewrite.ts';

/**
 * Ruby Liquid's parse modes, chosen per engine instance (themes use `lax`, as Shopify's storefront does; the
 * liquid-spec runner keeps one engine per file system and mode, and picks the case's). Before liquidjs parses a template or partial, `strict` and `strict2` check
 * it against Ruby's strict grammar (parse/strict-grammar.ts) and raise Ruby's wording; `lax` reads what that
 * grammar refuses as Ruby's lax parser does (parse/lax-rewrite.ts).
 */
export type ParseMode = 'lax' | 'strict' | 'strict2';

const modes = new WeakMap<Liquid, ParseMode>();
let installed = false;

export function setParseMode(liquid: Liquid, mode: ParseMode): void {
  modes.set(liquid, mode);
  if (mode === 'lax') registerLaxOperator(liquid);
  installParseCheck();
}

/** liquidjs makes a Parser per template and partial; each parses its source through `parse`, checked once here. */
function installParseCheck(): void {
  if (installed) return;
  installed = true;
  const prototype = Parser.prototype as unknown as { liquid: Liquid; parse(html: string, filepath?: string): unknown };
  const parse = prototype.parse;
  prototype.parse = function (this: { liquid: Liquid }, html: string, filepath?: string) {
    const mode = modes.get(this.liquid);
    return parse.call(this, mode ? rubySource(this.liquid, String(html), mode, filepath) : html, filepath);
  };
}
