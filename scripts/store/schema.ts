/**
 * JSON Schema (draft-07, checked with ajv) of the store fixture. It is the
 * documentation of the format: every field carries a description. The
 * TypeScript view of the same shape is in types.ts; `loadStore` only hands out
 * a `Store` once the JSON has passed this schema and the referential checks
 * in references.ts.
 *
 * Every object is closed (`additionalProperties: false`) so a misspelt field
 * is reported instead of silently ignored.
 */

import { MAX_MENU_LEVELS, MENU_LINK_TYPES } from './menu-links.ts';

type Schema = Record<string, unknown>;

const money = (description: string): Schema => ({ type: 'integer', minimum: 0, description: `${description} Integer in the currency's subunit (1000 JPY is 100000).` });
const id = (description: string): Schema => ({ type: 'integer', minimum: 1, description });
const text = (description: string): Schema => ({ type: 'string', description });
const nonEmpty = (description: string): Schema => ({ type: 'string', minLength: 1, description });
const handle = (description: string): Schema => ({ type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description });
const nullableText = (description: string): Schema => ({ type: ['string', 'null'], description });
const timestamp = (description: string): Schema => ({
  type: 'string',
  // A full ISO 8601 date-time with an offset, so dates print the same on any machine.
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
  description: `${description} ISO 8601 with offset, e.g. "2026-03-01T14:05:00-05:00".`,
});
const currencyCode = (description: string): Schema => ({ type: 'string', pattern: '^[A-Z]{3}$', description });
const countryCode = (description: string): Schema => ({ type: 'string', pattern: '^[A-Z]{2}$', description });
const localeCode: Schema = { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'IETF language tag, e.g. "en" or "pt-BR".' };
const closed = (description: string, properties: Record<string, Schema>, optional: string[] = []): Schema => ({
  type: 'object',
  description,
  additionalProperties: false,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
  properties,
});
const list = (description: string, items: Schema, extra: Schema = {}): Schema => ({ type: 'array', description, items, ...extra });
const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });

const image = closed('An image on the shop CDN.', {
  id: id('Image id.'),
  file: { type: 'string', pattern: '^[A-Za-z0-9._-]+$', description: 'File name under the CDN `files/` folder; Liquid `image.src` is `//{domain}/cdn/shop/files/{file}`.' },
  width: { type: 'integer', minimum: 1, description: 'Pixels.' },
  height: { type: 'integer', minimum: 1, description: 'Pixels.' },
  alt: nullableText('Alt text.'),
});

const variant = closed('A purchasable variant of a product.', {
  id: id('Variant id, unique in the store.'),
  title: nonEmpty('"Default Title" when the product has no options, else the option values joined with " / ".'),
  option_values: list('One value per product option, in order.', { type: 'string' }, { maxItems: 3 }),
  sku: nullableText('Stock keeping unit.'),
  barcode: nullableText('Barcode (ISBN, UPC, GTIN...).'),
  price: money('Price.'),
  compare_at_price: { anyOf: [money('Compare-at price.'), { type: 'null' }], description: 'Compare-at ("was") price, or null.' },
  inventory_quantity: { type: ['integer', 'null'], description: 'Units in stock; null when inventory is not tracked.' },
  inventory_policy: { enum: ['deny', 'continue'], description: '"continue" keeps selling when out of stock.' },
  requires_shipping: { type: 'boolean', description: 'False for digital goods and gift cards.' },
  taxable: { type: 'boolean', description: 'Whether taxes are charged.' },
  weight: { type: 'number', minimum: 0, description: 'Weight in grams.' },
  image: nullableText('`file` of one of the product\'s images.'),
}, ['barcode', 'image']);

const product = closed('A product of the catalog.', {
  id: id('Product id, unique in the store.'),
  handle: handle('URL handle, unique in the store.'),
  title: nonEmpty('Title.'),
  vendor: text('Vendor.'),
  product_type: text('Product type.'),
  tags: list('Tags, e.g. "replenishable" for products customers run out of and buy again.', { type: 'string' }),
  description: text('HTML description.'),
  created_at: timestamp('When the product was created.'),
  published_at: { anyOf: [timestamp('When the product was published.'), { type: 'null' }] },
  gift_card: { type: 'boolean', description: 'True for gift card products.' },
  options: list('Option names, e.g. ["Scent", "Size"]; empty when the only variant is "Default Title".', { type: 'string', minLength: 1 }, { maxItems: 3 }),
  images: list('Images, the first is the featured image.', ref('image')),
  variants: list('Variants; at least one.', ref('variant'), { minItems: 1 }),
  metafields: list('Custom data, e.g. `encore.replenishable` (boolean) marks products customers buy again.', ref('metafield')),
}, ['gift_card', 'metafields']);

