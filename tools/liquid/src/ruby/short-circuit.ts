import { Expression, toValue, type Context, type Liquid } from 'liquidjs';
import { isRubyContext } from './engines.ts';

type Operator = (this: unknown, l: unknown, r: unknown, ...rest: unknown[]) => unknown;

/**
 * Ruby evaluates `a and b` / `a or b` from the left and stops as soon as the answer is known, so a comparison that
 * would raise (`1 > "a"`, an unknown operator) raises only when it is reached: the gem 5.4 prints `b` for
 * `{% if nothing and true true %}a{% else %}b{% endif %}`. liquidjs evaluates every comparison first. Here a
 * comparison that raises gives back its failure instead; `and`/`or` raise it only when they need its value, and a
 * condition whose value is a failure raises it.
 */
class DeferredFailure {
  constructor(readonly error: unknown) {}
}

let installed = false;

export function installShortCircuit(liquid: Liquid): void {
  const operators = { ...liquid.options.operators } as Record<string, Operator>;
  for (const [name, operator] of Object.entries(operators)) {
    if (name !== 'and' && name !== 'or' && name !== 'not') operators[name] = deferring(operator);
  }
  operators.and = (l, r) => truthy(needed(l)) && truthy(needed(r));
  operators.or = (l, r) => truthy(needed(l)) || truthy(needed(r));
  liquid.options.operators = operators as typeof liquid.options.operators;
  if (installed) return;
  installed = true;
  const prototype = Expression.prototype as unknown as { evaluate(this: Expression, ...args: unknown[]): unknown };
  const evaluate = prototype.evaluate;
  prototype.evaluate = function (this: Expression, ...args: unknown[]) {
    if (!isRubyContext(args[0] as Context)) return evaluate.apply(this, args);
    const result = evaluate.apply(this, args);
    if (isIterator(result)) return settled(result);
    return needed(result);
  };
}

/** A comparison whose error waits until its value is needed (liquidjs's own comparisons are generators). */
export function deferring(operator: Operator): Operator {
  return function (this: unknown, l: unknown, r: unknown, ...rest: unknown[]) {
    try {
      const result = operator.call(this, l, r, ...rest);
      return isIterator(result) ? deferredAsItRuns(result) : result;
    } catch (error) {
      return new DeferredFailure(error);
    }
  };
}

function* deferredAsItRuns(running: Iterator<unknown>): Generator<unknown, unknown, unknown> {
  try {
    return yield* running as Generator<unknown, unknown, unknown>;
  } catch (error) {
    return new DeferredFailure(error);
  }
}

/** A condition's value, or the failure it stands for raised (sync-reads.ts's direct reads end here too). */
export function needed(value: unknown): unknown {
  if (value instanceof DeferredFailure) throw value.error;
  return value;
}

function* settled(pending: Iterator<unknown>): Generator<unknown, unknown, unknown> {
  return needed(yield pending);
}

function truthy(value: unknown): boolean {
  const plain = toValue(value);
  return plain !== false && plain !== null && plain !== undefined;
}

function isIterator(value: unknown): value is Iterator<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as Iterator<unknown>).next === 'function';
}
