import type { Context, Emitter, Template } from 'liquidjs';
import { describeFailure, formatFailure, RubyLiquidError, templateName } from './errors.ts';
import { rubyErrorSettings } from './error-mode.ts';

/** Ruby Liquid stops partial recursion at this depth with "Nesting too deep". */
export const MAX_PARTIAL_DEPTH = 100;

const partialDepth = new WeakMap<object, number>();

type RenderFn = (ctx: Context, emitter: Emitter) => unknown;

/**
 * Gives a parsed node Ruby's error behaviour: with inline errors on, a node that
 * fails prints "Liquid error (line N): message" in its place and the rest of the
 * template still renders. Wrapping costs a generator per node and render, so
 * engines whose errors only raise (theme renders) leave nodes as they are.
 */
export function guardNode(node: Template, options: { inlineErrors: boolean }): void {
  if (!options.inlineErrors) return;
  const original = (node as unknown as { render: RenderFn }).render;
  (node as unknown as { render: RenderFn }).render = function* guardedRender(this: Template, ctx: Context, emitter: Emitter) {
    try {
      return yield* run(original, this, ctx, emitter);
    } catch (error) {
      const settings = rubyErrorSettings(ctx);
      if (!settings.inline) throw error;
      const failure = describeFailure(error, 'render_error');
      if (failure.line === undefined && !failure.lineless) {
        failure.line = node.token.getPosition()[0];
        failure.file = templateName(node.token.file);
      }
      settings.report?.(failure);
      emitter.write(formatFailure(failure));
      return undefined;
    }
  };
}

function* run(render: RenderFn, node: Template, ctx: Context, emitter: Emitter): Generator<unknown, unknown, unknown> {
  const result = render.call(node, ctx, emitter) as Generator<unknown, unknown, unknown> | unknown;
  if (result && typeof (result as Generator).next === 'function') return yield* result as Generator<unknown, unknown, unknown>;
  return yield result;
}

/** Runs a partial's rendering one level deeper; past Ruby's limit, "Nesting too deep" instead of exhausting memory. */
export function* withinPartialDepth(ctx: Context, body: () => Generator<unknown, unknown, unknown>): Generator<unknown, unknown, unknown> {
  const key = ctx.globals as object;
  const depth = (partialDepth.get(key) ?? 0) + 1;
  if (depth > MAX_PARTIAL_DEPTH) throw new RubyLiquidError('Nesting too deep', 'Liquid::StackLevelError', { lineless: true });
  partialDepth.set(key, depth);
  try {
    return yield* body();
  } finally {
    partialDepth.set(key, depth - 1);
  }
}
