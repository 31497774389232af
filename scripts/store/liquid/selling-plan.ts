import { ShopifyDrop } from './drop.ts';
import type { LineItem, SellingPlan } from '../types.ts';

/**
 * Liquid `selling_plan`, as an order line shows it. Shopify leaves the plan's
 * group, options and price adjustments out on order lines and tells themes to
 * show `name` after the purchase; the model records only the id and name.
 */
export class SellingPlanDrop extends ShopifyDrop {
  #plan: SellingPlan;
  constructor(plan: SellingPlan) {
    super();
    this.#plan = plan;
  }
  get id(): number { return this.#plan.id; }
  get name(): string { return this.#plan.name; }
  /** Chosen by a `?selling_plan=` parameter, which customer pages never carry. */
  get selected(): boolean { return false; }
}

/** Liquid `selling_plan_allocation` of an order line: the plan it was bought on, at the line's unit price. */
export class SellingPlanAllocationDrop extends ShopifyDrop {
  #line: LineItem;
  #plan: SellingPlanDrop;
  constructor(line: LineItem, plan: SellingPlan) {
    super();
    this.#line = line;
    this.#plan = new SellingPlanDrop(plan);
  }
  /** The unit price the line was bought at, which is the plan's price. */
  get price(): number { return this.#line.price; }
  get selling_plan(): SellingPlanDrop { return this.#plan; }
}
