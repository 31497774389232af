import { Expression, TokenKind, Value, toValueSync, type Context, type Template } from 'liquidjs';
import { needed } from './short-circuit.ts';

/**
 * liquidjs evaluates every expression through generators: reading `scheme.settings.background.red` costs a
 * generator for the expression, the token, the property access, the scope lookup and each step, even when
 * nothing can suspend. Theme pages render synchronously, so an expression made only of literals, variable paths
 * of literal names and operators is read here directly, step by step through the same `findScope` and
 * `readProperty` liquidjs uses (so drops, `size`, `first` and `last` answer as before); anything else, every
 * asynchronous render and every render with `strictVariables`, takes liquidjs's own path. A value or filter that
 * still gives a generator is run with liquidjs's `toValueSync`, which passes any other value through.
 */

interface AccessToken {
  kind?: number;
  variable?: unknown;
  props?: { content?: unknown }[];
  operator?: string;
  content?: unknown;
}

/** The names of `a.b['c'].d` when the token is exactly that: a variable, then literal steps. */
export function literalPath(token: AccessToken): (string | number)[] | undefined {
  if (token.kind !== TokenKind.PropertyAccess || token.variable !== undefined || !token.props?.length) return undefined;
  const path: (string | number)[] = [];
  for (const prop of token.props) {
    if (!('content' in prop) || (typeof prop.content !== 'string' && typeof prop.content !== 'number')) return undefined;
    path.push(prop.content);
  }
  return typeof path[0] === 'string' ? path : undefined;
}

/** A variable path read as liquidjs's `_get` reads it, without its generators. */
export function readPathSync(ctx: Context, path: (string | number)[]): unknown {
  let value: unknown = (ctx as unknown as { findScope(key: string): unknown }).findScope(path[0] as string);
  for (const key of path) {
    value = toValueSync(ctx.readProperty(value as never, key));
  }
  return value;
}

type Step = Operand | { kind: 'operator'; operator: string };

function stepsOf(expression: Expression): Step[] | undefined {
  const steps: Step[] = [];
  for (const token of (expression as unknown as { postfix: AccessToken[] }).postfix) {
    const step =
      token.kind === TokenKind.Operator && typeof token.operator === 'string' ? { kind: 'operator' as const, operator: token.operator } : operandOf(token);
    if (!step) return undefined;
    steps.push(step);
  }
  return steps.length ? steps : undefined;
}

/** Gives one parsed expression the direct read for synchronous renders; false when it has a step that needs liquidjs. */
function fastenExpression(expression: Expression): boolean {
  const steps = stepsOf(expression);
  if (!steps) return false;
  const generic = expression.evaluate;
  // Both callers in liquidjs `yield` the result, which takes a plain value as well as a generator.
  expression.evaluate = function (this: Expression, ctx: Context, lenient: boolean) {
    if (!ctx.sync || strict(ctx)) return generic.call(this, ctx, lenient);
    const operands: unknown[] = [];
    for (const step of steps) {
      if (step.kind !== 'operator') {
        operands.push(readOperand(ctx, step));
        continue;
      }
      const right = operands.pop();
      const operate = ctx.opts.operators[step.operator]!;
      operands.push(toValueSync(step.operator === 'not' ? (operate as (r: unknown, c: Context) => unknown)(right, ctx) : operate(operands.pop(), right, ctx)));
    }
    return needed(operands[0]);
  } as unknown as Expression['evaluate'];
  return true;
}

export type Operand = { kind: 'literal'; token: { content: unknown } } | { kind: 'path'; path: (string | number)[] };

/** A filter argument liquidjs would evaluate with `evalToken`, when it is a literal or a variable path. */
export function operandOf(token: AccessToken): Operand | undefined {
  if (token.kind !== TokenKind.PropertyAccess && token.kind !== TokenKind.Range && 'content' in token)
    return { kind: 'literal', token: token as { content: unknown } };
  const path = literalPath(token);
  return path ? { kind: 'path', path } : undefined;
}

export const readOperand = (ctx: Context, operand: Operand): unknown => (operand.kind === 'literal' ? operand.token.content : readPathSync(ctx, operand.path));

interface FilterParts {
  args: (AccessToken | [string, AccessToken])[];
  handler: (this: unknown, ...args: unknown[]) => unknown;
  token: unknown;
  liquid: unknown;
  render(value: unknown, ctx: Context): unknown;
}

/** A filter whose arguments are literals or variable paths calls its handler directly in a synchronous render. */
export function fastenFilter(filter: unknown): void {
  const parts = filter as FilterParts;
  const operands: (Operand | [string, Operand])[] = [];
  for (const arg of parts.args) {
    if (Array.isArray(arg)) {
      const operand = operandOf(arg[1]);
      if (!operand) return;
      operands.push([arg[0], operand]);
    } else {
      const operand = operandOf(arg);
      if (!operand) return;
      operands.push(operand);
    }
  }
  const generic = parts.render;
  parts.render = function (this: FilterParts, value: unknown, ctx: Context) {
    if (!ctx.sync || strict(ctx)) return generic.call(this, value, ctx);
    const argv = operands.map((operand) => (Array.isArray(operand) ? [operand[0], readOperand(ctx, operand[1])] : readOperand(ctx, operand)));
    return this.handler.apply({ context: ctx, token: this.token, liquid: this.liquid }, [value, ...argv]);
  };
}

type ValueParts = { initial: Expression; filters: { render(value: unknown, ctx: Context): unknown }[]; value: Value['value'] };

/** A tag's value (`if` branch, `assign`, `case`, `echo`): its expression read directly, then its filters in turn. */
function fastenValue(value: Value): void {
  const parts = value as unknown as ValueParts;
  if (!fastenExpression(parts.initial)) return;
  for (const filter of parts.filters) fastenFilter(filter);
  const generic = parts.value;
  parts.value = function (this: Value, ctx: Context, lenient: boolean) {
    if (!ctx.sync || strict(ctx)) return generic.call(this, ctx, lenient);
    let result = parts.initial.evaluate(ctx, lenient) as unknown;
    for (const filter of parts.filters) result = toValueSync(filter.render(result, ctx));
    return result;
  } as unknown as Value['value'];
}

/** The expressions of a parsed tag (`if`/`elsif`/`unless` branches, `assign`, `case`, `echo`): each fastened. */
export function fastenTagExpressions(node: Template): void {
  const holder = node as unknown as { value?: unknown; branches?: { value?: unknown }[] };
  for (const candidate of [holder.value, ...(Array.isArray(holder.branches) ? holder.branches.map((branch) => branch?.value) : [])]) {
    if (candidate instanceof Value) fastenValue(candidate);
    else if (candidate instanceof Expression) fastenExpression(candidate);
  }
}

/** With `strictVariables` an undefined variable raises on liquidjs's path; the direct read leaves that to it. */
export function strict(ctx: Context): boolean {
  return (ctx as unknown as { strictVariables?: boolean }).strictVariables === true;
}
