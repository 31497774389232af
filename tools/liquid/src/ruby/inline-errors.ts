import { toValue, toValueSync, type Context, type Emitter, type Liquid, type Template } from 'liquidjs';
import { describeFailure, formatFailure, RubyLiquidError, templateName } from './errors.ts';
import { rubyErrorSettings, type RubyErrorSettings } from './error-mode.ts';
import { chargeIteration, overBudget } from './budget.ts';
import { isBlankTag } from './blank-bodies.ts';

/** Ruby Liquid stops partial recursion at this depth with "Nesting too deep". */
export const MAX_PARTIAL_DEPTH = 100;

const partialDepth = new WeakMap<object, number>();

/**
 * Gives a Liquid instance Ruby's error behaviour: when a render's globals ask for
 * inline errors, a node that fails prints "Liquid error (line N): message" in its
 * place and the rest of the template still renders. liquidjs renders every list
 * of nodes (a template, a block's body, a partial) through one method that
 * already catches per node; deciding there costs nothing per node, unlike a
 * wrapper around each node's render.
 */
export function installInlineErrors(liquid: Liquid): void {
  const renderer = liquid.renderer;
  // A plain function: liquidjs and the engine's tags `yield` its result, which is a generator for asynchronous
  // renders and renders that raise, and for a synchronous render the text already written (sync-render.ts).
  renderer.renderTemplates = function renderTemplates(templates: Template[], ctx: Context, emitter?: Emitter) {
    const settings = rubyErrorSettings(ctx);
    if (!settings.inline || ctx.opts.keepOutputType) return originalRenderTemplates.call(renderer, templates, ctx, emitter);
    const output = emitter ?? new TextEmitter();
    if (!ctx.sync) return renderEach(templates, ctx, output, settings);
    for (const node of templates) {
      try {
        const html = toValueSync(node.render(ctx, output));
        if (html) output.write(html);
        if (ctx.breakCalled || ctx.continueCalled) break;
      } catch (error) {
        printInline(error, node, output, settings);
      }
    }
    return output.buffer;
  } as unknown as typeof renderer.renderTemplates;
  const originalRenderTemplates = Object.getPrototypeOf(renderer).renderTemplates as RenderTemplates;
}

/** The same loop for asynchronous renders, where a node may suspend. */
function* renderEach(templates: Template[], ctx: Context, emitter: Emitter, settings: RubyErrorSettings): Generator<unknown, unknown, unknown> {
  for (const node of templates) {
    try {
      const html = yield node.render(ctx, emitter);
      if (html) emitter.write(html);
      if (ctx.breakCalled || ctx.continueCalled) break;
    } catch (error) {
      printInline(error, node, emitter, settings);
    }
  }
  return (emitter as { buffer?: unknown }).buffer;
}

/** Prints a failed node's error in its place, as Ruby does; a syntax error, or one the page says stops it, raises. */
function printInline(error: unknown, node: Template, emitter: Emitter, settings: RubyErrorSettings): void {
  // A render over its budget stops, wherever it is (budget.ts).
  const stop = overBudget(error, node);
  if (stop) throw stop;
  const failure = describeFailure(error, 'render_error');
  // A syntax error met while rendering (a partial parsed on first use) stops the page where asked.
  if ((failure.kind === 'parse_error' && settings.raiseSyntaxErrors) || settings.stops?.(error)) throw error;
  if (failure.line === undefined && (!failure.lineless || settings.locateAll)) {
    failure.line = node.token.getPosition()[0];
    failure.file = templateName(node.token.file);
  }
  settings.report?.(failure);
  // Ruby prints nothing for a blank tag's error "for backwards compatibility", in every mode.
  if (!isBlankTag(node)) emitter.write(formatFailure(failure));
}

/** liquidjs's own emitter for a top-level render, which it does not export: appends each value as text. */
class TextEmitter implements Emitter {
  buffer = '';
  write(html: unknown): void {
    this.buffer += text(html);
  }
}

function text(value: unknown): string {
  const plain = toValue(value);
  if (typeof plain === 'string') return plain;
  if (plain === null || plain === undefined) return '';
  if (Array.isArray(plain)) return plain.map(text).join('');
  return String(plain);
}

type RenderTemplates = (templates: Template[], ctx: Context, emitter?: Emitter) => Generator<unknown, unknown, unknown>;

/** Runs a partial's rendering one level deeper; past Ruby's limit, "Nesting too deep" instead of exhausting memory. */
export function* withinPartialDepth(
  ctx: Context,
  emitter: Emitter,
  node: Template,
  body: () => Generator<unknown, unknown, unknown>,
): Generator<unknown, unknown, unknown> {
  chargeIteration(ctx, emitter, node);
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
