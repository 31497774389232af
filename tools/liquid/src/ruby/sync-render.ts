import { IfTag, TokenKind, UnlessTag, isTruthy, toValue, toValueSync, type Context, type Emitter, type Template } from 'liquidjs';
import { assignVariable, RubyAssignTag } from './assign.ts';

/**
 * The commonest nodes of a theme render without a generator when the render is synchronous: text between tags,
 * `if`/`unless` and `assign` (outputs: output.ts). liquidjs drives every node through a generator even where
 * nothing can suspend; together with the renderer's plain loop (inline-errors.ts) most of a page then renders as
 * plain calls. Asynchronous renders keep liquidjs's own generators. What a node or value gives is run with
 * liquidjs's `toValueSync`, which drives a generator and passes a plain value through.
 */
export function renderPlainly(node: Template): void {
  if ((node.token as { kind?: number }).kind === TokenKind.HTML) {
    node.render = function (this: { str: string }, _ctx: Context, emitter: Emitter) {
      emitter.write(this.str);
    } as unknown as Template['render'];
  } else if (node instanceof IfTag || node instanceof UnlessTag) {
    plainBranches(node);
  } else if (node instanceof RubyAssignTag) {
    plainAssign(node);
  }
}

interface Branching {
  branches: { value: { value(ctx: Context, lenient: boolean): unknown }; test?: (value: unknown, ctx: Context) => boolean; templates: Template[] }[];
  elseTemplates?: Template[];
  liquid: { renderer: { renderTemplates(templates: Template[], ctx: Context, emitter: Emitter): unknown } };
}

/** `if`/`elsif`/`else` and `unless` as liquidjs renders them: each branch's value, `toValue`, its test (truthiness for `if`). */
function plainBranches(node: IfTag | UnlessTag): void {
  const generic = node.render;
  node.render = function (this: Branching, ctx: Context, emitter: Emitter) {
    if (!ctx.sync) return generic.call(this as never, ctx, emitter);
    const renderer = this.liquid.renderer;
    for (const branch of this.branches) {
      const value = toValueSync(toValue(toValueSync(branch.value.value(ctx, ctx.opts.lenientIf))));
      if (branch.test ? branch.test(value, ctx) : isTruthy(value, ctx)) {
        // Settled here, not returned: the renderer answers with all the page written so far.
        toValueSync(renderer.renderTemplates(branch.templates, ctx, emitter));
        return undefined;
      }
    }
    toValueSync(renderer.renderTemplates(this.elseTemplates ?? [], ctx, emitter));
    return undefined;
  } as unknown as Template['render'];
}

function plainAssign(node: RubyAssignTag): void {
  const tag = node as unknown as { key: string; value: { value(ctx: Context, lenient: boolean): unknown }; liquid: { options: { lenientIf?: boolean } } };
  const generic = node.render as unknown as (ctx: Context, emitter: Emitter) => unknown;
  (node as unknown as { render: unknown }).render = function (ctx: Context, emitter: Emitter) {
    if (!ctx.sync) return generic.call(node, ctx, emitter);
    assignVariable(ctx, tag.key, toValueSync(tag.value.value(ctx, tag.liquid.options.lenientIf ?? false)));
    return undefined;
  };
}
