import type { Context, Liquid } from 'liquidjs';
import { renderState } from '../state.ts';
import { attributes, escapeHtml, escapeText, isBlank, plain, prop, splitArgs, str, type FilterThis } from './html.ts';

/**
 * Link filters: `link_to`, type/vendor collection links, `within`, tag
 * filtering links and the customer account links. Markup follows the outputs
 * documented on shopify.dev (attribute order included). Link text given to
 * `link_to`, the tag links and the customer links is output as is, as Shopify
 * does, because themes pass HTML to them (`tag | highlight_active_tag | link_to_tag: tag`);
 * every attribute value is escaped.
 */

/** Percent-encoding used by Shopify's `url_for_type`/`url_for_vendor` query: `'` → `%27`, space → `%20`. */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function localePath(ctx: Context): string {
  return renderState(ctx).localePath ?? '';
}

export function urlForType(ctx: Context, type: unknown): string {
  return `${localePath(ctx)}/collections/types?q=${encodeQueryValue(str(type))}`;
}

export function urlForVendor(ctx: Context, vendor: unknown): string {
  return `${localePath(ctx)}/collections/vendors?q=${encodeQueryValue(str(vendor))}`;
}

function linkTo(this: FilterThis, text: unknown, url: unknown, ...rest: unknown[]): string {
  const { positional, named } = splitArgs(rest);
  const title = positional[0];
  const attrs: Array<[string, unknown]> = [...named.filter(([k]) => k !== 'href' && k !== 'title' && k !== 'rel')];
  attrs.push(['href', str(url)]);
  // With no HTML attributes, Shopify always writes a (possibly empty) title.
  if (title !== undefined && title !== null) attrs.push(['title', str(title)]);
  else if (named.length === 0) attrs.push(['title', '']);
  else if (named.some(([k]) => k === 'title')) attrs.push(['title', named.find(([k]) => k === 'title')![1]]);
  const rel = named.find(([k]) => k === 'rel');
  attrs.push(['rel', rel ? rel[1] : 'nofollow']);
  return `<a${attributes(attrs)}>${str(text)}</a>`;
}

function linkToCollectionQuery(href: string, text: unknown, rest: unknown[]): string {
  const { named } = splitArgs(rest);
  const attrs: Array<[string, unknown]> = named.filter(([k]) => k !== 'href' && k !== 'title');
  attrs.push(['href', href], ['title', str(text)]);
  return `<a${attributes(attrs)}>${escapeText(text)}</a>`;
}