const metafield = closed('A metafield: namespace, key, type and value.', {
  namespace: { type: 'string', pattern: '^[a-z0-9_$-]+$', description: 'e.g. "encore".' },
  key: { type: 'string', pattern: '^[a-z0-9_-]+$', description: 'e.g. "replenishable".' },
  type: { enum: ['boolean', 'number_integer', 'number_decimal', 'single_line_text_field', 'multi_line_text_field'], description: 'Shopify metafield type.' },
  value: { type: ['boolean', 'number', 'string'], description: 'The value, as the type says.' },
});

const collection = closed('A manual collection.', {
  id: id('Collection id, unique in the store.'),
  handle: handle('URL handle, unique in the store.'),
  title: nonEmpty('Title.'),
  description: text('HTML description.'),
  products: list('Handles of the products in the collection, in order. A product\'s collections are derived from these lists.', { type: 'string' }),
  image: { anyOf: [ref('image'), { type: 'null' }], description: 'The collection\'s own image.' },
}, ['image']);

const menuLink = closed('A menu item: its title, what it points at and its child items.', {
  title: nonEmpty('What the menu shows, in the shop\'s language.'),
  type: {
    enum: Object.keys(MENU_LINK_TYPES),
    description: `Shopify's \`link.type\`: ${Object.entries(MENU_LINK_TYPES).map(([type, target]) => `"${type}" ${target.what}`).join('; ')}.`,
  },
  collection: handle('For a collection_link: the handle of one of the store\'s collections.'),
  product: handle('For a product_link: the handle of one of the store\'s products.'),
  url: {
    type: 'string',
    pattern: '^(/(?!/)|https?://|mailto:|tel:)',
    description: 'For an http_link: a path on the shop (e.g. "/account"; Liquid gives it the page\'s locale prefix) or a full URL, printed as written.',
  },
  links: list(`Child items. Shopify nests menus at most ${MAX_MENU_LEVELS} levels deep.`, ref('menu_link')),
}, ['collection', 'product', 'url', 'links']);

const menu = closed('A navigation menu, read by themes through `linklists` and `link_list` settings.', {
  handle: handle('What themes look it up by, e.g. "main-menu" or "footer"; unique in the store.'),
  title: nonEmpty('The menu\'s name, e.g. "Main menu".'),
  links: list('Its top-level items, in order.', ref('menu_link')),
});

const addressProperties: Record<string, Schema> = {
  first_name: text('First name.'),
  last_name: text('Last name.'),
  company: nullableText('Company.'),
  address1: text('Street address.'),
  address2: nullableText('Apartment, suite...'),
  city: text('City.'),
  province: nullableText('Province or state name.'),
  province_code: nullableText('Province or state code, e.g. "NY".'),
  country_code: countryCode('ISO 3166-1 alpha-2 country code; the country name is derived from it.'),
  zip: text('Postal code.'),
  phone: nullableText('Phone, E.164.'),
};
const address = closed('A postal address.', addressProperties);
const customerAddress = closed('An address in the customer\'s address book.', { id: id('Address id, unique in the store.'), ...addressProperties });

const discountAllocation = closed('The part of a discount application allocated to this line.', {
  discount_application: { type: 'integer', minimum: 0, description: 'Index into the order\'s `discount_applications`.' },
  amount: money('Amount taken off this line.'),
});

const discountApplication = closed('A discount applied to the order, and how it was targeted.', {
  type: { enum: ['automatic', 'discount_code', 'manual', 'script'], description: 'Where the discount came from.' },
  title: nonEmpty('Title shown to the customer (the code, for discount codes).'),
  code: text('The code entered, for `discount_code` applications.'),
  value: { type: 'number', minimum: 0, description: 'Subunits for `fixed_amount`, percent for `percentage`.' },
  value_type: { enum: ['fixed_amount', 'percentage'], description: 'How to read `value`.' },
  target_type: { enum: ['line_item', 'shipping_line'], description: 'What the discount applies to.' },
  target_selection: { enum: ['all', 'entitled', 'explicit'], description: '"all" on line items is an order-level (cart-level) discount.' },
}, ['code']);

