import { ShopifyDrop } from './drop.ts';
import { financialStatus, fulfillmentStatus, isCartLevel, orderAmounts, totalRefunded } from '../derive.ts';
import type { Customer, Order } from '../types.ts';
import { AddressDrop } from './address.ts';
import type { CustomerDrop } from './customer.ts';
import type { DiscountApplicationDrop } from './discount.ts';
import { CANCEL_REASON_LABELS, FINANCIAL_STATUS_LABELS, FULFILLMENT_STATUS_LABELS, localizedLabel } from './labels.ts';
import type { LineItemDrop } from './line-item.ts';
import { memo } from './memo.ts';
import { MetafieldsDrop } from './metafield.ts';
import { OrderParts } from './order-parts.ts';
import { ShippingMethodDrop } from './shipping-method.ts';
import { TaxLineDrop } from './tax-line.ts';
import { TransactionDrop } from './transaction.ts';
import type { StoreView } from './view.ts';

/**
 * Liquid `order`. Statuses and totals are derived from the order's history
 * (derive.ts), never stored, so a fixture cannot contradict itself.
 * Liquid has no `order.fulfillments`: shipments show through line items.
 */
export class OrderDrop extends ShopifyDrop {
  #view: StoreView;
  #order: Order;
  #customer: Customer;
  #parts: OrderParts;

  constructor(view: StoreView, order: Order, customer: Customer) {
    super();
    this.#view = view;
    this.#order = order;
    this.#customer = customer;
    this.#parts = new OrderParts(view, order);
  }

  get #amounts() { return memo(this, 'amounts', () => orderAmounts(this.#order)); }

  get id(): number { return this.#order.id; }
  get name(): string { return this.#order.name; }
  /** The digits of the name: "#1001" → 1001. */
  get order_number(): number | undefined {
    const digits = this.#order.name.match(/\d+/);
    return digits ? Number(digits[0]) : undefined;
  }
  get confirmation_number(): string | undefined { return this.#order.confirmation_number; }
  get created_at(): string { return this.#order.created_at; }
  get email(): string { return this.#order.email; }
  get phone(): string | null { return this.#order.phone; }
  get note(): string | null { return this.#order.note; }
  /** A hash: iterate with `attribute.first` / `attribute.last`. */
  get attributes(): Record<string, string> { return { ...this.#order.attributes }; }
  /** Alphabetical, as Shopify returns them. */
  get tags(): string[] { return [...this.#order.tags].sort(); }
  get customer(): CustomerDrop { return this.#view.customerDrop(this.#customer); }
  get customer_url(): string { return this.#view.url(`/account/orders/${this.#view.orderToken(this.#order)}`); }
  /**
   * Shopify links to its hosted order status page; offline the only page
   * that shows an order is the customer's order page the preview serves.
   */
  get order_status_url(): string { return this.customer_url; }
  /** The new customer accounts' order page: offline, the same preview page. */
  get customer_order_url(): string { return this.customer_url; }
  /** In-store pickup instead of shipping. */
  get ['pickup_in_store?'](): boolean { return Boolean(this.#order.pickup); }
  /** The model gives orders no metafields: an empty set, so lookups are nil. */
  get metafields(): MetafieldsDrop { return memo(this, 'metafields', () => new MetafieldsDrop()); }

  get cancelled(): boolean { return this.#order.cancelled_at !== null; }
  get cancelled_at(): string | null { return this.#order.cancelled_at; }
  get cancel_reason(): string | null { return this.#order.cancel_reason; }
  get cancel_reason_label(): string | undefined {
    return this.#order.cancel_reason ? localizedLabel(CANCEL_REASON_LABELS, this.#order.cancel_reason, this.#view.locale) : undefined;
  }
  get financial_status(): string { return financialStatus(this.#order); }
  /** In the storefront's active language, as Shopify localizes it (labels.ts). */
  get financial_status_label(): string { return localizedLabel(FINANCIAL_STATUS_LABELS, financialStatus(this.#order), this.#view.locale); }
  get fulfillment_status(): string { return fulfillmentStatus(this.#order); }
  get fulfillment_status_label(): string { return localizedLabel(FULFILLMENT_STATUS_LABELS, fulfillmentStatus(this.#order), this.#view.locale); }

  get billing_address(): AddressDrop | undefined {
    return this.#order.billing_address ? memo(this, 'billing_address', () => new AddressDrop(this.#view, this.#order.billing_address!)) : undefined;
  }
  get shipping_address(): AddressDrop | undefined {
    return this.#order.shipping_address ? memo(this, 'shipping_address', () => new AddressDrop(this.#view, this.#order.shipping_address!)) : undefined;
  }

  get line_items(): LineItemDrop[] {
    return memo(this, 'line_items', () => this.#order.line_items.map((line) => this.#parts.lineItem(line)));
  }
  /** The lines the subtotal is made of: every line but tips, which the model does not have. */
  get subtotal_line_items(): LineItemDrop[] { return this.line_items; }
  get item_count(): number { return this.#order.line_items.reduce((total, line) => total + line.quantity, 0); }
  get discount_applications(): DiscountApplicationDrop[] { return this.#parts.applications; }
  get cart_level_discount_applications(): DiscountApplicationDrop[] {
    return memo(this, 'cart_level_discount_applications', () =>
      this.#parts.applications.filter((_, index) => isCartLevel(this.#order.discount_applications[index])),
    );
  }
  get shipping_methods(): ShippingMethodDrop[] {
    return memo(this, 'shipping_methods', () =>
      this.#order.shipping_lines.map((line) => new ShippingMethodDrop(line, this.#parts.allocations(line.discount_allocations))),
    );
  }
  get tax_lines(): TaxLineDrop[] { return memo(this, 'tax_lines', () => this.#order.tax_lines.map((line) => new TaxLineDrop(line))); }
  get transactions(): TransactionDrop[] {
    return memo(this, 'transactions', () => this.#order.transactions.map((transaction) => new TransactionDrop(transaction, this.#view.locale, this.#order.currency)));
  }

  /** After line-level discounts. */
  get line_items_subtotal_price(): number { return this.#amounts.lineItemsSubtotal; }
  /** After every item discount, before shipping and taxes. */
  get subtotal_price(): number { return this.#amounts.subtotal; }
  get total_discounts(): number { return this.#amounts.totalDiscounts; }
  /** After shipping discounts. */
  get shipping_price(): number { return this.#amounts.shipping; }
  /** Every tax line, even when the prices already included them (`taxes_included`) and the total did not add them. */
  get tax_price(): number { return this.#amounts.tax; }
  /** Σ of the import duties; nil when the order has none. */
  get total_duties(): number | undefined { return this.#order.duties?.length ? this.#amounts.duties : undefined; }
  get total_price(): number { return this.#order.total_price; }
  get total_refunded_amount(): number { return totalRefunded(this.#order); }
  /** total_price − total_refunded_amount. */
  get total_net_amount(): number { return this.#order.total_price - totalRefunded(this.#order); }
}
