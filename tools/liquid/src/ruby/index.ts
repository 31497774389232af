import { TokenKind, type Liquid, type Template } from 'liquidjs';
import { onParsedTemplates } from './parsed-templates.ts';
import { installInlineErrors } from './inline-errors.ts';
import { fastenTagExpressions } from './sync-reads.ts';
import { renderPlainly } from './sync-render.ts';
import { stripBlankBody } from './blank-bodies.ts';
import { rubyFloat } from './float.ts';
import { registerNumberFilters } from './numbers.ts';
import { installRubyOutput, printThroughToS } from './output.ts';
import { registerRubyLoops } from './loops.ts';
import { registerRubyBranches } from './branches.ts';
import { registerRubyCycle } from './cycle.ts';
import { registerRubyAssign } from './assign.ts';
import { registerRubyTablerow } from './tablerow.ts';
import { registerRubyPartials } from './partials.ts';
import { registerRubyStandardFilters } from './standard-filters.ts';
import { installRubyComparisons } from './comparisons.ts';
import { installShortCircuit } from './short-circuit.ts';
import { registerIfchanged } from './ifchanged.ts';
import { installRubyProperties } from './properties.ts';
import { keepRanges } from './ranges.ts';
import { installRubyTokens } from './tokens.ts';
import { installSelf } from './self-drop.ts';

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
    keepRanges(node);
    printThroughToS(node);
    fastenTagExpressions(node);
    renderPlainly(node);
    stripBlankBody(node);
  };
  if (inlineErrors) installInlineErrors(liquid);
  onParsedTemplates(liquid, prepareNode, rubyLiteral);
  installRubyOutput(liquid);
  registerNumberFilters(liquid);
  registerRubyLoops(liquid);
  registerRubyBranches(liquid);
  registerRubyCycle(liquid);
  registerRubyAssign(liquid);
  registerRubyTablerow(liquid);
  registerRubyPartials(liquid);
  registerRubyStandardFilters(liquid);
  installRubyComparisons(liquid);
  installShortCircuit(liquid);
  registerIfchanged(liquid);
  installRubyProperties();
  installRubyTokens();
  installSelf();
}

/**
 * Literals as Ruby reads them: `1.0` is a Float (liquidjs reads the integer 1), an Integer keeps all its digits,
 * and a quoted string is what stands
 * between its quotes, backslashes and all (liquidjs reads `"a\nb"` as a line break; the gem 5.4 prints `a\nb`).
 */
function rubyLiteral(token: { kind: number; content?: unknown; getText(): string }): void {
  const text = token.getText();
  if (token.kind === TokenKind.Quoted) token.content = text.slice(1, -1);
  else if (/[.eE]/.test(text) && typeof token.content === 'number') token.content = rubyFloat(token.content);
  // An Integer literal past 2^53 keeps every digit (9007199254740993 would read as ...992).
  else if (/^-?\d+$/.test(text) && !Number.isSafeInteger(Number(text))) token.content = BigInt(text);
}
