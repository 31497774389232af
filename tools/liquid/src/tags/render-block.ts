import { evalToken, type Context, type Emitter } from 'liquidjs';
import { RubyRenderTag } from '../ruby/partials.ts';
import { pageOf } from './page-tags.ts';

/**
 * Shopify's `render` adds one form to Ruby's: `{% render block %}`, with which a
 * section looping over `section.blocks` renders the block itself (how
 * shopify.dev/docs/storefronts/themes/architecture/blocks/app-blocks renders
 * app blocks beside the section's own). The page decides what that prints: a
 * theme block renders its `blocks/TYPE.liquid`, an app block nothing offline.
 * Any other unquoted name stays Ruby's syntax error.
 */
export class ShopifyRenderTag extends RubyRenderTag {
  protected override takesUnquotedName(): boolean {
    return this.loneUnquotedName() === 'block';
  }

  protected override *renderPartial(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    if (!this.takesUnquotedName()) {
      yield* super.renderPartial(ctx, emitter);
      return;
    }
    const block = yield evalToken(this.markup.name, ctx);
    emitter.write(pageOf(ctx, 'render block').renderBlock(block));
  }
}
