import type { Context, Liquid } from 'liquidjs';
import { RubyLiquidError } from '../ruby/errors.ts';
import { escapeHtml, escapeText, isBlank, namedValue, plain, prop, splitArgs, str, type FilterThis } from './html.ts';

/**
 * `avatar` and `login_button`, the filters Shopify files under "customer".
 * shopify.dev names what they generate but shows no markup: on a storefront
 * Shop's script (loaded by `content_for_header`) draws both custom elements.
 * Offline the elements are printed as themes expect them, and nothing draws
 * into them:
 *
 * - `customer | avatar` is `<shop-user-avatar>`, the element Dawn's stylesheets
 *   size, holding the customer's initial: Shopify's account component shows a
 *   signed-in customer's initial when there is no Shop profile picture
 *   (shopify.dev/docs/storefronts/themes/customer-engagement/account-component).
 *   The initial is hidden from assistive technology: the account link it sits
 *   in already names the customer.
 * - `shop | login_button` is `<shop-login-button>` with its `action` (`default`
 *   or `follow`, the documented values) and, for Dawn's `hide_button: true`,
 *   `hide-button="true"`, the attribute the element reads on storefronts. The
 *   shop is there "for validation purposes only" (shopify.dev), so none of its
 *   values reach the markup.
 */

/** The first letter a customer is known by: first name, else last name, else email. */
function initialOf(customer: unknown, ctx: Context): string {
  for (const key of ['first_name', 'last_name', 'email']) {
    const text = str(prop(customer, key, ctx)).trim();
    // Array.from keeps a letter outside the Basic Multilingual Plane whole.
    if (text) return (Array.from(text)[0] ?? '').toLocaleUpperCase();
  }
  return '';
}

export function avatar(ctx: Context, customer: unknown): string {
  if (isBlank(customer) || typeof plain(customer) !== 'object') return '';
  const initial = initialOf(customer, ctx);
  if (!initial) return '';
  return `<shop-user-avatar aria-hidden="true">${escapeText(initial)}</shop-user-avatar>`;
}

const LOGIN_ACTIONS = ['default', 'follow'];

export function loginButton(shop: unknown, args: unknown[]): string {
  if (isBlank(shop)) return '';
  const { named } = splitArgs(args);
  const requested = namedValue(named, 'action');
  const action = isBlank(requested) ? 'default' : str(requested);
  if (!LOGIN_ACTIONS.includes(action)) {
    throw new RubyLiquidError(`login_button: action must be 'default' or 'follow', got '${action}'`);
  }
  const hidden = plain(namedValue(named, 'hide_button'));
  const hideButton = hidden !== undefined && hidden !== null && hidden !== false ? ' hide-button="true"' : '';
  return `<shop-login-button action="${escapeHtml(action)}"${hideButton}></shop-login-button>`;
}

export function registerCustomerFilters(liquid: Liquid): void {
  liquid.registerFilter('avatar', function (this: FilterThis, customer: unknown) {
    return avatar(this.context, customer);
  });
  liquid.registerFilter('login_button', (shop: unknown, ...args: unknown[]) => loginButton(shop, args));
}