const lineItem = closed('A line of the order.', {
  id: id('Line item id, unique in the order.'),
  product: { type: 'string', minLength: 1, description: 'Handle of the product bought.' },
  variant_id: id('Id of one of that product\'s variants.'),
  quantity: { type: 'integer', minimum: 1, description: 'Units bought.' },
  price: money('Unit price at checkout, before discounts.'),
  properties: { type: 'object', additionalProperties: { type: 'string' }, description: 'Line item properties; keys starting with "_" are private by convention.' },
  discount_allocations: list('Discounts on this line, line-level and order-level alike.', ref('discount_allocation')),
  requires_shipping: { type: 'boolean', description: 'False for digital goods and gift cards; the variant\'s setting when absent.' },
  selling_plan: {
    anyOf: [closed('A subscription or pre-order plan.', { id: id('Selling plan id.'), name: nonEmpty('As the customer saw it, e.g. "Delivery every 30 days".') }), { type: 'null' }],
    description: 'The selling plan the line was bought on, or null.',
  },
}, ['requires_shipping', 'selling_plan']);

const shippingLine = closed('A shipping method chosen at checkout.', {
  title: nonEmpty('Title, e.g. "Standard".'),
  price: money('Price before discounts.'),
  discount_allocations: list('Shipping discounts.', ref('discount_allocation')),
});

const taxLine = closed('A tax charged on the order.', {
  title: nonEmpty('Title, e.g. "NY State Tax".'),
  rate: { type: 'number', minimum: 0, maximum: 1, description: 'Fraction, e.g. 0.04.' },
  price: money('Amount.'),
});

const quantityOfLineItem = closed('A quantity of one line item.', {
  line_item: id('id of one of the order\'s line items.'),
  quantity: { type: 'integer', minimum: 1, description: 'Units.' },
});

const SHIPMENT_STATUSES = [
  'label_printed', 'label_purchased', 'confirmed', 'in_transit', 'out_for_delivery',
  'attempted_delivery', 'delayed', 'delivered', 'failure', 'ready_for_pickup', 'picked_up',
];

const fulfillmentEvent = closed('A tracking event reported by the carrier.', {
  status: { enum: SHIPMENT_STATUSES, description: 'Admin API fulfillment event status, lower-cased.' },
  happened_at: timestamp('When it happened.'),
  message: nullableText('The carrier\'s words, e.g. "Departed facility".'),
  city: nullableText('Where it happened.'),
  country_code: { anyOf: [countryCode('Country, ISO 3166-1 alpha-2.'), { type: 'null' }] },
}, ['message', 'city', 'country_code']);

const fulfillment = closed('A shipment (or a cancelled attempt at one).', {
  id: id('Fulfillment id.'),
  created_at: timestamp('When the fulfillment was created.'),
  status: { enum: ['success', 'cancelled'], description: '"cancelled": cancelled before it shipped, its items are unfulfilled again.' },
  cancelled_at: { anyOf: [timestamp('When the fulfillment was cancelled.'), { type: 'null' }] },
  shipment_status: { enum: [...SHIPMENT_STATUSES, null], description: 'Carrier progress (the latest event\'s status when there are events); not visible to Liquid.' },
  delivery_method: { enum: ['shipping', 'local_delivery', 'pickup', 'none'], description: 'How the items reach the customer; "none" for digital goods. "shipping" when absent.' },
  tracking_company: nullableText('Carrier, e.g. "UPS".'),
  tracking_numbers: list('Tracking numbers.', { type: 'string', minLength: 1 }),
  tracking_urls: list('Tracking URLs, same order as `tracking_numbers`.', { type: 'string', minLength: 1 }),
  line_items: list('Items and quantities in this fulfillment.', ref('quantity_of_line_item'), { minItems: 1 }),
  events: list('Tracking events, oldest first.', ref('fulfillment_event')),
}, ['cancelled_at', 'shipment_status', 'delivery_method', 'events']);

