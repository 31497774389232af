/**
 * The attributes of Shopify's Liquid reference (objects.json) that Encore's
 * drops leave out on purpose, each with the reason, and the deprecated ones
 * kept for older themes. test/store/drops-reference.test.ts holds the drops
 * to this: every documented, non-deprecated attribute of the objects below
 * is either a getter of the drop or listed here, never both.
 *
 * A left-out attribute reads as nil in a template, which is also what
 * Shopify gives for most of them on a store that does not use the feature.
 */

const CART_ONLY = 'cart lines only: order lines have no such thing';
const ORDER_LINES = 'Shopify leaves it out on order line items (reference: line_item.selling_plan_allocation)';
const NO_MARKETS = 'the model has no markets';
const NO_UNIT_PRICES = 'the model gives variants no unit price measurements';
const CATALOG_PLANS = 'the model records selling plans on order lines only, not on the catalog';
const NOTHING_SELECTED = 'nil on customer pages: nothing is selected without a ?variant= or ?selling_plan= parameter';
const NO_SUFFIX = 'the model assigns no alternate templates, so it would always be nil';
const GIFT_CARD_REDEEMED = 'a payment records only the last characters and balance of the gift card it redeemed (as the Customer Account API does), not the card itself';

export const NOT_AVAILABLE_OFFLINE: Record<string, Record<string, string>> = {
  shop: {
    password_message: 'the model has no password page',
    address: 'the model gives the shop a country, not an address',
    customer_accounts_optional: 'a checkout setting the model does not record',
    refund_policy: 'the model has no store policies',
    shipping_policy: 'the model has no store policies',
    privacy_policy: 'the model has no store policies',
    terms_of_service: 'the model has no store policies',
    subscription_policy: 'the model has no store policies',
    policies: 'the model has no store policies',
    brand: 'the model has no brand assets',
  },
  customer: {
    payment_methods: 'saved payment methods live with the payment provider; the model has none',
    company_available_locations: 'the model records only the company name on B2B orders, not company locations',
    company_available_locations_count: 'the model records only the company name on B2B orders, not company locations',
    current_location: 'the model records only the company name on B2B orders, not company locations',
    current_company: 'the model records only the company name on B2B orders, not the company contact',
    'has_avatar?': 'the model has no customer avatars',
    store_credit_account: 'the model has no store credit',
  },
  order: {},
  line_item: {
    tax_lines: 'the model records taxes per order, not per line',
    unit_price_measurement: NO_UNIT_PRICES,
    unit_price: NO_UNIT_PRICES,
    message: "Shopify's wording when several discounts hit a line is not documented",
    url_to_remove: CART_ONLY,
    item_components: CART_ONLY,
    instructions: CART_ONLY,
    parent_relationship: CART_ONLY,
    error_message: CART_ONLY,
  },
  fulfillment: {},
  transaction: {
    name: 'the model does not record transaction names',
    receipt: "the model does not record the gateway's receipt",
    'show_buyer_pending_payment_instructions?': 'the model does not record payment instructions',
    buyer_pending_payment_notice: 'the model does not record payment instructions',
    buyer_pending_payment_instructions: 'the model does not record payment instructions',
  },
  transaction_payment_details: {},
  cart: {
    note: 'the empty cart of a fresh visit has no note, so it is nil, as on Shopify',
    taxes_included: 'the model records whether prices include tax per order, not as a shop setting',
    duties_included: 'the model records duties per order, not as a shop setting',
  },
  gift_card: {
    code: "a customer page never shows a gift card's code; Shopify's payment details give its last characters",
    customer: GIFT_CARD_REDEEMED,
    recipient: GIFT_CARD_REDEEMED,
    message: GIFT_CARD_REDEEMED,
    send_on: GIFT_CARD_REDEEMED,
    enabled: GIFT_CARD_REDEEMED,
    expired: GIFT_CARD_REDEEMED,
    expires_on: GIFT_CARD_REDEEMED,
    initial_value: GIFT_CARD_REDEEMED,
    url: GIFT_CARD_REDEEMED,
    template_suffix: NO_SUFFIX,
    properties: GIFT_CARD_REDEEMED,
    qr_identifier: GIFT_CARD_REDEEMED,
    pass_url: GIFT_CARD_REDEEMED,
    product: GIFT_CARD_REDEEMED,
    variant: GIFT_CARD_REDEEMED,
  },
  address: {},
  discount_application: {},
  discount_allocation: {},
  shipping_method: {
    tax_lines: 'the model records taxes per order, not per shipping line',
  },
  tax_line: {},
  product: {
    selling_plan_groups: CATALOG_PLANS,
    requires_selling_plan: CATALOG_PLANS,
    selected_selling_plan: NOTHING_SELECTED,
    selected_selling_plan_allocation: NOTHING_SELECTED,
    selected_or_first_available_selling_plan_allocation: CATALOG_PLANS,
    selected_variant: NOTHING_SELECTED,
    category: 'the model has no taxonomy categories',
    template_suffix: NO_SUFFIX,
    'quantity_price_breaks_configured?': 'the model has no B2B quantity price breaks',
  },
  variant: {
    quantity_rule: 'the model has no B2B quantity rules',
    quantity_price_breaks: 'the model has no B2B quantity price breaks',
    'quantity_price_breaks_configured?': 'the model has no B2B quantity price breaks',
    selected_selling_plan_allocation: NOTHING_SELECTED,
    selling_plan_allocations: CATALOG_PLANS,
    requires_selling_plan: CATALOG_PLANS,
    unit_price_measurement: NO_UNIT_PRICES,
    unit_price: NO_UNIT_PRICES,
    incoming: 'the model has no incoming inventory (transfers, purchase orders)',
    next_incoming_date: 'the model has no incoming inventory (transfers, purchase orders)',
    store_availabilities: 'the model has no locations stocking variants',
  },
  collection: {
    template_suffix: NO_SUFFIX,
    current_vendor: 'set only on vendor collection pages (/collections/vendors?q=…)',
    current_type: 'set only on product type collection pages (/collections/types?q=…)',
    published_at: 'the model does not record when collections were published',
    sort_options: 'the sorting menu of collection pages; customer pages list no collection',
    sort_by: 'nil without a ?sort_by= parameter, which customer pages never carry',
    next_product: 'set only on a product page reached through a collection',
    previous_product: 'set only on a product page reached through a collection',
    filters: 'storefront filters need the Search & Discovery app; the model has none',
  },
  image: {
    presentation: 'the model records no focal points',
  },
  routes: {
    account_profile_url: 'new customer accounts live on shopify.com; the model cannot know the URL',
    storefront_login_url: 'new customer accounts live on shopify.com; the model cannot know the URL',
  },
  localization: {
    market: NO_MARKETS,
  },
  request: {},
  country: {
    market: NO_MARKETS,
    'popular?': 'a market setting, and the model has no markets',
    continent: "the model stores country codes only and Node's ICU data has no continents",
  },
  currency: {},
  shop_locale: {},
  selling_plan_allocation: {
    compare_at_price: ORDER_LINES,
    price_adjustments: ORDER_LINES,
    selling_plan_group_id: ORDER_LINES,
    unit_price: NO_UNIT_PRICES,
    per_delivery_price: 'the model does not record how many deliveries a plan has',
    checkout_charge_amount: 'the model does not record deferred (pre-order, try-before-you-buy) charges',
    remaining_balance_charge_amount: 'the model does not record deferred (pre-order, try-before-you-buy) charges',
  },
  selling_plan: {
    group_id: ORDER_LINES,
    options: ORDER_LINES,
    price_adjustments: ORDER_LINES,
    description: 'the model records only the plan name',
    recurring_deliveries: 'the model records only the plan name',
    checkout_charge: 'the model does not record deferred (pre-order, try-before-you-buy) charges',
  },
  metafield: {},
  product_option: {},
  product_option_value: {
    id: 'the model gives option values no ids',
    swatch: 'the model has no colour or image swatches',
    product_url: 'set only for combined listings, which the model does not have',
  },
  option_with_value: {},
};

/** Deprecated attributes the drops still answer, and why. */
export const DEPRECATED_KEPT: Record<string, Record<string, string>> = {
  shop: { locale: 'older themes read shop.locale for the language switcher' },
  line_item: {
    price: 'older order templates (Debut and before) print line_item.price',
    line_price: 'older order templates (Debut and before) print line_item.line_price',
    total_discount: 'older order templates (Debut and before) read it to show discounts',
  },
  shipping_method: { price: 'older order templates (Debut and before) print shipping_method.price' },
  variant: {
    option1: 'older themes build variant pickers from option1–3',
    option2: 'older themes build variant pickers from option1–3',
    option3: 'older themes build variant pickers from option1–3',
  },
};
