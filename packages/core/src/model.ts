/**
 * Encore's domain model: a store, its catalog, its customers and their orders,
 * in Shopify's own words (Admin API / Liquid field names), so a store fixture
 * reads like an export of a real shop and every surface's adapter maps from
 * Shopify's shapes to these. Pure types: no platform imports.
 *
 * The fixture loader (tools/fixtures/src) validates JSON against its schema and
 * hands out exactly these types.
 *
 * Money is always an integer in the currency's subunit (cents for USD; for
 * currencies without decimals Shopify still multiplies by 100, so 1000 JPY is
 * 100000). Timestamps are ISO 8601 strings with an offset.
 *
 * Orders live inside their customer (`customers[i].orders`): the customer
 * pages only ever show a customer's own orders, and nesting makes the owner
 * impossible to get wrong.
 */

export interface Store {
  shop: Shop;
  products: Product[];
  collections: Collection[];
  /** The shop's navigation menus (Online Store > Navigation), which themes read through `linklists` and `link_list` settings. */
  menus?: Menu[];
  customers: Customer[];
}

export interface Shop {
  /** Optional numeric id; Shopify's Liquid exposes it as a string. */
  id?: number;
  name: string;
  email: string;
  /** Primary domain, e.g. "encore-demo.example". */
  domain: string;
  /** The `.myshopify.com` domain. */
  permanent_domain: string;
  description?: string;
  phone?: string;
  /** ISO 3166-1 alpha-2 code of the shop's country, e.g. "US". */
  country_code: string;
  /** ISO 4217 code of the shop's currency, e.g. "USD". */
  currency: string;
  /** Extra presentment currencies; the shop currency is always enabled. */
  enabled_currencies?: string[];
  /** e.g. "${{amount}}" */
  money_format: string;
  /** e.g. "${{amount}} USD" */
  money_with_currency_format: string;
  /** The primary locale, e.g. "en". */
  primary_locale: string;
  /** Every published locale, the primary one included. */
  published_locales: string[];
  /** IANA time zone, e.g. "America/New_York". */
  timezone: string;
  /** The fixture's clock: what "now" means when rendering it, so relative dates never drift. Real time when absent. */
  now?: string;
  weight_unit: WeightUnit;
  /** Payment type names shown as icons, e.g. ["visa", "master"]. */
  enabled_payment_types?: string[];
}

export type WeightUnit = 'g' | 'kg' | 'lb' | 'oz';

export interface Image {
  id: number;
  /** File name under the shop's CDN `files/` folder, e.g. "candle-amber.jpg". */
  file: string;
  width: number;
  height: number;
  alt: string | null;
}

export interface Product {
  id: number;
  handle: string;
  title: string;
  vendor: string;
  product_type: string;
  tags: string[];
  /** HTML description. */
  description: string;
  created_at: string;
  published_at: string | null;
  /** True for gift card products. */
  gift_card?: boolean;
  /** Option names, e.g. ["Scent", "Size"]; empty for a single default variant. */
  options: string[];
  images: Image[];
  variants: Variant[];
  /** Custom data, e.g. `encore.replenishable` (boolean) or `encore.replenish_days` (integer). */
  metafields?: Metafield[];
}

export interface Metafield {
  namespace: string;
  key: string;
  type: 'boolean' | 'number_integer' | 'number_decimal' | 'single_line_text_field' | 'multi_line_text_field';
  value: boolean | number | string;
}

export interface Variant {
  id: number;
  /** "Default Title" when the product has no options. */
  title: string;
  /** One value per product option, in the same order. */
  option_values: string[];
  sku: string | null;
  barcode?: string | null;
  price: number;
  compare_at_price: number | null;
  /** null when Shopify does not track inventory for the variant. */
  inventory_quantity: number | null;
  /** "continue" keeps selling when out of stock. */
  inventory_policy: 'deny' | 'continue';
  /**
   * Whether Shopify sells it now, where the surface reads Shopify's answer (the Storefront API's
   * `availableForSale`): the core takes it as given rather than working it out again. Absent where the data
   * carries the stock instead (the store fixture, a catalog read with its inventory).
   */
  available?: boolean;
  requires_shipping: boolean;
  taxable: boolean;
  /** Weight in grams (Shopify stores grams and converts on display). */
  weight: number;
  /** `file` of one of the product's images. */
  image?: string | null;
}

