import {
  Drop,
  LiquidError,
  LookupType,
  Parser,
  Tag,
  Tokenizer,
  evalToken,
  toValue,
  type Context,
  type Emitter,
  type Liquid,
  type Template,
  type TagToken,
  type TopLevelToken,
} from 'liquidjs';
import { RubyLiquidError } from './errors.ts';
import { RubyForloop } from './forloop.ts';
import { withinPartialDepth } from './inline-errors.ts';
import { prepareTemplates } from './parsed-templates.ts';
import { isHash } from './output.ts';

/**
 * Ruby Liquid's `render` and `include`, which liquidjs implements differently:
 *
 * - `render` takes a quoted name only, sees the globals but none of the
 *   caller's variables, and renders `for` collections with a fresh scope and a
 *   forloop per item; `include` is forbidden anywhere inside it.
 * - `include` takes any expression as the name, shares the caller's scope, and
 *   renders once per element when its `with`/`for` value is an array (no forloop).
 * - a missing partial is "Could not find asset NAME"; a non-string include name
 *   is "Illegal template name".
 *
 * Partials are parsed with liquidjs's public Parser (which honours the `cache`
 * option) and prepared like every other template.
 */

/** `name [with|for value] [as alias]` then `key: value` pairs anywhere after, as Ruby scans them. */
const FRAGMENT = String.raw`(?:"[^"]*"|'[^']*'|[^\s,|'"])+`;
const HEAD = new RegExp(String.raw`^\s*(${FRAGMENT})(?:\s+(with|for)\s+(${FRAGMENT}))?(?:\s+as\s+([\w-]+))?`);
const ATTRIBUTE = new RegExp(String.raw`([A-Za-z_][\w-]*)\s*:\s*(${FRAGMENT})`, 'g');
const QUOTED = /^(?:"[^"]*"|'[^']*')$/;

type ValueToken = Parameters<typeof evalToken>[0];

interface PartialMarkup {
  name: ValueToken;
  /** The name as written, quotes and all. */
  nameText: string;
  /** The literal name when quoted (always, for `render`). */
  literalName?: string;
  binding?: 'with' | 'for';
  variable?: ValueToken;
  alias?: string;
  attributes: [string, ValueToken][];
}

/** Contexts created by `render`: `include` is not allowed inside them. */
const renderContexts = new WeakSet<Context>();

abstract class PartialTag extends Tag {
  protected markup: PartialMarkup;
  protected currentFile?: string;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.markup = parseMarkup(token.args, liquid, token.name);
    this.currentFile = token.file;
  }

  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    yield* withinPartialDepth(ctx, emitter, this, () => this.renderPartial(ctx, emitter));
  }

  protected abstract renderPartial(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown>;

  protected *templates(name: string, ctx: Context): Generator<unknown, Template[], unknown> {
    return yield* loadPartial(this.liquid, name, ctx.sync, this.currentFile);
  }
}

export class RubyRenderTag extends PartialTag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    if (this.markup.literalName === undefined && !this.takesUnquotedName()) {
      throw new RubyLiquidError("Syntax error in tag 'render' - Template name must be a quoted string", 'Liquid::SyntaxError');
    }
  }

  /** Ruby takes a quoted name only; Shopify's tag adds `{% render block %}` (tags/render-block.ts). */
  protected takesUnquotedName(): boolean {
    return false;
  }

  /** The name when the markup is nothing but one unquoted name, as in `render block`. */
  protected loneUnquotedName(): string | undefined {
    const { literalName, binding, alias, attributes, nameText } = this.markup;
    return literalName === undefined && binding === undefined && alias === undefined && attributes.length === 0 ? nameText : undefined;
  }

  protected *renderPartial(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const name = this.markup.literalName as string;
    const templates = yield* this.templates(name, ctx);
    const alias = this.markup.alias ?? lastSegment(name);
    const value = this.markup.variable === undefined ? undefined : yield evalToken(this.markup.variable, ctx);
    const items = this.markup.binding === 'for' ? iterableItems(value) : undefined;
    if (items === undefined) {
      const child = yield* this.isolatedContext(ctx);
      if (this.markup.variable !== undefined) child.bottom()[alias] = value;
      yield this.liquid.renderer.renderTemplates(templates, child, emitter);
      return;
    }
    const forloop = new RubyForloop(name, items.length);
    for (const item of items) {
      const child = yield* this.isolatedContext(ctx);
      Object.assign(child.bottom(), { [alias]: item, forloop });
      yield this.liquid.renderer.renderTemplates(templates, child, emitter);
      forloop.next();
    }
  }

  /** A context with the globals only, plus the tag's `key: value` arguments evaluated in the caller. */
  private *isolatedContext(ctx: Context): Generator<unknown, Context, unknown> {
    const child = ctx.spawn();
    renderContexts.add(child);
    const scope = child.bottom();
    for (const [key, token] of this.markup.attributes) scope[key] = yield evalToken(token, ctx);
    return child;
  }
}

