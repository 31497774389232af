/**
 * /account without ?customer= (a redirect or a chooser, as the studio has no login), and stand-ins for the routes
 * Shopify serves that the studio does not preview (/cart, /search, the other /account pages).
 */
import { escapeHtml } from '@encore/liquid/filters/html.ts';
import { findOrder } from '@encore/fixtures/names.ts';
import type { Store } from '@encore/fixtures/types.ts';
import { bdi, decodeSegment, page, type Context, type ShopAnswer } from './page.ts';

/** Routes Shopify serves that the studio does not preview, and what Shopify shows there. */
export const STAND_INS: Record<string, string> = {
  '/search': 'the search template: products, pages and articles matching ?q=',
  '/account/login': 'the customers/login template: the login form (stores on legacy customer accounts)',
  '/account/register': 'the customers/register template: the sign-up form',
  '/account/addresses': "the customers/addresses template: the customer's address book, to add, edit and delete addresses",
  '/account/activate': 'the customers/activate_account template: the form that sets the password of an invited customer',
  '/account/reset': 'the customers/reset_password template: the form that sets a new password from a reset link',
  '/account/logout': 'no page: it logs the customer out and redirects to the home page',
};

/**
 * Shopify's `/account` is the logged-in customer's page; the studio names the customer with `?customer=`. Coming
 * from one of the studio's order pages (the "Back to account" link) it opens that order's customer, else it asks.
 */
export function accountAnswer(context: Context, referer: string | undefined, pathname = '/account'): ShopAnswer {
  const customer = refererCustomer(context.store, referer);
  const href = (handle: string) => `${context.localePath}${pathname}?customer=${encodeURIComponent(handle)}`;
  if (customer) return { status: 302, body: '', location: href(customer) };
  const items = context.store.customers.map(
    (candidate) => `<li><a href="${escapeHtml(href(candidate.handle))}">${bdi(candidate.handle)}</a> — ${bdi(candidate.description)}</li>`,
  );
  const body =
    `<h1>Account</h1><p>On Shopify, ${escapeHtml(pathname)} shows the logged-in customer's own page. ` +
    'The studio has no login: choose whose account to open.</p>' +
    `<ul>${items.join('')}</ul>`;
  return { status: 200, body: page('Account', body, context.store) };
}

/** The customer of the page the request came from (an order page, or a page naming `?customer=`), if any. */
function refererCustomer(store: Store, referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  const url = URL.canParse(referer) ? new URL(referer) : undefined;
  const named = url?.searchParams.get('customer');
  if (named && store.customers.some((candidate) => candidate.handle === named)) return named;
  const pathname = url?.pathname ?? '';
  const order = /\/account\/orders\/([^/]+)$/.exec(pathname);
  const reference = order ? decodeSegment(order[1]) : undefined;
  return reference === undefined ? undefined : findOrder(store, reference)?.customer.handle;
}

/** The page for a STAND_INS route: what Shopify serves there, and that the studio has no preview of it. */
export function standInPage(context: Context, path: string): string {
  const body =
    `<h1><code>${escapeHtml(path)}</code></h1><p>On Shopify this URL serves ${escapeHtml(STAND_INS[path])}.</p>` +
    '<p>The studio previews the customers/account and customers/order pages and the extensions; this route has no preview.</p>';
  return page(path, body, context.store);
}
