import { ShopifyDrop } from './drop.ts';
import { allocatedToApplication } from '../derive.ts';
import type { DiscountAllocation, DiscountApplication, Order } from '../types.ts';

/** Liquid `discount_application`: a discount and how it was aimed. */
export class DiscountApplicationDrop extends ShopifyDrop {
  #order: Order;
  #index: number;
  #application: DiscountApplication;

  constructor(order: Order, index: number) {
    super();
    this.#order = order;
    this.#index = index;
    this.#application = order.discount_applications[index];
  }

  get title(): string { return this.#application.title; }
  get type(): string { return this.#application.type; }
  get value(): number { return this.#application.value; }
  get value_type(): string { return this.#application.value_type; }
  get target_type(): string { return this.#application.target_type; }
  get target_selection(): string { return this.#application.target_selection; }
  /** Σ of what it took off lines and shipping. */
  get total_allocated_amount(): number { return allocatedToApplication(this.#order, this.#index); }
}

/** Liquid `discount_allocation`: the part of a discount that landed on one line. */
export class DiscountAllocationDrop extends ShopifyDrop {
  #allocation: DiscountAllocation;
  #application: DiscountApplicationDrop;

  constructor(allocation: DiscountAllocation, application: DiscountApplicationDrop) {
    super();
    this.#allocation = allocation;
    this.#application = application;
  }

  get amount(): number { return this.#allocation.amount; }
  get discount_application(): DiscountApplicationDrop { return this.#application; }
}
