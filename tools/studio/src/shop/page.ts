/**
 * What every shop route shares: the request's Context (store, lookups, locale prefix, money), the page shell, the
 * 404 answers, and reading a path segment or a description as text.
 */
import { Context as LiquidContext, filters } from 'liquidjs';
import { formatMoney } from '@encore/core/money.ts';
import { escapeHtml, type FilterThis } from '@encore/liquid/filters/html.ts';
import { StoreView } from '@encore/fixtures/liquid/view.ts';
import type { Store } from '@encore/fixtures/types.ts';

/** An HTML page to send, or a redirect when `location` is set. */
export interface ShopAnswer {
  status: number;
  body: string;
  location?: string;
}

/** One page's view of the request: the store, its catalog lookups, and how to write its links and prices. */
export interface Context {
  store: Store;
  view: StoreView;
  /** "" or "/da": prefixed to the studio links the page writes. */
  localePath: string;
  money: (subunits: number) => string;
  now: number;
}

export function contextOf(store: Store, locale: string | undefined): Context {
  const { money_format: format, currency } = store.shop;
  return {
    store,
    view: new StoreView(store, store.shop.primary_locale),
    localePath: locale ? `/${locale}` : '',
    money: (subunits) => formatMoney(subunits, format, currency),
    // The fixture's clock, as the theme pages use it, decides what is published.
    now: store.shop.now ? Date.parse(store.shop.now) : Date.now(),
  };
}

/** The 404 page for `path` (set left to right, as a URL reads), with the problems found in it when there are any. */
export function notFoundPage(path: string, problems: readonly string[] = []): string {
  const list = problems.length ? `<ul>${problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('')}</ul>` : '';
  return page('Not found', `<h1>Not found</h1><p>The studio has nothing at <code dir="ltr">${escapeHtml(path)}</code>.</p>${list}`);
}

/** A 404 naming the path as the page's links write it (locale prefix included) and what is wrong with it. */
export const notFound = (context: Context, path: string, problems: string[]): ShopAnswer => ({
  status: 404,
  body: notFoundPage(`${context.localePath}${path}`, problems),
});

/** Digits only: how a variant id or a quantity must be written in a URL. */
export const WHOLE = /^[0-9]+$/;

/** A path segment as text; undefined when its percent-encoding is broken. */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * liquidjs's `strip_html`, called outside a template. As a filter it reads `this.context` (to count memory use), so
 * each call gets a fresh Context, as each render of `{{ html | strip_html }}` would.
 */
const stripHtml = filters.strip_html as (this: FilterThis, html: string) => string;

/**
 * A description is HTML (as Shopify's `product.description`); the studio shows its text only, so markup in a
 * fixture (a `<script>`, an `onerror`) is never run here, where the backend answers on the same origin.
 */
export function htmlText(html: string): string {
  return stripHtml.call({ context: new LiquidContext() }, html).trim();
}

/**
 * Fixture text (always in a `bdi`) is anything a merchant typed, so it may be one unbroken 2,000-letter word: it may
 * break anywhere, even inside a table cell, where the studio's own words and amounts keep whole. Any other long word
 * breaks rather than widen the page. A row's name keeps a readable width, and a table that cannot fit then (the
 * cart's five columns at 390 px) scrolls inside its own box.
 */
const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1f1f1f;overflow-wrap:break-word}' +
  'bdi{overflow-wrap:anywhere}' +
  'a{color:#0b57d0}.table{overflow-x:auto;margin-block:1rem}table{border-collapse:collapse}caption{text-align:start;font-weight:600}' +
  'th,td{text-align:start;padding:.25rem .5rem .25rem 0;border-bottom:1px solid #ddd}tbody th{min-width:7rem}' +
  'img{max-width:100%;height:auto;max-height:20rem;width:auto}.warning,.blocked{color:#8a1c1c}.selected{background:#eef3fd}';

/**
 * Fixture text as HTML: escaped, and isolated so that a right-to-left override (U+202E) or a right-to-left name
 * cannot reorder what the page prints after it in the same line, such as " — $25.00".
 */
export const bdi = (text: string): string => `<bdi>${escapeHtml(text)}</bdi>`;

/** The same isolation where markup cannot go (the document title): Unicode's first strong isolate … pop isolate. */
const isolated = (text: string): string => `\u2068${text}\u2069`;

/** A table that scrolls sideways inside its own box when its cells cannot wrap narrow enough. */
export const scrollingTable = (table: string): string => `<div class="table">${table}</div>`;

const ENGLISH_PLURALS = new Intl.PluralRules('en');

/** "1 line", "2 lines": these pages are in English. */
export const countOf = (count: number, one: string, other: string): string => `${count} ${ENGLISH_PLURALS.select(count) === 'one' ? one : other}`;

/** The page shell: `title` (with the shop's name when there is a store), `main`, and a link back to the studio index. */
export function page(title: string, main: string, store?: Store): string {
  const fullTitle = store ? `${isolated(title)} — ${isolated(store.shop.name)}` : title;
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(fullTitle)}</title><link rel="icon" href="data:,"><style>${STYLE}</style></head>` +
    `<body><main>${main}<p><a href="/">All scenarios</a></p></main></body></html>`
  );
}
