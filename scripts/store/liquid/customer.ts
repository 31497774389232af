import { ShopifyDrop } from './drop.ts';
import { netPaid } from '../derive.ts';
import type { Customer, Order } from '../types.ts';
import { AddressDrop } from './address.ts';
import { memo } from './memo.ts';
import { MetafieldsDrop } from './metafield.ts';
import type { OrderDrop } from './order.ts';
import type { StoreView } from './view.ts';

const newestFirst = (a: Order, b: Order) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id;

/** Liquid `customer`: the logged-in customer. */
export class CustomerDrop extends ShopifyDrop {
  #view: StoreView;
  #customer: Customer;

  constructor(view: StoreView, customer: Customer) {
    super();
    this.#view = view;
    this.#customer = customer;
  }

  get id(): number { return this.#customer.id; }
  get first_name(): string { return this.#customer.first_name; }
  get last_name(): string { return this.#customer.last_name; }
  get name(): string { return [this.#customer.first_name, this.#customer.last_name].filter(Boolean).join(' '); }
  get email(): string { return this.#customer.email; }
  get phone(): string | null { return this.#customer.phone; }
  get tags(): string[] { return [...this.#customer.tags]; }
  get accepts_marketing(): boolean { return this.#customer.accepts_marketing; }
  get has_account(): boolean { return this.#customer.has_account; }
  get tax_exempt(): boolean { return this.#customer.tax_exempt; }
  /** Someone who has bought for a company (an order with a `company`) is one of its B2B contacts. */
  get ['b2b?'](): boolean { return this.#customer.orders.some((order) => Boolean(order.company)); }
  /** The model gives customers no metafields: an empty set, so lookups are nil. */
  get metafields(): MetafieldsDrop { return memo(this, 'metafields', () => new MetafieldsDrop()); }

  /**
   * Every order, newest first, as a plain array of order drops (each one lazy,
   * so 45 orders cost 45 small objects until a template reads into them).
   * A plain array is what the `paginate` tag slices: it reads `.length`,
   * serves `slice(offset, offset + size)` with the size capped at 20 for
   * `customer.orders`, and `size`/`first`/`last`/`for` work as on any array.
   * Outside `paginate` the whole list is visible (Shopify would cap it; the
   * tag is where paging belongs).
   */
  get orders(): OrderDrop[] {
    return memo(this, 'orders', () => [...this.#customer.orders].sort(newestFirst).map((order) => this.#view.orderDrop(order, this.#customer)));
  }
  get orders_count(): number { return this.#customer.orders.length; }
  get last_order(): OrderDrop | undefined { return this.orders[0]; }
  /** Money actually kept by the shop: captured payments minus refunds, over all orders. */
  get total_spent(): number { return this.#customer.orders.reduce((total, order) => total + netPaid(order), 0); }

  get addresses(): AddressDrop[] {
    return memo(this, 'addresses', () => this.#customer.addresses.map((address) => new AddressDrop(this.#view, address)));
  }
  get addresses_count(): number { return this.#customer.addresses.length; }
  get default_address(): AddressDrop | undefined {
    const index = this.#customer.addresses.findIndex((address) => address.id === this.#customer.default_address_id);
    return index < 0 ? undefined : this.addresses[index];
  }
}
