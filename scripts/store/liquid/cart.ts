import { ShopifyDrop } from './drop.ts';
import type { CurrencyDrop } from './shop.ts';

/**
 * Liquid `cart` on the customer pages: Shopify defines it on every storefront page, and layouts read it (a
 * header's cart icon and count). The fixture has no carts, so it is the empty cart of a fresh visit: nothing
 * in it, nothing owed, in the shop's currency.
 */
export class EmptyCartDrop extends ShopifyDrop {
  #currency: CurrencyDrop;
  constructor(currency: CurrencyDrop) {
    super();
    this.#currency = currency;
  }
  get item_count(): number { return 0; }
  get items(): never[] { return []; }
  get 'empty?'(): boolean { return true; }
  get requires_shipping(): boolean { return false; }
  get attributes(): Record<string, string> { return {}; }
  get total_price(): number { return 0; }
  get original_total_price(): number { return 0; }
  get items_subtotal_price(): number { return 0; }
  get checkout_charge_amount(): number { return 0; }
  get total_discount(): number { return 0; }
  get total_weight(): number { return 0; }
  get discount_applications(): never[] { return []; }
  get cart_level_discount_applications(): never[] { return []; }
  get currency(): CurrencyDrop { return this.#currency; }
}
