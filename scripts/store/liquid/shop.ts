import { ShopifyDrop } from './drop.ts';
import { countryName, currencyName, currencySymbol, languageName, unitSystem } from './locale-names.ts';
import { memo } from './memo.ts';
import { MetafieldsDrop } from './metafield.ts';
import type { StoreView } from './view.ts';

/** Liquid `currency`. */
export class CurrencyDrop extends ShopifyDrop {
  #code: string;
  constructor(code: string) {
    super();
    this.#code = code;
  }
  get iso_code(): string { return this.#code; }
  get name(): string { return currencyName(this.#code); }
  get symbol(): string { return currencySymbol(this.#code); }
  override toString(): string { return this.#code; }
}

/** Liquid `shop_locale`: a published language of the shop. */
export class ShopLocaleDrop extends ShopifyDrop {
  #view: StoreView;
  #code: string;
  constructor(view: StoreView, code: string) {
    super();
    this.#view = view;
    this.#code = code;
  }
  get iso_code(): string { return this.#code; }
  /** In the shop's primary language. */
  get name(): string { return languageName(this.#code, this.#view.store.shop.primary_locale); }
  /** In the language itself. */
  get endonym_name(): string { return languageName(this.#code, this.#code); }
  get primary(): boolean { return this.#code === this.#view.store.shop.primary_locale; }
  get root_url(): string { return this.primary ? '/' : `/${this.#code}`; }
  override toString(): string { return this.#code; }
}

/**
 * Liquid `country`. Without markets in the model, only the shop's own
 * country has a known currency and languages (the shop's).
 */
export class CountryDrop extends ShopifyDrop {
  #view: StoreView;
  #code: string;
  constructor(view: StoreView, code: string) {
    super();
    this.#view = view;
    this.#code = code;
  }
  get iso_code(): string { return this.#code; }
  get name(): string { return countryName(this.#code, this.#view.locale); }
  get unit_system(): string { return unitSystem(this.#code); }
  get currency(): CurrencyDrop | undefined {
    const { shop } = this.#view.store;
    return this.#code === shop.country_code ? this.#view.currencyDrop(shop.currency) : undefined;
  }
  get available_languages(): ShopLocaleDrop[] | undefined {
    const { shop } = this.#view.store;
    return this.#code === shop.country_code ? memo(this, 'available_languages', () => shop.published_locales.map((code) => this.#view.shopLocaleDrop(code))) : undefined;
  }
  /** `{{ address.country }}` prints the name. */
  override toString(): string { return this.name; }
}

/** Liquid `shop`. */
export class ShopDrop extends ShopifyDrop {
  #view: StoreView;
  constructor(view: StoreView) {
    super();
    this.#view = view;
  }
  get #shop() { return this.#view.store.shop; }

  get id(): string | undefined { return this.#shop.id === undefined ? undefined : String(this.#shop.id); }
  get name(): string { return this.#shop.name; }
  get email(): string { return this.#shop.email; }
  get description(): string | undefined { return this.#shop.description; }
  get phone(): string | undefined { return this.#shop.phone; }
  get domain(): string { return this.#shop.domain; }
  get permanent_domain(): string { return this.#shop.permanent_domain; }
  get url(): string { return `https://${this.#shop.domain}`; }
  get secure_url(): string { return `https://${this.#shop.domain}`; }
  get currency(): string { return this.#shop.currency; }
  get money_format(): string { return this.#shop.money_format; }
  get money_with_currency_format(): string { return this.#shop.money_with_currency_format; }
  get enabled_currencies(): CurrencyDrop[] {
    return memo(this, 'enabled_currencies', () =>
      [...new Set([this.#shop.currency, ...(this.#shop.enabled_currencies ?? [])])].map((code) => this.#view.currencyDrop(code)),
    );
  }
  get published_locales(): ShopLocaleDrop[] {
    return memo(this, 'published_locales', () => this.#shop.published_locales.map((code) => this.#view.shopLocaleDrop(code)));
  }
  /** Deprecated by Shopify in favour of `request.locale`; still read by older themes. */
  get locale(): ShopLocaleDrop { return this.#view.shopLocaleDrop(this.#view.locale); }
  /** Encore renders customer account pages, so accounts are on. */
  get customer_accounts_enabled(): boolean { return true; }
  get enabled_payment_types(): string[] { return [...(this.#shop.enabled_payment_types ?? [])]; }
  get products_count(): number { return this.#view.store.products.length; }
  get collections_count(): number { return this.#view.store.collections.length; }
  get vendors(): string[] { return [...new Set(this.#view.store.products.map((product) => product.vendor).filter(Boolean))].sort(); }
  get types(): string[] { return [...new Set(this.#view.store.products.map((product) => product.product_type).filter(Boolean))].sort(); }
  get accepts_gift_cards(): boolean { return this.#view.store.products.some((product) => product.gift_card === true); }
  /** Shopify's documented default; changing it takes the Search & Discovery app, which fixtures do not model. */
  get search_types(): string[] { return ['article', 'page', 'product']; }
  /** The model gives the shop no metafields: an empty set, so lookups are nil. */
  get metafields(): MetafieldsDrop { return memo(this, 'metafields', () => new MetafieldsDrop()); }
}
