/**
 * The store as Liquid sees it on one customer page. One entry point:
 *
 *   liquidGlobals(store, { customerHandle: 'casey' })            → customers/account
 *   liquidGlobals(store, { orderId: '1003' })                   → customers/order (customer = its owner)
 *   liquidGlobals(store, {})                                    → logged out (no `customer`)
 *
 * Every object is a lazy liquidjs Drop: nothing is computed until a template
 * reads it. `settings` is the theme's, not the store's: the engine adds it.
 */
import type { ShopSettings } from '../../engine/state.ts';
import { findCustomer, findOrder } from '../names.ts';
import type { Customer, Order, Store } from '../types.ts';
import type { CustomerDrop } from './customer.ts';
import type { OrderDrop } from './order.ts';
import { LocalizationDrop, RequestDrop, type PageType } from './request.ts';
import { allCountryOptionTags } from './country-options.ts';
import { RoutesDrop } from './routes.ts';
import { AllProductsDrop, CollectionsDrop } from './catalog-globals.ts';
import { ShopDrop } from './shop.ts';
import { EmptyCartDrop } from './cart.ts';
import { LinklistsDrop } from './menu.ts';
import { StoreView } from './view.ts';

export interface PageOptions {
  /** Handle of the logged-in customer (`customers/account`). */
  customerHandle?: string;
  /** Order to show (`customers/order`), by name with or without "#": "1003" or "#1003". */
  orderId?: string;
  /** One of the shop's published locales; the primary one by default. */
  locale?: string;
  /**
   * The customer template: `customers/addresses` for a logged-in customer (default `customers/account`), and for a
   * logged-out visitor `customers/register`, `activate_account` or `reset_password` (default `customers/login`).
   */
  template?: PageType;
  /** `request.path` as the server saw it; by default the page's canonical path (e.g. the order's `customer_url`). */
  path?: string;
  /**
   * Host that serves uploaded files (`//HOST/cdn/shop/files/…`); the shop's domain by default. The studio passes its
   * own, so product images load from it offline instead of from a domain that does not exist.
   */
  cdnHost?: string;
}

export interface LiquidGlobals {
  shop: ShopDrop;
  routes: RoutesDrop;
  request: RequestDrop;
  localization: LocalizationDrop;
  collections: CollectionsDrop;
  all_products: AllProductsDrop;
  linklists: LinklistsDrop;
  customer?: CustomerDrop;
  order?: OrderDrop;
  [name: string]: unknown;
}

export function liquidGlobals(store: Store, options: PageOptions = {}): LiquidGlobals {
  const locale = options.locale ?? store.shop.primary_locale;
  if (!store.shop.published_locales.includes(locale)) {
    throw new Error(`unknown locale "${locale}"; the shop publishes ${store.shop.published_locales.join(', ')}`);
  }
  const view = new StoreView(store, locale, options.cdnHost);
  let customer = options.customerHandle === undefined ? undefined : customerNamed(store, options.customerHandle);
  let order: Order | undefined;
  if (options.orderId !== undefined) {
    const found = orderNamed(store, options.orderId);
    if (customer && found.customer !== customer) {
      throw new Error(`order ${found.order.name} belongs to customer "${found.customer.handle}", not "${customer.handle}"`);
    }
    // Only its owner can open an order page, so the owner is the logged-in customer.
    customer = found.customer;
    order = found.order;
  }

  const globals: LiquidGlobals = {
    shop: new ShopDrop(view), routes: new RoutesDrop(view), localization: new LocalizationDrop(view),
    collections: new CollectionsDrop(view), all_products: new AllProductsDrop(view), request: undefined!, linklists: undefined!,
    cart: new EmptyCartDrop(view.currencyDrop(store.shop.currency)),
  };
  // Address forms list countries; the fixture has no shipping zones, so the shop ships everywhere Shopify knows.
  let countryOptions: string | undefined;
  Object.defineProperty(globals, 'all_country_option_tags', { enumerable: true, get: () => (countryOptions ??= allCountryOptionTags(locale)) });
  Object.defineProperty(globals, 'country_option_tags', { enumerable: true, get: () => (countryOptions ??= allCountryOptionTags(locale)) });
  let path: string;
  let pageType: PageType;
  if (order && customer) {
    globals.customer = view.customerDrop(customer);
    globals.order = view.orderDrop(order, customer);
    path = globals.order.customer_url;
    pageType = 'customers/order';
  } else if (customer) {
    globals.customer = view.customerDrop(customer);
    pageType = options.template === 'customers/addresses' ? options.template : 'customers/account';
    path = view.url(PAGE_PATHS[pageType]);
  } else {
    const loggedOut = options.template !== undefined && (LOGGED_OUT as PageType[]).includes(options.template) ? (options.template as (typeof LOGGED_OUT)[number]) : 'customers/login';
    pageType = loggedOut;
    path = view.url(PAGE_PATHS[loggedOut]);
  }
  globals.request = new RequestDrop(view, options.path ?? path, pageType);
  // Menu items are active or current by the same path `request.path` gives.
  globals.linklists = new LinklistsDrop(view, globals.request.path);
  globals.canonical_url = `https://${store.shop.domain}${path}`;
  return globals;
}

/** Where Shopify serves each customer page (an activation or reset link adds the customer's id and a token). */
const PAGE_PATHS: Record<Exclude<PageType, 'customers/order'>, string> = {
  'customers/account': '/account',
  'customers/addresses': '/account/addresses',
  'customers/login': '/account/login',
  'customers/register': '/account/register',
  'customers/activate_account': '/account/activate',
  'customers/reset_password': '/account/reset',
};

const LOGGED_OUT: Exclude<PageType, 'customers/order' | 'customers/account' | 'customers/addresses'>[] = ['customers/login', 'customers/register', 'customers/activate_account', 'customers/reset_password'];

function customerNamed(store: Store, handle: string): Customer {
  const customer = findCustomer(store, handle);
  if (!customer) throw new Error(`unknown customer "${handle}"; the store has ${store.customers.map((c) => c.handle).join(', ')}`);
  return customer;
}

function orderNamed(store: Store, id: string): { order: Order; customer: Customer } {
  const found = findOrder(store, id);
  if (!found) throw new Error(`unknown order "${id}"; run \`npm run render -- --list\` to see the store's orders`);
  return found;
}

/** What filters and tags need to know about the shop (money and date formatting, CDN domain). */
export function shopSettingsOf(store: Store): ShopSettings {
  const { shop } = store;
  return {
    currency: shop.currency,
    moneyFormat: shop.money_format,
    moneyWithCurrencyFormat: shop.money_with_currency_format,
    timezone: shop.timezone,
    domain: shop.domain,
    weightUnit: shop.weight_unit,
    primaryLocale: shop.primary_locale,
    permanentDomain: shop.permanent_domain,
    country: shop.country_code,
  };
}
