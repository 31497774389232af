import { ShopifyDrop } from './drop.ts';
import type { StoreView } from './view.ts';

/**
 * Liquid `routes`: storefront URLs, prefixed with the active locale's root
 * ("/fr/account") like Shopify does. Routes whose target lives outside the
 * storefront (account_profile_url, storefront_login_url on new customer
 * accounts) are left out: a fixture cannot know them.
 */
export class RoutesDrop extends ShopifyDrop {
  #view: StoreView;
  constructor(view: StoreView) {
    super();
    this.#view = view;
  }
  get root_url(): string { return this.#view.url('/'); }
  get account_url(): string { return this.#view.url('/account'); }
  get account_login_url(): string { return this.#view.url('/account/login'); }
  get account_logout_url(): string { return this.#view.url('/account/logout'); }
  get account_recover_url(): string { return this.#view.url('/account/recover'); }
  get account_register_url(): string { return this.#view.url('/account/register'); }
  get account_addresses_url(): string { return this.#view.url('/account/addresses'); }
  get collections_url(): string { return this.#view.url('/collections'); }
  get all_products_collection_url(): string { return this.#view.url('/collections/all'); }
  get search_url(): string { return this.#view.url('/search'); }
  get predictive_search_url(): string { return this.#view.url('/search/suggest'); }
  get cart_url(): string { return this.#view.url('/cart'); }
  get cart_add_url(): string { return this.#view.url('/cart/add'); }
  get cart_change_url(): string { return this.#view.url('/cart/change'); }
  get cart_clear_url(): string { return this.#view.url('/cart/clear'); }
  get cart_update_url(): string { return this.#view.url('/cart/update'); }
  get product_recommendations_url(): string { return this.#view.url('/recommendations/products'); }
}
