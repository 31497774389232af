import { ForTag, type Context, type Emitter, type Liquid } from 'liquidjs';

type Scope = Record<string, unknown>;

/**
 * Ruby's `forloop.parentloop` is the enclosing loop's forloop; liquidjs has no
 * such link. The `for` tag is re-registered as a subclass that, when liquidjs
 * pushes the new loop's scope, attaches the outer forloop to the new one.
 */
class RubyForTag extends ForTag {
  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void | string, unknown> {
    const parent = enclosingForloop(ctx);
    if (parent === undefined) return (yield* super.render(ctx, emitter) as Generator<unknown, void | string, unknown>) as void | string;
    const push = ctx.push;
    linkNextForloop(ctx, push, parent);
    try {
      return (yield* super.render(ctx, emitter) as Generator<unknown, void | string, unknown>) as void | string;
    } finally {
      ctx.push = push;
    }
  }
}

function enclosingForloop(ctx: Context): unknown {
  const scopes = (ctx as unknown as { scopes: Scope[] }).scopes;
  for (let i = scopes.length - 1; i >= 0; i--) if (Object.hasOwn(scopes[i], 'forloop')) return scopes[i].forloop;
  return undefined;
}

function linkNextForloop(ctx: Context, push: Context['push'], parent: unknown): void {
  ctx.push = function (scope: Scope) {
    const forloop = scope.forloop as Record<string, unknown> | undefined;
    if (forloop && typeof forloop === 'object') {
      forloop.parentloop = parent;
      ctx.push = push;
    }
    return push.call(ctx, scope);
  };
}

export function registerRubyLoops(liquid: Liquid): void {
  liquid.registerTag('for', RubyForTag);
}
