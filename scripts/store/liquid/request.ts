import { ShopifyDrop } from './drop.ts';
import type { CountryDrop, ShopLocaleDrop } from './shop.ts';
import { memo } from './memo.ts';
import type { StoreView } from './view.ts';

/** The classic customer templates: `request.page_type` names the one rendered. */
export type PageType =
  | 'customers/account'
  | 'customers/order'
  | 'customers/addresses'
  | 'customers/login'
  | 'customers/register'
  | 'customers/activate_account'
  | 'customers/reset_password';

/** Liquid `request`: the page being rendered, as if served by the shop's primary domain. */
export class RequestDrop extends ShopifyDrop {
  #view: StoreView;
  #path: string;
  #pageType: PageType;

  constructor(view: StoreView, path: string, pageType: PageType) {
    super();
    this.#view = view;
    this.#path = path;
    this.#pageType = pageType;
  }

  get path(): string { return this.#path; }
  get page_type(): string { return this.#pageType; }
  get host(): string { return this.#view.store.shop.domain; }
  get origin(): string { return `https://${this.#view.store.shop.domain}`; }
  get locale(): ShopLocaleDrop { return this.#view.shopLocaleDrop(this.#view.locale); }
  /** Encore renders what customers see, never the theme editor. */
  get design_mode(): boolean { return false; }
  get visual_preview_mode(): boolean { return false; }
}

/**
 * Liquid `localization`: the active language among the published ones. The
 * fixture has no markets, so the only country is the shop's own.
 */
export class LocalizationDrop extends ShopifyDrop {
  #view: StoreView;
  constructor(view: StoreView) {
    super();
    this.#view = view;
  }
  get language(): ShopLocaleDrop { return this.#view.shopLocaleDrop(this.#view.locale); }
  get available_languages(): ShopLocaleDrop[] {
    return memo(this, 'available_languages', () => this.#view.store.shop.published_locales.map((code) => this.#view.shopLocaleDrop(code)));
  }
  get country(): CountryDrop { return this.#view.countryDrop(this.#view.store.shop.country_code); }
  get available_countries(): CountryDrop[] { return [this.country]; }
}
