import type { Liquid } from 'liquidjs';
import { onParsedTemplates } from './parsed-templates.ts';
import { guardNode } from './inline-errors.ts';
import { rubyFloat } from './float.ts';

/**
 * Where liquidjs differs from Ruby Liquid (the implementation Shopify runs),
 * this puts Ruby's behaviour in place. Each difference lives in its own module.
 */
export function installRubySemantics(liquid: Liquid): void {
  onParsedTemplates(liquid, guardNode, keepFloatLiteral);
}

/** `1.0` in a template is a Float in Ruby; liquidjs reads it as the integer 1. */
function keepFloatLiteral(token: { content?: unknown; getText(): string }): void {
  const text = token.getText();
  if (/[.eE]/.test(text) && typeof token.content === 'number') token.content = rubyFloat(token.content);
}
