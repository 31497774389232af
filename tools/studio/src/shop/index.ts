/**
 * The storefront routes the theme's pages and the extension previews link to, answered from the store fixture so
 * that no link in the studio is dead:
 *   /cart/VARIANT_ID:QUANTITY,…    a cart permalink: its lines, prices and total, what Shopify would do with it (cart.ts)
 *   /products/HANDLE?variant=ID    the product as the fixture has it: image, price, variants and their stock (product.ts)
 *   /collections, /collections/H   the collections and their products (collections.ts)
 *   /account (no ?customer=)       which customer's account page to open (account.ts)
 *   /search, /account/…            routes the studio does not preview (the customer templates the theme lacks):
 *                                  what Shopify serves there (account.ts)
 * Unknown products, variants, collections and malformed permalinks answer a 404 page naming the bad part (page.ts).
 * Every fixture text is escaped; the money format is the merchant's HTML, printed as the theme's `money` filter does.
 */
import type { Storefront } from '../storefront.ts';
import { accountAnswer, STAND_INS, standInPage } from './account.ts';
import { cartAnswer } from './cart.ts';
import { collectionAnswer } from './collections.ts';
import { contextOf, type ShopAnswer } from './page.ts';
import { productAnswer } from './product.ts';
import { pageFor } from '../routes.ts';

export { notFoundPage, type ShopAnswer } from './page.ts';

export interface ShopRequest {
  /** The path without its locale prefix. */
  pathname: string;
  query: URLSearchParams;
  /** The page's locale when it is not the theme's default: links on the page keep it. */
  locale?: string;
  referer?: string;
}

/** The answer for a storefront route this module serves; undefined for any other path. */
export function answerShopRoute(storefront: Storefront, request: ShopRequest): ShopAnswer | undefined {
  const context = contextOf(storefront.store, request.locale);
  const { pathname, query } = request;
  const themePage = pageFor(pathname, query);
  const previewed = themePage !== undefined && storefront.hasTemplate(themePage.template);
  // The logged-in customer's pages name the customer; without one, the page the link was on does, else a chooser.
  if ((pathname === '/account' || (pathname === '/account/addresses' && previewed)) && !query.get('customer')) {
    return accountAnswer(context, request.referer, pathname);
  }
  if (pathname.startsWith('/cart/')) return cartAnswer(context, pathname.slice('/cart/'.length), query);
  const product = /^\/products\/([^/]+)$/.exec(pathname);
  if (product) return productAnswer(context, product[1], query.get('variant'));
  const collection = /^\/collections(?:\/([^/]+))?$/.exec(pathname);
  if (collection) return collectionAnswer(context, collection[1]);
  // Routes the studio does not preview (a customer template the theme lacks): what Shopify serves there. The
  // activation and reset links carry an id and a token after their route.
  const route = previewed ? undefined : Object.keys(STAND_INS).find((prefix) => pathname === prefix || (themePage && pathname.startsWith(`${prefix}/`)));
  if (route) return { status: 200, body: standInPage(context, route) };
  return undefined;
}
