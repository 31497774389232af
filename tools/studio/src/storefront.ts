import { Theme } from '@encore/liquid/theme/theme.ts';
import { renderPage, type PageResponse } from '@encore/liquid/theme/page.ts';
import { ThemeError } from '@encore/liquid/errors.ts';
import { loadStore, type Store } from '@encore/fixtures/load.ts';
import { findCustomer, findOrder } from '@encore/fixtures/names.ts';
import { liquidGlobals, shopSettingsOf } from '@encore/fixtures/liquid/index.ts';
import { besideModule } from '@encore/liquid/paths.ts';

/** The page asked for names a customer or order the store does not have. */
export class NotFoundError extends ThemeError {}

/** The repository's own theme, what `--theme` defaults to. */
export const DEFAULT_THEME_DIR = besideModule(import.meta.url, '../../../theme');

/** The classic customer templates a logged-out visitor sees: no customer. */
export const LOGGED_OUT_TEMPLATES = ['customers/login', 'customers/register', 'customers/activate_account', 'customers/reset_password'] as const;

/**
 * A customer page to render: a customer's account page or address book, one of their orders, or a page of the
 * logged-out visitor (login, register, account activation, password reset).
 */
export type CustomerPage =
  | { template: 'customers/account' | 'customers/addresses'; customer: string; page?: number }
  | { template: 'customers/order'; order: string }
  | { template: (typeof LOGGED_OUT_TEMPLATES)[number] };

/**
 * Which of Shopify's page titles (`shopify.page_titles.*`) a customer page has: its system translations name
 * "account", "addresses", "order", "create_account" and "reset_account"; the login page is the account's, the
 * register page creates one. The activation page has no title of its own there, so it gets none.
 */
function pageTitleOf(page: CustomerPage, orderName: string | undefined): { key: string; values?: Record<string, string> } | undefined {
  switch (page.template) {
    case 'customers/account':
    case 'customers/login':
      return { key: 'account' };
    case 'customers/addresses':
      return { key: 'addresses' };
    case 'customers/order':
      return { key: 'order', values: { name: orderName ?? '' } };
    case 'customers/register':
      return { key: 'create_account' };
    case 'customers/reset_password':
      return { key: 'reset_account' };
    default:
      return undefined;
  }
}

/** What a page names in the store: its customer or its order (nothing for a logged-out page). */
export function pageReference(page: CustomerPage): { customer?: string; order?: string } {
  if ('customer' in page) return { customer: page.customer };
  if ('order' in page) return { order: page.order };
  return {};
}

export interface StorefrontRequest {
  locale?: string;
  /**
   * The host the page is served from. The preview server passes its own so that
   * the shop's CDN URLs (`//host/cdn/shop/…`) resolve to it; by default the
   * fixture's domain is used, as on Shopify.
   */
  host?: string;
  /** Extra query parameters (`section_id`, `sections`). */
  query?: URLSearchParams;
}

/**
 * The offline storefront: one theme and one store fixture, answering the
 * customer pages the way Shopify's servers would for a logged-in customer.
 */
export class Storefront {
  readonly theme: Theme;
  readonly store: Store;

  /**
   * `store` is an already-loaded (or generated) store; otherwise `storeFile`, or the default store, is loaded.
   * `watch`: notice theme edits through file-system events (servers) rather than an mtime check per render.
   */
  constructor(options: { themeDir?: string; storeFile?: string; store?: Store; watch?: boolean } = {}) {
    this.theme = new Theme(options.themeDir ?? DEFAULT_THEME_DIR);
    if (options.watch) this.theme.watch();
    this.store = options.store ?? loadStore(options.storeFile);
  }

  async render(page: CustomerPage, request: StorefrontRequest = {}): Promise<PageResponse> {
    const query = new URLSearchParams(request.query);
    if ('page' in page && page.page !== undefined) query.set('page', String(page.page));
    // As on Shopify, a page asked without a locale is in the shop's primary language (the theme's default file
    // only fills in words a locale lacks), so `npm run render` and the studio's unprefixed URLs agree.
    const locale = request.locale ?? this.store.shop.primary_locale;
    if (!this.store.shop.published_locales.includes(locale)) {
      throw new NotFoundError(
        undefined,
        undefined,
        `the shop does not publish the locale '${locale}'; it publishes ${this.store.shop.published_locales.join(', ')}`,
      );
    }
    const globals = liquidGlobals(this.store, { ...this.resolve(page), locale, cdnHost: request.host, template: page.template });
    return renderPage(this.theme, {
      template: page.template,
      globals,
      shop: request.host ? { ...shopSettingsOf(this.store), domain: request.host } : shopSettingsOf(this.store),
      locale,
      query,
      // The page's own URL, as its links show it: locale prefix and order token included.
      path: globals.request.path,
      now: this.now(),
      pageTitle: pageTitleOf(page, globals.order?.name),
    });
  }

  /** Whether the theme has the page's template (`templates/customers/NAME.json` or `.liquid`). */
  hasTemplate(template: CustomerPage['template']): boolean {
    return this.theme.exists(`templates/${template}.json`) || this.theme.exists(`templates/${template}.liquid`);
  }

  /** The customer (and order) a page is for; a clear error when the fixture has none by that name. */
  private resolve(page: CustomerPage): { customerHandle?: string; orderId?: string } {
    if ('customer' in page) {
      if (!findCustomer(this.store, page.customer)) {
        throw new NotFoundError(
          undefined,
          undefined,
          `no customer '${page.customer}' in the store; try: ${this.store.customers.map((c) => c.handle).join(', ')}`,
        );
      }
      return { customerHandle: page.customer };
    }
    if (!('order' in page)) return {};
    const found = findOrder(this.store, page.order);
    if (!found) throw new NotFoundError(undefined, undefined, `no order '${page.order}' in the store; npm run render -- --list shows them`);
    return { customerHandle: found.customer.handle, orderId: String(found.order.id) };
  }

  /** Fixtures are frozen in time: "now" is the shop's fixed clock when it declares one. */
  private now(): Date {
    const clock = this.store.shop.now;
    return clock ? new Date(clock) : new Date();
  }
}
