import type { CustomerPage, Storefront } from '../storefront.ts';

/** The studio's extension preview handles, in the order the index lists them. */
export const ORDER_EXTENSIONS = ['encore-thank-you', 'encore-order-status', 'encore-post-purchase-upsell'] as const;
export const CUSTOMER_EXTENSIONS = ['encore-order-index'] as const;

export class UnknownLocaleError extends Error {}

/**
 * The page's locale: a `/da/…` prefix (as Shopify's storefront writes it), else `?locale=da`; neither means the
 * theme's default. A `?locale=` the theme has no file for is a mistake worth a 404, not a page in English.
 */
export function splitLocale(storefront: Storefront, pathname: string, query: URLSearchParams): { locale?: string; pathname: string } {
  const locales = storefront.theme.locales();
  const [, first, ...rest] = pathname.split('/');
  if (first && locales.includes(first) && first !== storefront.theme.defaultLocale()) {
    return { locale: first, pathname: `/${rest.join('/')}` };
  }
  const asked = query.get('locale');
  if (asked === null || asked === '') return { pathname };
  if (!locales.includes(asked)) throw new UnknownLocaleError(`no locale '${asked}' in the theme; try: ${locales.join(', ')}`);
  return { locale: asked === storefront.theme.defaultLocale() ? undefined : asked, pathname };
}

export function pageFor(pathname: string, query: URLSearchParams): CustomerPage | undefined {
  const order = /^\/account\/orders\/([^/]+)$/.exec(pathname);
  if (order) return { template: 'customers/order', order: decodeURIComponent(order[1]) };
  if (pathname === '/account') return { template: 'customers/account', customer: query.get('customer') ?? '' };
  return undefined;
}

/** A studio URL with its query; the default locale is left out, so those links read as Shopify's do. */
export function studioHref(pathname: string, params: Record<string, string | undefined>, locale: string, defaultLocale: string): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, value);
  if (locale !== defaultLocale) query.set('locale', locale);
  const text = query.toString();
  return text ? `${pathname}?${text}` : pathname;
}