/** `{{ product.url | within: collection }}` → `/collections/<handle>/products/<handle>`. */
export function within(ctx: Context, url: unknown, collection: unknown): string {
  const productUrl = str(url);
  if (isBlank(collection)) return productUrl;
  let handle = str(prop(collection, 'handle', ctx));
  if (!handle) {
    const m = /\/collections\/([^/?#]+)/.exec(str(prop(collection, 'url', ctx)));
    if (m) handle = m[1];
  }
  if (!handle) return productUrl;
  const base = localePath(ctx);
  let path = productUrl;
  if (base && path.startsWith(base + '/')) path = path.slice(base.length);
  const at = path.indexOf('/products/');
  if (at < 0) return productUrl;
  return `${base}/collections/${handle}${path.slice(at)}`;
}

/** Shopify puts tags in collection and blog URLs in handle form. */
function tagHandle(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/['"()[\]]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

interface TagContext {
  base: string;
  current: string[];
  articles: boolean;
}

function tagContext(ctx: Context): TagContext {
  const template = str(plain(ctx.getSync(['template'])));
  const onBlog = template.startsWith('blog') || (template === '' && !isBlank(ctx.getSync(['blog'])) && isBlank(ctx.getSync(['collection'])));
  const owner = onBlog ? ctx.getSync(['blog']) : ctx.getSync(['collection']);
  let base = str(prop(owner, 'url', ctx));
  if (!base) {
    const handle = str(prop(owner, 'handle', ctx));
    if (handle) base = `${localePath(ctx)}/${onBlog ? 'blogs' : 'collections'}/${handle}`;
    else base = onBlog ? `${localePath(ctx)}/blogs` : `${localePath(ctx)}/collections/all`;
  }
  base = base.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const rawTags = plain(ctx.getSync(['current_tags']));
  const current = Array.isArray(rawTags) ? rawTags.map((t) => str(t)) : [];
  return { base, current, articles: onBlog };
}

function tagHref(base: string, tags: string[]): string {
  const handles = tags.map(tagHandle).filter((t) => t !== '');
  return handles.length ? `${base}/${handles.join('+')}` : base;
}

function tagLink(href: string, title: string, text: unknown, rest: unknown[]): string {
  const { named } = splitArgs(rest);
  const attrs: Array<[string, unknown]> = named.filter(([k]) => k !== 'href' && k !== 'title');
  attrs.unshift(['href', href], ['title', title]);
  return `<a${attributes(attrs)}>${str(text)}</a>`;
}

function accountLink(ctx: Context, path: string, id: string, text: unknown): string {
  return `<a href="${escapeHtml(localePath(ctx) + path)}" id="${id}">${str(text)}</a>`;
}

export function registerLinkFilters(liquid: Liquid): void {
  liquid.registerFilter('link_to', linkTo);
  liquid.registerFilter('url_for_type', function (this: FilterThis, type: unknown) {
    return urlForType(this.context, type);
  });
  liquid.registerFilter('url_for_vendor', function (this: FilterThis, vendor: unknown) {
    return urlForVendor(this.context, vendor);
  });
  liquid.registerFilter('link_to_type', function (this: FilterThis, type: unknown, ...rest: unknown[]) {
    return linkToCollectionQuery(urlForType(this.context, type), type, rest);
  });
  liquid.registerFilter('link_to_vendor', function (this: FilterThis, vendor: unknown, ...rest: unknown[]) {
    return linkToCollectionQuery(urlForVendor(this.context, vendor), vendor, rest);
  });
  liquid.registerFilter('within', function (this: FilterThis, url: unknown, collection: unknown) {
    return within(this.context, url, collection);
  });
  liquid.registerFilter('link_to_tag', function (this: FilterThis, text: unknown, tag: unknown, ...rest: unknown[]) {
    const t = str(tag ?? text);
    const c = tagContext(this.context);
    const title = `Show ${c.articles ? 'articles' : 'products'} matching tag ${t}`;
    return tagLink(tagHref(c.base, [t]), title, text, rest);
  });
  liquid.registerFilter('link_to_add_tag', function (this: FilterThis, text: unknown, tag: unknown, ...rest: unknown[]) {
    const t = str(tag ?? text);
    const c = tagContext(this.context);
    const tags = c.current.includes(t) ? c.current : [...c.current, t];
    const title = `Narrow selection to ${c.articles ? 'articles' : 'products'} matching tag ${t}`;
    return tagLink(tagHref(c.base, tags), title, text, rest);
  });
  liquid.registerFilter('link_to_remove_tag', function (this: FilterThis, text: unknown, tag: unknown, ...rest: unknown[]) {
    const t = str(tag ?? text);
    const c = tagContext(this.context);
    return tagLink(
      tagHref(
        c.base,
        c.current.filter((x) => x !== t),
      ),
      `Remove tag ${t}`,
      text,
      rest,
    );
  });
  liquid.registerFilter('highlight_active_tag', function (this: FilterThis, tag: unknown, cssClass?: unknown) {
    const t = str(tag);
    const c = tagContext(this.context);
    if (!c.current.includes(t)) return escapeText(t);
    return `<span class="${escapeHtml(cssClass === undefined || cssClass === null ? 'active' : str(cssClass))}">${escapeText(t)}</span>`;
  });
  liquid.registerFilter('customer_login_link', function (this: FilterThis, text: unknown) {
    return accountLink(this.context, '/account/login', 'customer_login_link', text);
  });
  liquid.registerFilter('customer_logout_link', function (this: FilterThis, text: unknown) {
    return accountLink(this.context, '/account/logout', 'customer_logout_link', text);
  });
  liquid.registerFilter('customer_register_link', function (this: FilterThis, text: unknown) {
    return accountLink(this.context, '/account/register', 'customer_register_link', text);
  });
}
