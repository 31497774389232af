import type { Liquid, Template } from 'liquidjs';
import { onParsedTemplates } from './parsed-templates.ts';
import { installInlineErrors } from './inline-errors.ts';
import { fastenTagExpressions } from './sync-reads.ts';
import { renderPlainly } from './sync-render.ts';
import { stripBlankBody } from './blank-bodies.ts';
import { rubyFloat } from './float.ts';
import { registerNumberFilters } from './numbers.ts';
import { installRubyOutput, printThroughToS } from './output.ts';
import { registerRubyLoops } from './loops.ts';
import { registerRubyTablerow } from './tablerow.ts';
import { registerRubyPartials } from './partials.ts';
import { registerRubyStandardFilters } from './standard-filters.ts';
import { installRubyComparisons } from './comparisons.ts';
import { registerIfchanged } from './ifchanged.ts';
import { installRubyProperties } from './properties.ts';

/**
 * Where liquidjs differs from Ruby Liquid (the implementation Shopify runs),
 * this puts Ruby's behaviour in place. Each difference lives in its own module.
 */
export interface RubySemanticsOptions {
  /**
   * Let renders print errors inline (`Liquid error (line N): …`) when their
   * globals ask for it (see error-mode.ts). Off, errors always raise.
   */
  inlineErrors?: boolean;
}

export function installRubySemantics(liquid: Liquid, options: RubySemanticsOptions = {}): void {
  const inlineErrors = options.inlineErrors ?? false;
  const prepareNode = (node: Template): void => {
    printThroughToS(node);
    fastenTagExpressions(node);
    renderPlainly(node);
    stripBlankBody(node);
  };
  if (inlineErrors) installInlineErrors(liquid);
  onParsedTemplates(liquid, prepareNode, keepFloatLiteral);
  installRubyOutput(liquid);
  registerNumberFilters(liquid);
  registerRubyLoops(liquid);
  registerRubyTablerow(liquid);
  registerRubyPartials(liquid);
  registerRubyStandardFilters(liquid);
  installRubyComparisons(liquid);
  registerIfchanged(liquid);
  installRubyProperties();
}

/** `1.0` in a template is a Float in Ruby; liquidjs reads it as the integer 1. */
function keepFloatLiteral(token: { content?: unknown; getText(): string }): void {
  const text = token.getText();
  if (/[.eE]/.test(text) && typeof token.content === 'number') token.content = rubyFloat(token.content);
}
