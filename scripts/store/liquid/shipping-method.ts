import { ShopifyDrop } from './drop.ts';
import type { ShippingLine } from '../types.ts';
import type { DiscountAllocationDrop } from './discount.ts';

/** Liquid `shipping_method`: a shipping line of the order. */
export class ShippingMethodDrop extends ShopifyDrop {
  #line: ShippingLine;
  #allocations: DiscountAllocationDrop[];

  constructor(line: ShippingLine, allocations: DiscountAllocationDrop[]) {
    super();
    this.#line = line;
    this.#allocations = allocations;
  }

  get title(): string { return this.#line.title; }
  /** Shopify appends the price to the handle. */
  get handle(): string { return `shopify-${this.#line.title}-${(this.#line.price / 100).toFixed(2)}`; }
  /** Shopify's reference example shows the id equal to the handle ("shopify-Standard-0.00"). */
  get id(): string { return this.handle; }
  get original_price(): number { return this.#line.price; }
  get price_with_discounts(): number {
    return this.#line.price - this.#line.discount_allocations.reduce((total, allocation) => total + allocation.amount, 0);
  }
  /** Deprecated alias kept for older themes. */
  get price(): number { return this.price_with_discounts; }
  get discount_allocations(): DiscountAllocationDrop[] { return this.#allocations; }
}