export interface Collection {
  id: number;
  handle: string;
  title: string;
  description: string;
  /** Product handles, in the collection's order. */
  products: string[];
  /** The collection's own image, optional. */
  image?: Image | null;
}

/** A navigation menu, e.g. the header's `main-menu` or the `footer`. */
export interface Menu {
  /** What themes look it up by: `linklists['main-menu']`, a `link_list` setting's saved value. */
  handle: string;
  title: string;
  links: MenuLink[];
}

/** Shopify's `link.type` values for the targets a fixture can hold (it has no pages, blogs, policies or metaobjects). */
export type MenuLinkType = 'frontpage_link' | 'catalog_link' | 'collections_link' | 'search_link' | 'collection_link' | 'product_link' | 'http_link';

/** A menu item: a title and a target, with child items (Shopify nests menus three levels deep). */
export interface MenuLink {
  title: string;
  type: MenuLinkType;
  /** Handle of the collection a `collection_link` opens. */
  collection?: string;
  /** Handle of the product a `product_link` opens. */
  product?: string;
  /** Where an `http_link` goes: a path on the shop ("/account") or a full URL. */
  url?: string;
  links?: MenuLink[];
}

export interface Address {
  first_name: string;
  last_name: string;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  province_code: string | null;
  /** ISO 3166-1 alpha-2, e.g. "US". The country name is derived from it. */
  country_code: string;
  zip: string;
  phone: string | null;
}

export interface CustomerAddress extends Address {
  id: number;
}

export interface Customer {
  /** Stable handle for the CLI: `npm run render -- --customer casey`. */
  handle: string;
  /** One line for `npm run render -- --list`. */
  description: string;
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  tags: string[];
  accepts_marketing: boolean;
  /** False for customers who only checked out as guests. */
  has_account: boolean;
  tax_exempt: boolean;
  addresses: CustomerAddress[];
  /** id of one of `addresses`; null when the customer has none. */
  default_address_id: number | null;
  orders: Order[];
}

export type CancelReason = 'customer' | 'declined' | 'fraud' | 'inventory' | 'staff' | 'other';

export interface Order {
  id: number;
  /** e.g. "#1001"; the CLI's order ID is the name without "#". */
  name: string;
  description: string;
  /** Last segment of the customer's order URL; the order ID (name without "#") when absent. */
  token?: string;
  confirmation_number?: string;
  created_at: string;
  processed_at: string;
  /** Presentment currency (ISO 4217). */
  currency: string;
  email: string;
  phone: string | null;
  tags: string[];
  note: string | null;
  /** Cart attributes collected at checkout. */
  attributes: Record<string, string>;
  billing_address: Address | null;
  shipping_address: Address | null;
  line_items: LineItem[];
  discount_applications: DiscountApplication[];
  shipping_lines: ShippingLine[];
  tax_lines: TaxLine[];
  /** Prices already include the taxes in `tax_lines` (usual for VAT): the taxes are shown but not added. */
  taxes_included?: boolean;
  /**
   * What the customer was charged: subtotal − discounts + shipping + taxes (unless included) + duties.
   * Stated, not derived, so `loadStore` can catch a fixture whose parts do not add up.
   */
  total_price: number;
  fulfillments: Fulfillment[];
  transactions: Transaction[];
  refunds: Refund[];
  cancelled_at: string | null;
  cancel_reason: CancelReason | null;
  /** Net terms / due-on-date orders: payment is expected later. */
  payment_terms: PaymentTerms | null;
  /** Import duties charged at checkout (added to the total). */
  duties?: Duty[];
  /** The merchant put fulfillment on hold (e.g. awaiting stock, address check). */
  fulfillment_hold?: FulfillmentHold | null;
  /** In-store pickup instead of shipping. */
  pickup?: Pickup | null;
  /** B2B orders: the company and location that bought. */
  company?: PurchasingCompany | null;
  /** B2B purchase order number. */
  po_number?: string | null;
}

export interface Duty {
  title: string;
  price: number;
  /** Where the goods were made, ISO 3166-1 alpha-2. */
  country_code_of_origin?: string | null;
}

export interface FulfillmentHold {
  reason: 'awaiting_payment' | 'high_risk_of_fraud' | 'incorrect_address' | 'inventory_out_of_stock' | 'other';
  held_at: string;
}

export interface Pickup {
  /** The location's name, e.g. "Brooklyn studio". */
  location_name: string;
  address: Address;
  /** When the merchant marked the order ready for pickup; null while it is being prepared. */
  ready_at: string | null;
  /** Shown to the customer, e.g. "Bring your order number". */
  instructions?: string | null;
}