const transaction = closed('A payment gateway transaction.', {
  id: id('Transaction id.'),
  kind: { enum: ['authorization', 'capture', 'sale', 'refund', 'void'], description: '"sale" authorizes and captures at once.' },
  status: { enum: ['success', 'pending', 'failure', 'error'], description: 'Only successful transactions move money.' },
  gateway: nonEmpty('Gateway, e.g. "shopify_payments", "manual", "gift_card".'),
  amount: money('Amount.'),
  created_at: timestamp('When the transaction happened.'),
  card: {
    anyOf: [
      closed('The card charged.', { brand: nonEmpty('e.g. "Visa".'), last_four: { type: 'string', pattern: '^\\d{4}$', description: 'Last four digits.' } }),
      { type: 'null' },
    ],
    description: 'The card charged, or null.',
  },
  gift_card: {
    anyOf: [
      closed('The gift card redeemed.', {
        last_characters: { type: 'string', pattern: '^[A-Za-z0-9]{4}$', description: 'Last four characters of its code, e.g. "K7QM".' },
        balance: money('What it had left after this payment (0 when the payment used it up), as Shopify reports a gift card\'s balance.'),
      }),
      { type: 'null' },
    ],
    description: 'On a "gift_card" gateway payment: the gift card redeemed. Optional.',
  },
}, ['gift_card']);

const refund = closed('Money returned to the customer, with the items it covers.', {
  id: id('Refund id.'),
  created_at: timestamp('When the refund was issued.'),
  note: nullableText('Reason given.'),
  restock: { type: 'boolean', description: 'Whether the refunded items went back to stock.' },
  line_items: list('Items refunded. Units come out of the unfulfilled ones first (removed from the order), then out of shipped ones (returned); a refund never undoes a shipment.', ref('quantity_of_line_item')),
  amount: money('Money returned; the refunds must add up to the successful refund transactions.'),
});

const order = closed('An order placed by the customer it is listed under.', {
  id: id('Order id, unique in the store.'),
  name: { type: 'string', pattern: '^#\\S+$', description: 'e.g. "#1001"; the CLI\'s order ID is the name without "#".' },
  description: nonEmpty('One line for `npm run render -- --list`.'),
  token: { type: 'string', pattern: '^[a-z0-9]+$', description: 'Last segment of the customer\'s order URL (`/account/orders/{token}`); the name without "#" when absent.' },
  confirmation_number: text('Confirmation number shown after checkout.'),
  created_at: timestamp('When the order was placed.'),
  processed_at: timestamp('When the order was processed.'),
  currency: currencyCode('Presentment currency.'),
  email: text('Email used at checkout.'),
  phone: nullableText('Phone used at checkout.'),
  tags: list('Order tags.', { type: 'string' }),
  note: nullableText('Order note.'),
  attributes: { type: 'object', additionalProperties: { type: 'string' }, description: 'Cart attributes.' },
  billing_address: { anyOf: [ref('address'), { type: 'null' }] },
  shipping_address: { anyOf: [ref('address'), { type: 'null' }] },
  line_items: list('Lines bought.', ref('line_item'), { minItems: 1 }),
  discount_applications: list('Discounts applied; allocations refer to them by index.', ref('discount_application')),
  shipping_lines: list('Shipping methods.', ref('shipping_line')),
  tax_lines: list('Taxes: added on top of prices, or already in them when `taxes_included`.', ref('tax_line')),
  taxes_included: { type: 'boolean', description: 'Prices include the taxes (usual for VAT); the tax lines are then shown but not added to the total.' },
  total_price: money('What the customer was charged: line items − discounts + shipping + taxes (unless included) + duties (checked).'),
  fulfillments: list('Fulfillments, in the order they were created.', ref('fulfillment')),
  transactions: list('Gateway transactions; the financial status is derived from them.', ref('transaction')),
  refunds: list('Refunds.', ref('refund')),
  cancelled_at: { anyOf: [timestamp('When the order was cancelled.'), { type: 'null' }] },
  cancel_reason: { enum: ['customer', 'declined', 'fraud', 'inventory', 'staff', 'other', null], description: 'Set exactly when `cancelled_at` is.' },
  payment_terms: {
    anyOf: [closed('Payment is expected later.', { name: nonEmpty('e.g. "Net 30".'), due_at: timestamp('When payment is due; overdue once past and unpaid.') }), { type: 'null' }],
  },
  duties: list('Import duties charged at checkout (added to the total).', closed('An import duty.', {
    title: nonEmpty('e.g. "Import duty".'),
    price: money('Amount.'),
    country_code_of_origin: { anyOf: [countryCode('Where the goods were made.'), { type: 'null' }] },
  }, ['country_code_of_origin'])),
  fulfillment_hold: {
    anyOf: [closed('Fulfillment is on hold.', {
      reason: { enum: ['awaiting_payment', 'high_risk_of_fraud', 'incorrect_address', 'inventory_out_of_stock', 'other'], description: 'Why.' },
      held_at: timestamp('Since when.'),
    }), { type: 'null' }],
  },
  pickup: {
    anyOf: [closed('In-store pickup instead of shipping.', {
      location_name: nonEmpty('e.g. "Brooklyn studio".'),
      address: ref('address'),
      ready_at: { anyOf: [timestamp('When the order was marked ready for pickup.'), { type: 'null' }], description: 'null while it is being prepared.' },
      instructions: nullableText('Shown to the customer.'),
    }, ['instructions']), { type: 'null' }],
  },
  company: {
    anyOf: [closed('The B2B company that bought.', { name: nonEmpty('Company name.'), location: nonEmpty('Company location name.') }), { type: 'null' }],
  },
  po_number: nullableText('B2B purchase order number.'),
}, ['token', 'confirmation_number', 'taxes_included', 'duties', 'fulfillment_hold', 'pickup', 'company', 'po_number']);

