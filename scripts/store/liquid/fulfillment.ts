import { ShopifyDrop } from './drop.ts';
import type { Fulfillment } from '../types.ts';
import type { LineItemDrop } from './line-item.ts';
import { memo } from './memo.ts';

/**
 * Liquid `fulfillment`. Liquid has no status for it: cancelled fulfillments
 * are never handed out (see `line_item.fulfillment`), only their effect shows.
 */
export class FulfillmentDrop extends ShopifyDrop {
  #fulfillment: Fulfillment;
  #lineItems: () => LineItemDrop[];

  /** `lineItems` builds the line items as shipped here (quantities of this fulfillment). */
  constructor(fulfillment: Fulfillment, lineItems: () => LineItemDrop[]) {
    super();
    this.#fulfillment = fulfillment;
    this.#lineItems = lineItems;
  }

  get created_at(): string { return this.#fulfillment.created_at; }
  get item_count(): number { return this.#fulfillment.line_items.reduce((total, entry) => total + entry.quantity, 0); }
  /** The order's line items in this shipment; each `quantity` is the quantity shipped here. */
  get fulfillment_line_items(): LineItemDrop[] { return memo(this, 'fulfillment_line_items', this.#lineItems); }
  get tracking_company(): string | null { return this.#fulfillment.tracking_company; }
  get tracking_numbers(): string[] { return [...this.#fulfillment.tracking_numbers]; }
  /** The first tracking number; nil without one. */
  get tracking_number(): string | undefined { return this.#fulfillment.tracking_numbers[0]; }
  /** The first tracking URL; nil without a tracking number. */
  get tracking_url(): string | undefined {
    return this.#fulfillment.tracking_numbers.length > 0 ? this.#fulfillment.tracking_urls[0] : undefined;
  }
}