export interface PurchasingCompany {
  name: string;
  location: string;
}

export interface LineItem {
  id: number;
  /** Handle of the product bought. */
  product: string;
  /** Id of one of that product's variants. */
  variant_id: number;
  quantity: number;
  /** Unit price at checkout, before discounts. */
  price: number;
  /** Line item properties (keys starting with "_" are private by convention). */
  properties: Record<string, string>;
  discount_allocations: DiscountAllocation[];
  /** False for digital goods and gift cards; the variant's setting when the fixture leaves it out. */
  requires_shipping: boolean;
  /** The subscription or pre-order plan the line was bought on, if any. */
  selling_plan?: SellingPlan | null;
}

export interface SellingPlan {
  id: number;
  /** As the customer saw it, e.g. "Delivery every 30 days, 10% off". */
  name: string;
}

export interface DiscountAllocation {
  /** Index into the order's `discount_applications`. */
  discount_application: number;
  amount: number;
}

export interface DiscountApplication {
  type: 'automatic' | 'discount_code' | 'manual' | 'script';
  title: string;
  /** The code the customer entered, for `discount_code` applications. */
  code?: string;
  /** Subunits for `fixed_amount`, percent for `percentage`. */
  value: number;
  value_type: 'fixed_amount' | 'percentage';
  target_type: 'line_item' | 'shipping_line';
  /** "all" on line items is an order-level (cart-level) discount. */
  target_selection: 'all' | 'entitled' | 'explicit';
}

export interface ShippingLine {
  title: string;
  /** Price before discounts. */
  price: number;
  discount_allocations: DiscountAllocation[];
}

export interface TaxLine {
  title: string;
  /** Fraction, e.g. 0.08875. */
  rate: number;
  price: number;
}

export interface Fulfillment {
  id: number;
  created_at: string;
  /** A cancelled fulfillment never shipped: its items are unfulfilled again. */
  status: 'success' | 'cancelled';
  /** When a cancelled fulfillment was cancelled. */
  cancelled_at?: string | null;
  /** Carrier-side progress (Admin API `shipment_status`): the latest of `events` when there are any. Not visible to Liquid. */
  shipment_status?: ShipmentStatus | null;
  /** How the items reach the customer; "shipping" when absent. "none": nothing to carry (digital goods). */
  delivery_method?: 'shipping' | 'local_delivery' | 'pickup' | 'none';
  tracking_company: string | null;
  tracking_numbers: string[];
  /** Same order as `tracking_numbers`. */
  tracking_urls: string[];
  line_items: QuantityOfLineItem[];
  /** The carrier's tracking events, oldest first. */
  events?: FulfillmentEvent[];
}

/** Admin API fulfillment event statuses, lower-cased. */
export type ShipmentStatus =
  | 'label_printed'
  | 'label_purchased'
  | 'confirmed'
  | 'in_transit'
  | 'out_for_delivery'
  | 'attempted_delivery'
  | 'delayed'
  | 'delivered'
  | 'failure'
  | 'ready_for_pickup'
  | 'picked_up';

export interface FulfillmentEvent {
  status: ShipmentStatus;
  happened_at: string;
  /** The carrier's words, e.g. "Departed facility". */
  message?: string | null;
  city?: string | null;
  country_code?: string | null;
}

export interface QuantityOfLineItem {
  /** id of one of the order's line items. */
  line_item: number;
  quantity: number;
}

export interface Transaction {
  id: number;
  kind: 'authorization' | 'capture' | 'sale' | 'refund' | 'void';
  status: 'success' | 'pending' | 'failure' | 'error';
  gateway: string;
  amount: number;
  created_at: string;
  /** Card used, when the gateway charged a card. */
  card: { brand: string; last_four: string } | null;
  /** Gift card redeemed, on a `gift_card` gateway payment: its code's last characters and what it had left after this payment. */
  gift_card?: { last_characters: string; balance: number } | null;
}

export interface Refund {
  id: number;
  created_at: string;
  note: string | null;
  /** Whether refunded items went back to stock. */
  restock: boolean;
  line_items: QuantityOfLineItem[];
  /** Money returned; must equal the order's successful refund transactions in total. */
  amount: number;
}

export interface PaymentTerms {
  /** e.g. "Net 30". */
  name: string;
  due_at: string;
}