const customer = closed('A customer and the orders they placed.', {
  handle: handle('Name for the CLI: `npm run render -- --customer HANDLE`.'),
  description: nonEmpty('One line for `npm run render -- --list`.'),
  id: id('Customer id, unique in the store.'),
  first_name: text('First name.'),
  last_name: text('Last name.'),
  email: text('Email.'),
  phone: nullableText('Phone, E.164.'),
  tags: list('Customer tags.', { type: 'string' }),
  accepts_marketing: { type: 'boolean', description: 'Subscribed to email marketing.' },
  has_account: { type: 'boolean', description: 'False for guest-only customers.' },
  tax_exempt: { type: 'boolean', description: 'Exempt from taxes.' },
  addresses: list('Address book.', ref('customer_address')),
  default_address_id: { type: ['integer', 'null'], description: 'id of the default address among `addresses`.' },
  orders: list('Orders placed by this customer.', ref('order')),
});

const shop = closed('The shop itself.', {
  id: id('Shop id.'),
  name: nonEmpty('Shop name.'),
  email: text('Sender email.'),
  domain: nonEmpty('Primary domain, e.g. "encore-demo.example".'),
  permanent_domain: { type: 'string', pattern: '\\.myshopify\\.com$', description: 'The .myshopify.com domain.' },
  description: text('Shop description.'),
  phone: text('Phone.'),
  country_code: countryCode('Country the shop is based in.'),
  currency: currencyCode('Shop currency; money in the fixture is in its subunit.'),
  enabled_currencies: list('Extra presentment currencies.', currencyCode('ISO 4217.')),
  money_format: { type: 'string', pattern: '\\{\\{\\s*amount[a-z_]*\\s*\\}\\}', description: 'e.g. "${{amount}}".' },
  money_with_currency_format: { type: 'string', pattern: '\\{\\{\\s*amount[a-z_]*\\s*\\}\\}', description: 'e.g. "${{amount}} USD".' },
  primary_locale: localeCode,
  published_locales: list('Published locales, the primary one included.', localeCode, { minItems: 1 }),
  timezone: nonEmpty('IANA time zone, e.g. "America/New_York".'),
  now: timestamp('The fixture\'s clock: what "now" means when rendering it (date filters, "placed 2 days ago"); real time when absent.'),
  weight_unit: { enum: ['g', 'kg', 'lb', 'oz'], description: 'Default weight unit.' },
  enabled_payment_types: list('Payment type names, e.g. "visa".', { type: 'string' }),
}, ['id', 'description', 'phone', 'now', 'enabled_currencies', 'enabled_payment_types']);

export const storeSchema: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Encore store fixture',
  description: 'One store, presented to Liquid the way Shopify presents it. Money is in subunit integers.',
  type: 'object',
  additionalProperties: false,
  required: ['shop', 'products', 'collections', 'customers'],
  properties: {
    $schema: { type: 'string', description: 'Editor hint; ignored.' },
    shop: ref('shop'),
    products: list('The catalog.', ref('product')),
    collections: list('Collections.', ref('collection')),
    menus: list('Navigation menus (optional): the header\'s "main-menu", the "footer"...', ref('menu')),
    customers: list('Customers, each with their orders.', ref('customer')),
  },
  $defs: {
    shop, image, product, variant, collection, address, customer_address: customerAddress, customer, order, line_item: lineItem,
    discount_allocation: discountAllocation, discount_application: discountApplication, shipping_line: shippingLine,
    tax_line: taxLine, quantity_of_line_item: quantityOfLineItem, fulfillment, fulfillment_event: fulfillmentEvent, transaction, refund,
    metafield, menu, menu_link: menuLink,
  },
};
