import { Tag, type TagToken, type TopLevelToken, type Liquid, type Context, type Emitter, type Template } from 'liquidjs';
import { parseBody } from './parse-body.ts';

/** `{% style %}`: Liquid-rendered CSS, emitted as `<style data-shopify>` so the editor can live-update it. */
export class StyleTag extends Tag {
  readonly templates: Template[];
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.templates = parseBody(token, remainTokens, liquid);
  }
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    emitter.write('<style data-shopify>');
    yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
    emitter.write('</style>');
  }
}
