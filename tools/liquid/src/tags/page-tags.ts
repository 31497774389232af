import { Tag, Hash, evalToken, type TagToken, type TopLevelToken, type Liquid, type Context, type Emitter, type ValueToken } from 'liquidjs';
import { renderState, type PageRuntime } from '../state.ts';

export function pageOf(ctx: Context, tag: string): PageRuntime {
  const page = renderState(ctx).page;
  if (!page) throw new Error(`{% ${tag} %} only works inside a theme page render`);
  return page;
}

function readName(tag: Tag, tokenizer: Tag['tokenizer'], example: string): ValueToken {
  const value = tokenizer.readValue();
  if (!value) throw new Error(`${tag.name} needs a name, e.g. ${example}`);
  return value;
}

/** A tag that takes a name and asks the page to render it: `section` and `sections`. */
function pageRenderTag(example: string, render: (page: PageRuntime, name: string) => string) {
  return class PageRenderTag extends Tag {
    private readonly nameToken: ValueToken;
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      this.nameToken = readName(this, this.tokenizer, example);
    }
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const name = String(yield evalToken(this.nameToken, ctx));
      emitter.write(render(pageOf(ctx, this.name), name));
    }
  };
}

/** `{% section 'name' %}`: renders `sections/name.liquid` statically, wrapped like Shopify does. */
export const SectionTag = pageRenderTag("{% section 'header' %}", (page, name) => page.renderStaticSection(name));

/** `{% sections 'header-group' %}`: renders the section group `sections/header-group.json`. */
export const SectionsTag = pageRenderTag("{% sections 'header-group' %}", (page, name) => page.renderSectionGroup(name));

/** `{% content_for 'blocks' %}` and `{% content_for 'block', type: 'slide', id: 'slide-1' %}`: theme blocks. */
export class ContentForTag extends Tag {
  private readonly kindToken: ValueToken;
  private readonly args: Hash;
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.kindToken = readName(this, this.tokenizer, "{% content_for 'blocks' %}");
    this.tokenizer.skipBlank();
    if (this.tokenizer.peek() === ',') this.tokenizer.advance();
    this.args = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
  }
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const kind = String(yield evalToken(this.kindToken, ctx));
    const page = pageOf(ctx, 'content_for');
    if (kind === 'blocks') {
      emitter.write(page.renderBlocks());
      return;
    }
    if (kind !== 'block') throw new Error(`content_for takes 'blocks' or 'block', got '${kind}'`);
    const { type, id, ...params } = (yield this.args.render(ctx)) as Record<string, unknown>;
    if (typeof type !== 'string' || typeof id !== 'string') {
      throw new Error(`content_for 'block' needs type and id, e.g. {% content_for 'block', type: 'slide', id: 'slide-1' %}`);
    }
    emitter.write(page.renderStaticBlock(type, id, params));
  }
}

/** `{% layout 'name' %}` / `{% layout none %}`: picks the layout the page is wrapped in. */
export class LayoutTag extends Tag {
  private readonly nameToken: ValueToken | undefined;
  private readonly none: boolean;
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.tokenizer.skipBlank();
    const start = this.tokenizer.p;
    this.none = this.tokenizer.readIdentifier().content === 'none';
    if (!this.none) {
      this.tokenizer.p = start;
      this.nameToken = readName(this, this.tokenizer, "{% layout 'theme' %} or {% layout none %}");
    }
  }
  *render(ctx: Context): Generator<unknown, void, unknown> {
    const page = renderState(ctx).page;
    if (!page) return;
    page.layout = this.none ? null : String(yield evalToken(this.nameToken!, ctx));
  }
}