class RubyIncludeTag extends PartialTag {
  protected *renderPartial(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    if (renderContexts.has(ctx)) throw new RubyLiquidError('include usage is not allowed in this context');
    const name = toValue(yield evalToken(this.markup.name, ctx));
    if (typeof name !== 'string') throw new RubyLiquidError("Argument error in tag 'include' - Illegal template name");
    const templates = yield* this.templates(name, ctx);
    const value = this.markup.variable === undefined ? yield ctx._get([name]) : yield evalToken(this.markup.variable, ctx);
    const alias = this.markup.alias ?? lastSegment(name);
    const scope: Record<string, unknown> = {};
    ctx.push(scope);
    try {
      for (const [key, token] of this.markup.attributes) scope[key] = yield evalToken(token, ctx);
      yield* this.renderEach(templates, ctx, emitter, scope, alias, toValue(value));
    } finally {
      ctx.pop();
    }
  }

  /** An array renders the partial per element; a `break` inside stops it and reaches the enclosing loop. */
  private *renderEach(templates: Template[], ctx: Context, emitter: Emitter, scope: Record<string, unknown>, alias: string, value: unknown) {
    if (!Array.isArray(value)) {
      scope[alias] = value;
      yield this.liquid.renderer.renderTemplates(templates, ctx, emitter);
      return;
    }
    for (const item of value) {
      scope[alias] = item;
      yield this.liquid.renderer.renderTemplates(templates, ctx, emitter);
      if (ctx.breakCalled) return;
      ctx.continueCalled = false;
    }
  }
}

function parseMarkup(args: string, liquid: Liquid, tag: string): PartialMarkup {
  const head = HEAD.exec(args);
  if (!head)
    throw new RubyLiquidError(`Syntax error in tag '${tag}' - Valid syntax: ${tag} '[template]' (with|for) [object|collection]`, 'Liquid::SyntaxError');
  const [matched, nameText, binding, variableText, alias] = head;
  const attributes: [string, ValueToken][] = [];
  for (const [, key, valueText] of args.slice(matched.length).matchAll(ATTRIBUTE)) attributes.push([key, valueToken(valueText, liquid)]);
  return {
    name: valueToken(nameText, liquid),
    nameText,
    literalName: QUOTED.test(nameText) ? nameText.slice(1, -1) : undefined,
    binding: binding as PartialMarkup['binding'],
    variable: variableText === undefined ? undefined : valueToken(variableText, liquid),
    alias,
    attributes,
  };
}

function valueToken(text: string, liquid: Liquid): ValueToken {
  const token = new Tokenizer(text, liquid.options.operators).readValue();
  if (!token) throw new RubyLiquidError(`Unexpected character in '${text}'`, 'Liquid::SyntaxError');
  return token;
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** What Ruby's `render ... for` iterates (anything with each and count), or undefined for a single value. */
function iterableItems(input: unknown): unknown[] | undefined {
  const value = toValue(input);
  if (Array.isArray(value)) return value;
  if (isHash(value)) return Object.entries(value);
  // An Enumerable drop with a count (liquid-spec's TestEnumerable) is looped; a LoaderDrop (no count) is not.
  if (value instanceof Drop && Symbol.iterator in value && 'count' in value) return Array.from(value as Iterable<unknown>);
  return undefined;
}

/** liquidjs's exported Parser, one per engine: building one costs a loader and a limiter. */
const parsers = new WeakMap<Liquid, Parser>();

function parserOf(liquid: Liquid): Parser {
  let parser = parsers.get(liquid);
  if (!parser) parsers.set(liquid, (parser = new Parser(liquid)));
  return parser;
}

function* loadPartial(liquid: Liquid, name: string, sync: boolean, currentFile?: string): Generator<unknown, Template[], unknown> {
  if (name === '') throw notFound(name);
  let templates: Template[];
  try {
    templates = (yield parserOf(liquid).parseFile(name, sync, LookupType.Partials, currentFile)) as Template[];
  } catch (error) {
    if (LiquidError.is(error)) throw error;
    throw notFound(name);
  }
  return prepareTemplates(liquid, templates);
}

function notFound(name: string): RubyLiquidError {
  return new RubyLiquidError(`Could not find asset ${name}`, 'Liquid::FileSystemError', { lineless: true });
}

export function registerRubyPartials(liquid: Liquid): void {
  liquid.registerTag('render', RubyRenderTag);
  liquid.registerTag('include', RubyIncludeTag);
}
