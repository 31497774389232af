import {
  Tag,
  Hash,
  Drop,
  evalToken,
  type TagToken,
  type TopLevelToken,
  type Liquid,
  type Context,
  type Emitter,
  type Template,
  type ValueToken,
} from 'liquidjs';
import { parseBody } from './parse-body.ts';
import { renderState } from '../state.ts';

/** Page sizes Shopify allows for any paginated array (theme-check's PaginationSize uses the same bounds). */
const MIN_PAGE_SIZE = 1;
const MAX_PAGE_SIZE = 250;
/** Arrays Shopify serves in smaller pages whatever `by` asks for. */
const PAGE_SIZE_CAPS: Record<string, number> = { 'customer.orders': 20 };
const DEFAULT_WINDOW_SIZE = 3;

/**
 * shopify.dev types `part.title` as a string, but a numbered part's title is the page number itself on Shopify's
 * servers (themes such as Dawn mark the current page with `part.title == paginate.current_page`, which only a
 * number satisfies); the gap part's title is the string `&hellip;`. Both print the same either way.
 */
interface PaginatePart {
  title: number | string;
  url: string;
  is_link: boolean;
}

/** The page `?page=` asks for: a whole number from 1, else 1 (Shopify's `current_page` outside `paginate` too). */
export function requestedPage(query: URLSearchParams | undefined): number {
  const requested = Number.parseInt(query?.get('page') ?? '1', 10);
  return Number.isFinite(requested) && requested >= 1 ? requested : 1;
}

/**
 * `{% paginate array by N[, window_size: W] %}`: inside the block, `array` holds
 * only the requested page (`?page=`), and `paginate` describes the pages with
 * Shopify's attributes (current_page, pages, parts, previous, next, …).
 */
export class PaginateTag extends Tag {
  private readonly collection: ValueToken;
  private readonly pageSize: ValueToken;
  private readonly options: Hash;
  private readonly templates: Template[];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const tokenizer = this.tokenizer;
    const collection = tokenizer.readValue();
    tokenizer.skipBlank();
    const by = tokenizer.readIdentifier();
    tokenizer.skipBlank();
    const pageSize = tokenizer.readValue();
    if (!collection || by.content !== 'by' || !pageSize) {
      throw new Error(`paginate needs an array and a page size: {% paginate customer.orders by 20 %}`);
    }
    this.collection = collection;
    this.pageSize = pageSize;
    tokenizer.skipBlank();
    if (tokenizer.peek() === ',') tokenizer.advance();
    this.options = new Hash(tokenizer, liquid.options.keyValueSeparator);
    this.templates = parseBody(token, remainTokens, liquid);
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const expression = this.collection.getText().trim();
    const items = toArray(yield evalToken(this.collection, ctx), expression);
    const pageSize = pageSizeFor(expression, Number(yield evalToken(this.pageSize, ctx)));
    const options = (yield this.options.render(ctx)) as Record<string, unknown>;
    const windowSize = Number(options.window_size ?? DEFAULT_WINDOW_SIZE);
    const state = renderState(ctx);
    const pages = Math.max(1, Math.ceil(items.length / pageSize));
    const currentPage = requestedPage(state.query);
    const offset = (currentPage - 1) * pageSize;
    const pageItems = items.slice(offset, offset + pageSize);
    const url = (page: number) => pageUrl(state.requestPath || '/', state.query, page);

    const paginate = {
      current_offset: offset,
      current_page: currentPage,
      items: items.length,
      page_param: 'page',
      page_size: pageSize,
      pages,
      parts: paginationParts(pages, currentPage, windowSize, url),
      previous: currentPage > 1 ? { title: '&laquo; Previous', url: url(currentPage - 1), is_link: true } : undefined,
      next: currentPage < pages ? { title: 'Next &raquo;', url: url(currentPage + 1), is_link: true } : undefined,
    };
    const segments = expression.split('.');
    const root = segments[0];
    const scope: Record<string, unknown> = { paginate };
    scope[root] = segments.length === 1 ? pageItems : overlay(ctx.getSync([root]), segments.slice(1), pageItems);
    ctx.push(scope);
    try {
      yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
    } finally {
      ctx.pop();
    }
  }
}

function pageSizeFor(expression: string, requested: number): number {
  if (!Number.isInteger(requested) || requested < MIN_PAGE_SIZE || requested > MAX_PAGE_SIZE) {
    throw new Error(`paginate page size must be an integer from ${MIN_PAGE_SIZE} to ${MAX_PAGE_SIZE}, got ${requested}`);
  }
  const cap = PAGE_SIZE_CAPS[expression];
  return cap !== undefined ? Math.min(requested, cap) : requested;
}

function toArray(value: unknown, expression: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === null || value === undefined) return [];
  if (typeof value === 'object' && Symbol.iterator in value) return Array.from(value as Iterable<unknown>);
  throw new Error(`Array '${expression}' is not paginateable.`);
}

function pageUrl(path: string, query: URLSearchParams | undefined, page: number): string {
  const params = new URLSearchParams(query);
  // Links lead to the page itself, not to a Section Rendering API answer.
  params.delete('section_id');
  params.delete('sections');
  params.set('page', String(page));
  return `${path}?${params.toString()}`;
}

/** Shopify's parts: first, last and the pages within the window of the current one; gaps become one `&hellip;`. */
function paginationParts(pages: number, current: number, windowSize: number, url: (page: number) => string): PaginatePart[] {
  const parts: PaginatePart[] = [];
  if (pages <= 1) return parts;
  let inGap = false;
  for (let page = 1; page <= pages; page++) {
    const outsideWindow = page <= current - windowSize || page >= current + windowSize;
    if (page === current) parts.push({ title: page, url: '', is_link: false });
    else if (page === 1 || page === pages || !outsideWindow) parts.push({ title: page, url: url(page), is_link: true });
    else {
      if (!inGap) parts.push({ title: '&hellip;', url: '', is_link: false });
      inGap = true;
      continue;
    }
    inGap = false;
  }
  return parts;
}

/** `base` as seen from inside the block: the same object, except that `path` leads to the page's items. */
function overlay(base: unknown, path: string[], value: unknown): unknown {
  const [key, ...rest] = path;
  return new PaginatedView(base, key, rest.length ? (ctx: Context) => overlay(ctx.readProperty(base as never, key), rest, value) : () => value);
}

class PaginatedView extends Drop {
  constructor(
    private readonly base: unknown,
    private readonly key: string,
    private readonly replacement: (ctx: Context) => unknown,
  ) {
    super();
  }
  override liquidMethodMissing(key: string | number, ctx: Context): unknown {
    if (key === this.key) return this.replacement(ctx);
    return ctx.readProperty(this.base as never, key);
  }
  valueOf(): unknown {
    return this.base;
  }
}
