import type { Context, Liquid } from 'liquidjs';
import { escapeHtml, isBlank, namedValue, plain, prop, splitArgs, str, type FilterThis } from './html.ts';

/**
 * `default_pagination`: the markup shopify.dev documents for a `paginate`
 * object, e.g.
 * `<span class="page current">1</span> <span class="page"><a href="?page=2" title="">2</a></span> <span class="next"><a href="?page=2" title="">Next &raquo;</a></span>`.
 * Parts that are neither links nor the current page (the `…` gaps) become
 * `<span class="deco">…</span>`.
 *
 * The `next:` and `previous:` labels are HTML, like the defaults (`Next &raquo;`):
 * themes pass icons or the output of `t`, which is already escaped, so they are
 * printed as given rather than escaped a second time. Part titles are HTML too
 * (page numbers, and `&hellip;` for a gap).
 */
const DEFAULT_PREVIOUS = '&laquo; Previous';
const DEFAULT_NEXT = 'Next &raquo;';

function link(url: unknown, anchor: string, label: string): string {
  return `<a href="${escapeHtml(str(url) + anchor)}" title="">${label}</a>`;
}

export function defaultPagination(ctx: Context, paginate: unknown, args: unknown[]): string {
  if (isBlank(paginate)) return '';
  const { named } = splitArgs(args);
  const anchorArg = namedValue(named, 'anchor');
  const anchor = isBlank(anchorArg) ? '' : `#${str(anchorArg).replace(/^#/, '')}`;
  const previousArg = namedValue(named, 'previous');
  const nextArg = namedValue(named, 'next');
  const previousLabel = isBlank(previousArg) ? DEFAULT_PREVIOUS : str(previousArg);
  const nextLabel = isBlank(nextArg) ? DEFAULT_NEXT : str(nextArg);

  const html: string[] = [];
  const current = str(prop(paginate, 'current_page', ctx));
  const previous = prop(paginate, 'previous', ctx);
  if (!isBlank(previous) && !isBlank(prop(previous, 'url', ctx))) {
    html.push(`<span class="prev">${link(prop(previous, 'url', ctx), anchor, previousLabel)}</span>`);
  }
  const parts = plain(prop(paginate, 'parts', ctx));
  for (const part of Array.isArray(parts) ? parts : []) {
    const title = str(prop(part, 'title', ctx));
    const isLink = plain(prop(part, 'is_link', ctx)) === true;
    if (isLink) {
      html.push(`<span class="page">${link(prop(part, 'url', ctx), anchor, title)}</span>`);
    } else if (title === current) {
      html.push(`<span class="page current">${title}</span>`);
    } else {
      html.push(`<span class="deco">${title}</span>`);
    }
  }
  const next = prop(paginate, 'next', ctx);
  if (!isBlank(next) && !isBlank(prop(next, 'url', ctx))) {
    html.push(`<span class="next">${link(prop(next, 'url', ctx), anchor, nextLabel)}</span>`);
  }
  return html.join(' ');
}

export function registerPaginationFilters(liquid: Liquid): void {
  liquid.registerFilter('default_pagination', function (this: FilterThis, paginate: unknown, ...args: unknown[]) {
    return defaultPagination(this.context, paginate, args);
  });
}
