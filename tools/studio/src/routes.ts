import type { CustomerPage } from './storefront.ts';
import type { Store } from '@encore/fixtures/types.ts';

/** The studio's extension preview handles, in the order the index lists them. */
export const ORDER_EXTENSIONS = ['encore-thank-you', 'encore-order-status', 'encore-post-purchase-upsell'] as const;
export const CUSTOMER_EXTENSIONS = ['encore-order-index'] as const;

export class UnknownLocaleError extends Error {}

/** The URL cannot be read (a broken percent-escape): the request is wrong, not the theme. */
export class BadRequestError extends Error {}

type Shop = Pick<Store['shop'], 'primary_locale' | 'published_locales'>;

/*
 * The studio's one locale rule, Shopify's: the shop's primary locale is served unprefixed, every other locale the
 * shop publishes under `/xx/`. The theme's `*.default.json` plays no part in URLs; it only supplies the words a
 * locale's own file lacks. The studio's store publishes every locale the theme ships besides its own
 * (`studioStorefront`), so each translation can be previewed. `?locale=xx` is the studio's other way of asking
 * (the index's links, and the extension previews, which have no prefix); the pages themselves always link the way
 * Shopify writes it. A locale below is `undefined` for the primary one: nothing to write in a URL.
 */

/** The locales the store serves, its primary one first. */
export function servedLocales(shop: Shop): string[] {
  return [shop.primary_locale, ...shop.published_locales.filter((code) => code !== shop.primary_locale)];
}

/** The locale `?locale=` asks for: undefined when absent, empty or the primary one; a 404 when the shop lacks it. */
export function askedLocale(shop: Shop, asked: string | null): string | undefined {
  if (asked === null || asked === '' || asked === shop.primary_locale) return undefined;
  if (!shop.published_locales.includes(asked))
    throw new UnknownLocaleError(`the shop does not publish the locale "${asked}"; it publishes ${servedLocales(shop).join(', ')}`);
  return asked;
}

export interface LocalizedRequest {
  /** The locale the page is in. */
  code: string;
  /** The same when it is not the shop's primary locale: what the page's links write as a prefix. */
  locale?: string;
  /** The path without its locale prefix. */
  pathname: string;
  /** The query without `locale`: the page's own links carry it as a prefix. */
  query: URLSearchParams;
}

/**
 * A request's locale and what is left of its URL: a `/da/…` prefix of a published locale other than the primary one,
 * else `?locale=`, else the primary locale.
 */
export function splitLocale(shop: Shop, pathname: string, query: URLSearchParams): LocalizedRequest {
  const rest = new URLSearchParams(query);
  rest.delete('locale');
  const [, first, ...after] = pathname.split('/');
  const prefixed = first && first !== shop.primary_locale && shop.published_locales.includes(first);
  const locale = prefixed ? first : askedLocale(shop, query.get('locale'));
  return { code: locale ?? shop.primary_locale, locale, pathname: prefixed ? `/${after.join('/')}` : pathname, query: rest };
}

/**
 * `/da/…` on a shop whose primary locale is da: Shopify's URL for it has no prefix, so the studio redirects there.
 * Undefined for any other path. Leading slashes are collapsed so the target never reads as another host (`//x`).
 */
export function unprefixedPrimary(shop: Shop, pathname: string): string | undefined {
  const [, first, ...after] = pathname.split('/');
  return first === shop.primary_locale ? `/${after.join('/').replace(/^\/+/, '')}` : undefined;
}

/** A path segment as text; a BadRequestError naming it when its percent-encoding is broken. */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadRequestError(`"${segment}" is not valid percent-encoding`);
  }
}

/**
 * The customer page a path asks for. `/account` and `/account/addresses` name the logged-in customer with
 * `?customer=`; login, register, and the activation and reset links (`/account/activate/ID/TOKEN`,
 * `/account/reset/ID/TOKEN`, whatever the ID and token) are the logged-out visitor's.
 */
export function pageFor(pathname: string, query: URLSearchParams): CustomerPage | undefined {
  const order = /^\/account\/orders\/([^/]+)$/.exec(pathname);
  if (order) return { template: 'customers/order', order: decodePathSegment(order[1]) };
  if (pathname === '/account') return { template: 'customers/account', customer: query.get('customer') ?? '' };
  if (pathname === '/account/addresses') return { template: 'customers/addresses', customer: query.get('customer') ?? '' };
  if (pathname === '/account/login') return { template: 'customers/login' };
  if (pathname === '/account/register') return { template: 'customers/register' };
  if (/^\/account\/activate(\/[^/]+){0,2}$/.test(pathname)) return { template: 'customers/activate_account' };
  if (/^\/account\/reset(\/[^/]+){0,2}$/.test(pathname)) return { template: 'customers/reset_password' };
  return undefined;
}

/** A studio URL with its query; `?locale=` only for a locale other than the shop's primary one. */
export function studioHref(shop: Shop, pathname: string, params: Record<string, string | undefined>, locale: string): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, value);
  if (locale !== shop.primary_locale) query.set('locale', locale);
  const text = query.toString();
  return text ? `${pathname}?${text}` : pathname;
}
