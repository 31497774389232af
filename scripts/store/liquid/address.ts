import { ShopifyDrop } from './drop.ts';
import type { Address, CustomerAddress } from '../types.ts';
import type { CountryDrop } from './shop.ts';
import type { StoreView } from './view.ts';

/** Liquid `address`: an order's billing/shipping address or one from the customer's address book. */
export class AddressDrop extends ShopifyDrop {
  #view: StoreView;
  #address: Address | CustomerAddress;

  constructor(view: StoreView, address: Address | CustomerAddress) {
    super();
    this.#view = view;
    this.#address = address;
  }

  /** Only address-book entries have an id (and a URL). */
  get id(): number | undefined { return 'id' in this.#address ? this.#address.id : undefined; }
  get url(): string | undefined { return 'id' in this.#address ? this.#view.url(`/account/addresses/${this.#address.id}`) : undefined; }
  get first_name(): string { return this.#address.first_name; }
  get last_name(): string { return this.#address.last_name; }
  get name(): string { return [this.#address.first_name, this.#address.last_name].filter(Boolean).join(' '); }
  get company(): string | null { return this.#address.company; }
  get phone(): string | null { return this.#address.phone; }
  get address1(): string { return this.#address.address1; }
  get address2(): string | null { return this.#address.address2; }
  get street(): string { return [this.#address.address1, this.#address.address2].filter(Boolean).join(', '); }
  get city(): string { return this.#address.city; }
  get province(): string | null { return this.#address.province; }
  get province_code(): string | null { return this.#address.province_code; }
  get zip(): string { return this.#address.zip; }
  get country_code(): string { return this.#address.country_code; }
  get country(): CountryDrop { return this.#view.countryDrop(this.#address.country_code); }
  /** One line with what Shopify's reference lists: name, both address lines, city, province, country (no zip). */
  get summary(): string {
    const a = this.#address;
    return [this.name, a.address1, a.address2, a.city, a.province, this.country.name].filter(Boolean).join(', ');
  }
}
