/**
 * A page's render budget: what one render may spend before it stops, so a theme's loop over a hundred million
 * numbers or a snippet that renders itself twice over ends with an error naming the limit, the file and the line,
 * instead of holding the process and its memory for minutes.
 *
 * Shopify publishes none of its storefront's numbers; Ruby Liquid (the reference) stops partials nested past 100
 * levels ("Nesting too deep", inline-errors.ts) and raises "Memory limits exceeded" past the limits its host sets.
 * Encore's limits sit far above what real pages need (Dawn's order page: about 2,000 tags, 200 KB, 10 ms) and
 * far below what holds a machine.
 */
import { LiquidError, RenderError, type Context, type Emitter, type Template } from 'liquidjs';
import { ALLOCATIONS, LIQUIDJS_ALLOCATIONS, RENDER_BUDGET } from '../render-budget.ts';
import { RubyLiquidError } from './errors.ts';
import { RENDER_STATE } from '../state.ts';

/** A render over its budget: it stops the page, inline errors or not. */
export class RenderBudgetError extends RubyLiquidError {
  constructor(message: string) {
    super(`Render budget exceeded: ${message}`, 'Liquid::MemoryError');
  }
}

/** The budget's clock (ms); a test moves it instead of waiting on the machine. */
export const budgetClock = { now: (): number => performance.now() };

interface Spent {
  iterations: number;
  deadline: number;
}

/**
 * What each page spent, by its render state (one per page, shared by its sections, blocks and partials, each a
 * render of its own); for a bare render without one (liquid-spec, tests), by liquidjs's time limiter, one per
 * top-level render and shared with its partials.
 */
const spent = new WeakMap<object, Spent>();
const spenderOf = (ctx: Context): object => ((ctx.globals as { [RENDER_STATE]?: object })[RENDER_STATE] ?? ctx.renderLimit) as object;

/**
 * One more loop iteration or partial of the render of `ctx`, written to `emitter`: past the budget, the render
 * stops with a RenderBudgetError located at `node`.
 */
export function chargeIteration(ctx: Context, emitter: Emitter, node: Template): void {
  const key = spenderOf(ctx);
  let spending = spent.get(key);
  if (!spending) spent.set(key, (spending = { iterations: 0, deadline: budgetClock.now() + RENDER_BUDGET.milliseconds }));
  spending.iterations++;
  if (spending.iterations > RENDER_BUDGET.loopIterations) {
    throw located(new RenderBudgetError(`more than ${RENDER_BUDGET.loopIterations.toLocaleString('en')} loop iterations and partials in one page`), node);
  }
  const written = (emitter as { buffer?: unknown }).buffer;
  if (typeof written === 'string' && written.length > RENDER_BUDGET.outputCharacters) {
    throw located(new RenderBudgetError(`more than ${RENDER_BUDGET.outputCharacters / 1024 / 1024} MB of output`), node);
  }
  if (budgetClock.now() > spending.deadline) {
    throw located(new RenderBudgetError(`the page took more than ${RENDER_BUDGET.milliseconds / 1000} s to render`), node);
  }
}

/**
 * The error to stop the render with when `error` (or what it wraps) is over a budget, located at `node`; null for
 * any other error. liquidjs's own allocation limit says "memory alloc limit exceeded": it is named here as ours.
 */
export function overBudget(error: unknown, node: Template): Error | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 20; depth++) {
    if (current instanceof RenderBudgetError) return located(error as Error, node);
    if (current instanceof Error && LIQUIDJS_ALLOCATIONS.test(current.message)) return located(new RenderBudgetError(ALLOCATIONS), node);
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}

/** The error with the node's file and line, as liquidjs wraps a node's failure. */
function located(error: Error, node: Template): Error {
  return LiquidError.is(error) ? error : new RenderError(error, node);
}

export { RENDER_BUDGET } from '../render-budget.ts';
