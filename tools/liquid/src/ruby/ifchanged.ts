import { parseBody } from '../tags/parse-body.ts';
import { Tag, type Context, type Emitter, type Liquid, type TagToken, type Template, type TopLevelToken } from 'liquidjs';

/** Ruby Liquid's `ifchanged`: prints its body only when it differs from the body it printed last time. */
class IfchangedTag extends Tag {
  private readonly templates: Template[];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.templates = parseBody(token, remainTokens, liquid);
  }

  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const output = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
    if (ctx.getRegister('ifchanged') === output) return;
    ctx.setRegister('ifchanged', output);
    emitter.write(output);
  }
}

export function registerIfchanged(liquid: Liquid): void {
  liquid.registerTag('ifchanged', IfchangedTag);
}
