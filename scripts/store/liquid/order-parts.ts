/**
 * The drops of one order that refer to each other (line items ↔ fulfillments
 * ↔ discount applications), built once per order so every path yields the
 * same drop. Not a drop itself: templates never see it.
 */
import { lineItemStates, type LineItemState } from '../derive.ts';
import type { DiscountAllocation, Fulfillment, LineItem, Order } from '../types.ts';
import { DiscountAllocationDrop, DiscountApplicationDrop } from './discount.ts';
import { FulfillmentDrop } from './fulfillment.ts';
import { LineItemDrop } from './line-item.ts';
import type { StoreView } from './view.ts';

export class OrderParts {
  readonly view: StoreView;
  readonly order: Order;
  #applications: DiscountApplicationDrop[] | undefined;
  #lineItems = new Map<number, LineItemDrop>();
  #fulfillments = new Map<number, FulfillmentDrop>();
  #states: Map<number, LineItemState> | undefined;

  constructor(view: StoreView, order: Order) {
    this.view = view;
    this.order = order;
  }

  get applications(): DiscountApplicationDrop[] {
    return (this.#applications ??= this.order.discount_applications.map((_, index) => new DiscountApplicationDrop(this.order, index)));
  }

  allocations(allocations: DiscountAllocation[]): DiscountAllocationDrop[] {
    return allocations.map((allocation) => new DiscountAllocationDrop(allocation, this.applications[allocation.discount_application]));
  }

  lineItem(line: LineItem): LineItemDrop {
    let drop = this.#lineItems.get(line.id);
    if (!drop) this.#lineItems.set(line.id, (drop = new LineItemDrop(this, line)));
    return drop;
  }

  /** Every line's state from one pass over the fulfillments and refunds, rather than one pass per line. */
  state(line: LineItem): LineItemState {
    if (!this.#states) {
      const states = lineItemStates(this.order);
      this.#states = new Map(this.order.line_items.map((item, i) => [item.id, states[i]]));
    }
    return this.#states.get(line.id)!;
  }

  fulfillment(fulfillment: Fulfillment): FulfillmentDrop {
    let drop = this.#fulfillments.get(fulfillment.id);
    if (!drop) {
      const shipped = () =>
        fulfillment.line_items.map((entry) => new LineItemDrop(this, this.order.line_items.find((line) => line.id === entry.line_item)!, entry.quantity));
      this.#fulfillments.set(fulfillment.id, (drop = new FulfillmentDrop(fulfillment, shipped)));
    }
    return drop;
  }
}
