import { ShopifyDrop } from './drop.ts';
import { createHash } from 'node:crypto';
import { isCartLevel, lineAmounts } from '../derive.ts';
import type { LineItem } from '../types.ts';
import type { DiscountAllocationDrop } from './discount.ts';
import type { FulfillmentDrop } from './fulfillment.ts';
import type { ImageDrop } from './image.ts';
import { memo } from './memo.ts';
import type { OrderParts } from './order-parts.ts';
import type { ProductDrop, VariantDrop } from './product.ts';
import type { OptionWithValueDrop } from './product-option.ts';
import { SellingPlanAllocationDrop } from './selling-plan.ts';

/**
 * Liquid `line_item` of an order. Inside `fulfillment.fulfillment_line_items`
 * the same line is shown with the quantity of that shipment (`shippedQuantity`),
 * so line prices there cover what was shipped.
 */
export class LineItemDrop extends ShopifyDrop {
  #parts: OrderParts;
  #line: LineItem;
  #quantity: number;

  constructor(parts: OrderParts, line: LineItem, shippedQuantity?: number) {
    super();
    this.#parts = parts;
    this.#line = line;
    this.#quantity = shippedQuantity ?? line.quantity;
  }

  get #product() { return this.#parts.view.product(this.#line.product)!; }
  get #variant() { return this.#parts.view.variant(this.#line.variant_id)!.variant; }
  get #amounts() { return lineAmounts(this.#parts.order, this.#line); }

  get id(): number { return this.#line.id; }
  /** "Product - Variant", or just the product title for a default variant. */
  get title(): string {
    const variant = this.#variant.title;
    return this.#product.options.length === 0 ? this.#product.title : `${this.#product.title} - ${variant}`;
  }
  get quantity(): number { return this.#quantity; }
  get product(): ProductDrop { return this.#parts.view.productDrop(this.#line.product)!; }
  get product_id(): number { return this.#product.id; }
  get variant(): VariantDrop { return this.#parts.view.variantDrop(this.#line.variant_id)!; }
  get variant_id(): number { return this.#line.variant_id; }
  get sku(): string | null { return this.#variant.sku; }
  get vendor(): string { return this.#product.vendor; }
  get url(): string { return this.variant.url; }
  get image(): ImageDrop | undefined { return this.variant.image ?? this.product.featured_image; }
  /** The line's own setting (a digital copy of a shippable variant ships nothing); the loader fills it from the variant. */
  get requires_shipping(): boolean { return this.#line.requires_shipping; }
  /** The weight of one unit in grams, like the Admin API's line item `grams`; `weight_with_unit` converts it. */
  get grams(): number { return this.#variant.weight; }
  get taxable(): boolean { return this.#variant.taxable; }
  get gift_card(): boolean { return this.#product.gift_card === true; }
  get fulfillment_service(): string { return 'manual'; }
  /** Variant id, then a hash of what makes the line unique. */
  get key(): string {
    const hash = createHash('sha256').update(`${this.#parts.order.id}:${this.#line.id}:${JSON.stringify(this.#line.properties)}`).digest('hex').slice(0, 32);
    return `${this.#line.variant_id}:${hash}`;
  }
  /** A hash: iterate with `property.first` / `property.last`. */
  get properties(): Record<string, string> { return { ...this.#line.properties }; }
  get options_with_values(): OptionWithValueDrop[] { return this.variant.options_with_values; }
  /** The plan the line was bought on (subscription, pre-order); nil for a one-time purchase. */
  get selling_plan_allocation(): SellingPlanAllocationDrop | undefined {
    const plan = this.#line.selling_plan;
    return plan ? memo(this, 'selling_plan_allocation', () => new SellingPlanAllocationDrop(this.#line, plan)) : undefined;
  }

  get original_price(): number { return this.#line.price; }
  get original_line_price(): number { return this.#line.price * this.#quantity; }
  get final_price(): number { return this.#amounts.finalPrice; }
  get final_line_price(): number {
    return this.#quantity === this.#line.quantity ? this.#amounts.finalLinePrice : this.#amounts.finalPrice * this.#quantity;
  }
  /** Deprecated: the price before discount codes and automatic discounts. */
  get price(): number { return this.original_price; }
  /** Deprecated: the line price before discount codes and automatic discounts. */
  get line_price(): number { return this.original_line_price; }
  /** Deprecated: Shopify Scripts discounts only, which fixtures do not have. */
  get total_discount(): number { return 0; }
  get line_level_total_discount(): number { return this.#amounts.lineLevelDiscount; }
  get discount_allocations(): DiscountAllocationDrop[] {
    return memo(this, 'discount_allocations', () => this.#parts.allocations(this.#line.discount_allocations));
  }
  get line_level_discount_allocations(): DiscountAllocationDrop[] {
    return memo(this, 'line_level_discount_allocations', () =>
      this.#parts.allocations(this.#line.discount_allocations.filter((allocation) => !isCartLevel(this.#parts.order.discount_applications[allocation.discount_application]))),
    );
  }

  /** Units in successful fulfillments; a cancelled fulfillment's units count as unfulfilled again. */
  get successfully_fulfilled_quantity(): number { return this.#parts.state(this.#line).fulfilled; }
  /** The latest successful fulfillment that shipped this line; nil while unfulfilled. */
  get fulfillment(): FulfillmentDrop | undefined {
    const fulfillment = this.#parts.state(this.#line).fulfillment;
    return fulfillment ? this.#parts.fulfillment(fulfillment) : undefined;
  }
}
