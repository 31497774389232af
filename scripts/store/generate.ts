/**
 * Seeded store generator: a whole shop (catalog, collections, customers and
 * their orders) of any size, for load tests, benchmarks and property tests
 * that need more than the hand-written fixtures. The same options always give
 * the same store, byte for byte, on every machine: the only randomness is a
 * small seeded PRNG, and dates count back from a fixed shop clock.
 *
 * Every order follows the rules `loadStore` checks (totals add up, refunds
 * match refund transactions, fulfillments never exceed what was bought), so
 * the result passes `parseStore`.
 */
import { splitProportionally } from '../../extensions/core/src/money.ts';
import type { Collection, Customer, Fulfillment, FulfillmentEvent, LineItem, Menu, Metafield, Order, Product, Store, Variant } from './types.ts';

export interface GenerateOptions {
  /** Any integer; the same seed gives the same store. */
  seed: number;
  customers: number;
  ordersPerCustomer: number;
  linesPerOrder: number;
  /** Number of products. */
  catalogSize: number;
  /** Number of collections; one per product type (up to 8) when absent. */
  collections?: number;
}

/** mulberry32: a tiny 32-bit PRNG with good enough spread for fixtures. Returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

const NOW = '2026-03-19T12:00:00-04:00';
const NOW_MS = Date.parse(NOW);
const DAY = 86_400_000;
const HOUR = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Product types, their vendors, option, and how many days a replenishable one lasts (null: bought once). */
const TYPES = [
  { type: 'Candle', vendor: 'Ember Works', nouns: ['Candle', 'Votive', 'Pillar'], option: ['Size', ['8 oz', '16 oz']], replenishDays: 45 },
  { type: 'Coffee', vendor: 'Morning Roast', nouns: ['Blend', 'Roast', 'Single Origin'], option: ['Grind', ['Whole bean', 'Ground']], replenishDays: 21 },
  { type: 'Tea', vendor: 'Leaf & Kettle', nouns: ['Green Tea', 'Black Tea', 'Herbal Tea'], option: null, replenishDays: 30 },
  { type: 'Soap', vendor: 'Suds Co.', nouns: ['Bar Soap', 'Hand Wash', 'Body Wash'], option: null, replenishDays: 40 },
  { type: 'Apparel', vendor: 'Thread Theory', nouns: ['Tee', 'Hoodie', 'Beanie'], option: ['Size', ['S', 'M', 'L']], replenishDays: null },
  { type: 'Kitchen', vendor: 'Hearth Goods', nouns: ['Mug', 'Bowl', 'Board'], option: ['Color', ['Sand', 'Slate']], replenishDays: null },
  { type: 'Stationery', vendor: 'Paper Trail', nouns: ['Notebook', 'Pen Set', 'Planner'], option: null, replenishDays: null },
  { type: 'Home', vendor: 'Nest & Co.', nouns: ['Throw', 'Vase', 'Basket'], option: null, replenishDays: null },
] as const;
const ADJECTIVES = ['Amber', 'Cedar', 'Fig', 'Linen', 'Juniper', 'Saffron', 'Harbor', 'Meadow', 'Ember', 'Sage', 'Coastal', 'Midnight', 'Citrus', 'Alpine', 'Golden', 'Rustic'];
const EXTRA_TAGS = ['new', 'bestseller', 'sale', 'gift', 'eco', 'limited'];
const FIRST_NAMES = ['Avery', 'Blake', 'Casey', 'Dana', 'Eli', 'Frankie', 'Gray', 'Harper', 'Indy', 'Jordan', 'Kai', 'Logan', 'Morgan', 'Noa', 'Parker', 'Quinn', 'Reese', 'Sam', 'Taylor', 'Wren'];
const LAST_NAMES = ['Abbott', 'Brooks', 'Castillo', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jensen', 'Kim', 'Lopez', 'Murphy', 'Nguyen', 'Okafor', 'Patel', 'Rossi', 'Singh', 'Turner', 'Walsh'];
const STREETS = ['Elm Street', 'Maple Ave', 'Oak Lane', 'Bedford Ave', 'Main St', 'Harbor Way', 'Pine Road', 'Lake Drive'];
/** City, state, state code, zip and the sales tax rate charged there. */
const CITIES = [
  ['Brooklyn', 'New York', 'NY', '11211', 0.08875],
  ['Portland', 'Maine', 'ME', '04101', 0.055],
  ['Austin', 'Texas', 'TX', '78701', 0.0825],
  ['Denver', 'Colorado', 'CO', '80202', 0.0881],
  ['Seattle', 'Washington', 'WA', '98101', 0.1035],
  ['Chicago', 'Illinois', 'IL', '60622', 0.1025],
  ['Boston', 'Massachusetts', 'MA', '02110', 0.0625],
  ['Portland', 'Oregon', 'OR', '97205', 0],
] as const;
const CARRIERS = [
  { company: 'UPS', url: (n: string) => `https://www.ups.com/track?tracknum=${n}`, number: (id: number) => `1Z999AA1${String(id).padStart(10, '0')}` },
  { company: 'USPS', url: (n: string) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`, number: (id: number) => `9400111899223${String(id).padStart(9, '0')}` },
  { company: 'FedEx', url: (n: string) => `https://www.fedex.com/fedextrack/?trknbr=${n}`, number: (id: number) => `77${String(id).padStart(10, '0')}` },
];
const CARDS = [{ brand: 'Visa', last_four: '4242' }, { brand: 'Mastercard', last_four: '5454' }, { brand: 'American Express', last_four: '0005' }];

const FREE_SHIPPING_FROM = 7500;
const SHIPPING = 695;
const GIFT_CARD_VALUES = [2500, 5000, 10000];

type Situation = 'delivered' | 'in_transit' | 'partial' | 'paid' | 'pending' | 'authorized' | 'partially_refunded' | 'cancelled';
/** Cumulative weights: most orders of an established shop are delivered. */
const SITUATIONS: [Situation, number][] = [
  ['delivered', 0.45], ['in_transit', 0.55], ['partial', 0.65], ['paid', 0.77], ['pending', 0.82], ['authorized', 0.87], ['partially_refunded', 0.95], ['cancelled', 1],
];
const DESCRIPTIONS: Record<Situation, string> = {
  delivered: 'Paid and delivered',
  in_transit: 'Paid, shipped and in transit',
  partial: 'Paid, partly shipped, the rest still to ship',
  paid: 'Paid, waiting to ship',
  pending: 'Payment pending (manual payment)',
  authorized: 'Payment authorized, not captured yet',
  partially_refunded: 'Delivered, then one item refunded',
  cancelled: 'Cancelled and refunded in full, restocked',
};

function checkOptions(options: GenerateOptions): void {
  const counts: [keyof GenerateOptions, number | undefined][] = [
    ['customers', options.customers], ['ordersPerCustomer', options.ordersPerCustomer], ['linesPerOrder', options.linesPerOrder],
    ['catalogSize', options.catalogSize], ['collections', options.collections],
  ];
  if (!Number.isInteger(options.seed)) throw new RangeError(`generateStore: seed must be an integer, got ${options.seed}`);
  for (const [name, value] of counts) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw new RangeError(`generateStore: ${name} must be a whole number >= 0, got ${value}`);
  }
  const ordered = options.customers > 0 && options.ordersPerCustomer > 0;
  if (ordered && options.catalogSize < 1) throw new RangeError('generateStore: catalogSize must be at least 1 when there are orders to fill');
  if (ordered && options.linesPerOrder < 1) throw new RangeError('generateStore: linesPerOrder must be at least 1 when there are orders');
}

export function generateStore(options: GenerateOptions): Store {
  checkOptions(options);
  const dice = new Dice(options.seed);
  const products = generateCatalog(dice, options.catalogSize);
  const collections = generateCollections(products, options.collections ?? Math.min(TYPES.length, products.length));
  const customers: Customer[] = [];
  let orderNumber = 1001;
  for (let c = 0; c < options.customers; c++) {
    const customer = generateCustomer(dice, c);
    for (let o = 0; o < options.ordersPerCustomer; o++) {
      customer.orders.push(generateOrder(dice, customer, products, options.linesPerOrder, orderNumber++));
    }
    customer.description = `Generated customer with ${customer.orders.length} order${customer.orders.length === 1 ? '' : 's'}`;
    customers.push(customer);
  }
  return {
    shop: {
      id: 70000000 + (options.seed >>> 0) % 1_000_000,
      name: `Generated Goods ${options.seed}`,
      email: 'hello@generated-goods.example',
      domain: 'generated-goods.example',
      permanent_domain: 'generated-goods.myshopify.com',
      description: `Generated with seed ${options.seed}.`,
      country_code: 'US',
      currency: 'USD',
      money_format: '${{amount}}',
      money_with_currency_format: '${{amount}} USD',
      primary_locale: 'en',
      published_locales: ['en'],
      timezone: 'America/New_York',
      now: NOW,
      weight_unit: 'lb',
      enabled_payment_types: ['visa', 'master', 'american_express'],
    },
    products,
    collections,
    menus: generateMenus(collections, products),
    customers,
  };
}

/** The header's and footer's menus, as a shop has them: the catalog opens onto each collection and its first product. */
function generateMenus(collections: Collection[], products: Product[]): Menu[] {
  const titles = new Map(products.map((product) => [product.handle, product.title]));
  const shop = collections.map((collection) => ({
    title: collection.title, type: 'collection_link' as const, collection: collection.handle,
    links: collection.products.slice(0, 1).map((handle) => ({ title: titles.get(handle)!, type: 'product_link' as const, product: handle })),
  }));
  return [
    {
      handle: 'main-menu', title: 'Main menu', links: [
        { title: 'Home', type: 'frontpage_link' }, { title: 'Shop', type: 'catalog_link', links: shop },
        { title: 'Search', type: 'search_link' }, { title: 'Account', type: 'http_link', url: '/account' },
      ],
    },
    {
      handle: 'footer', title: 'Footer menu', links: [
        { title: 'Search', type: 'search_link' }, { title: 'All collections', type: 'collections_link' },
        { title: 'Your account', type: 'http_link', url: '/account' },
      ],
    },
  ];
}

// ---------- catalog ----------

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function generateCatalog(dice: Dice, size: number): Product[] {
  const products: Product[] = [];
  for (let p = 0; p < size; p++) {
    // The first product is the gift card, as soon as there is room for a real product beside it.
    products.push(p === 0 && size > 1 ? giftCard() : generateProduct(dice, p));
  }
  return products;
}

function giftCard(): Product {
  const id = 1;
  return {
    id, handle: 'gift-card', title: 'Gift Card', vendor: 'Generated Goods', product_type: 'Gift card', tags: ['gift'],
    description: '<p>Sent by email, never expires.</p>', created_at: '2024-01-02T10:00:00Z', published_at: '2024-01-02T10:00:00Z', gift_card: true,
    options: ['Amount'],
    images: [{ id, file: 'gift-card.png', width: 1200, height: 800, alt: 'Gift card' }],
    variants: GIFT_CARD_VALUES.map((value, v) => ({
      id: id * 10 + v, title: `$${value / 100}`, option_values: [`$${value / 100}`], sku: null, price: value, compare_at_price: null,
      inventory_quantity: null, inventory_policy: 'deny', requires_shipping: false, taxable: false, weight: 0,
    })),
  };
}

function generateProduct(dice: Dice, p: number): Product {
  const id = p + 1;
  const kind = TYPES[p % TYPES.length];
  const title = `${dice.pick(ADJECTIVES)} ${dice.pick(kind.nouns)}`;
  const handle = `${slug(title)}-${id}`;
  const basePrice = dice.int(5, 150) * 100 - 5;
  const onSale = dice.chance(0.12);
  const tags = [slug(kind.type)];
  const extra = dice.pick(EXTRA_TAGS);
  if (extra !== 'sale' || onSale) tags.push(extra);
  if (onSale && !tags.includes('sale')) tags.push('sale');
  let metafields: Metafield[] | undefined;
  if (kind.replenishDays !== null) {
    tags.push('replenishable');
    metafields = [
      { namespace: 'encore', key: 'replenishable', type: 'boolean', value: true },
      { namespace: 'encore', key: 'replenish_days', type: 'number_integer', value: kind.replenishDays },
    ];
  }
  const file = `${handle}.jpg`;
  const values: readonly string[] = kind.option ? kind.option[1] : ['Default Title'];
  const variants: Variant[] = values.map((value, v) => {
    const price = basePrice + v * 1000;
    // About one variant in ten is sold out; a few are not tracked at all.
    const stock = dice.chance(0.1) ? 0 : dice.chance(0.05) ? null : dice.int(1, 120);
    return {
      id: id * 10 + v, title: value, option_values: kind.option ? [value] : [], sku: `${kind.type.slice(0, 3).toUpperCase()}-${id}-${v + 1}`, price,
      compare_at_price: onSale ? price + dice.int(2, 20) * 100 : null, inventory_quantity: stock, inventory_policy: 'deny',
      requires_shipping: true, taxable: true, weight: dice.int(50, 1500), image: file,
    };
  });
  const created = Date.UTC(2024, 0, 1) + dice.int(0, 700) * DAY;
  return {
    id, handle, title, vendor: kind.vendor, product_type: kind.type, tags,
    description: `<p>${title} by ${kind.vendor}.</p>`, created_at: iso(created), published_at: dice.chance(0.03) ? null : iso(created + DAY),
    options: kind.option ? [kind.option[0]] : [],
    images: [{ id, file, width: 1600, height: 1600, alt: title }],
    variants,
    ...(metafields ? { metafields } : {}),
  };
}

function generateCollections(products: Product[], count: number) {
  const byType = new Map<string, string[]>();
  for (const product of products) {
    if (product.gift_card) continue;
    const list = byType.get(product.product_type) ?? [];
    list.push(product.handle);
    byType.set(product.product_type, list);
  }
  // In the catalog's own type order, whichever product happens to come first.
  const types = TYPES.map((kind) => kind.type as string).filter((type) => byType.has(type));
  const collections = [];
  for (let k = 0; k < count; k++) {
    if (k < types.length) {
      const type = types[k];
      collections.push({ id: k + 1, handle: slug(type), title: type, description: `<p>Every ${type.toLowerCase()} in the shop.</p>`, products: byType.get(type)! });
    } else {
      // Beyond one collection per type: curated picks, every n-th product so each differs.
      const step = k - types.length + 2;
      collections.push({
        id: k + 1, handle: `picks-${k + 1}`, title: `Staff picks ${k - types.length + 1}`, description: '<p>Chosen by the team.</p>',
        products: products.filter((_, i) => i % step === 0).map((product) => product.handle),
      });
    }
  }
  return collections;
}

// ---------- customers and orders ----------

function generateCustomer(dice: Dice, c: number): Customer {
  const id = c + 1;
  const first_name = dice.pick(FIRST_NAMES);
  const last_name = dice.pick(LAST_NAMES);
  const [city, province, province_code, zip] = dice.pick(CITIES);
  const address = {
    id, first_name, last_name, company: dice.chance(0.1) ? `${last_name} Studio` : null, address1: `${dice.int(1, 999)} ${dice.pick(STREETS)}`,
    address2: dice.chance(0.3) ? `Apt ${dice.int(1, 30)}` : null, city, province, province_code, country_code: 'US', zip, phone: null,
  };
  return {
    handle: `customer-${id}`, description: 'Generated customer', id, first_name, last_name,
    email: `${slug(first_name)}.${slug(last_name)}.${id}@example.com`, phone: null, tags: dice.chance(0.3) ? ['newsletter'] : [],
    accepts_marketing: dice.chance(0.4), has_account: true, tax_exempt: false, addresses: [address], default_address_id: id, orders: [],
  };
}

function situation(dice: Dice): Situation {
  const roll = dice.next();
  return SITUATIONS.find(([, upTo]) => roll < upTo)![0];
}

function generateOrder(dice: Dice, customer: Customer, products: Product[], lineCount: number, number: number): Order {
  const id = number;
  const line_items = pickLines(dice, products, lineCount, id);
  const physical = line_items.filter((line) => line.requires_shipping);
  const digital = line_items.filter((line) => !line.requires_shipping);
  let state = situation(dice);
  // A single parcel of one unit cannot be split: it ships whole.
  if (state === 'partial' && physical.length < 2 && (physical[0]?.quantity ?? 0) < 2) state = 'in_transit';
  // Recent orders are the ones still waiting; older ones have had time to ship, arrive and be refunded.
  const placed = NOW_MS - (state === 'paid' || state === 'pending' || state === 'authorized' ? dice.int(1, 4) : dice.int(14, 700)) * DAY - dice.int(0, 23) * HOUR;
  const { id: _addressId, ...address } = customer.addresses[0];
  const taxRate = CITIES.find(([city, , code]) => city === address.city && code === address.province_code)![4];

  const itemsTotal = line_items.reduce((total, line) => total + line.price * line.quantity, 0);
  const discounted = dice.chance(0.2);
  const discount = discounted ? Math.round(itemsTotal * 0.1) : 0;
  if (discounted) {
    // The order-level code is spread over the lines in proportion to their totals.
    const shares = splitProportionally(discount, line_items.map((line) => line.price * line.quantity));
    line_items.forEach((line, i) => line.discount_allocations.push({ discount_application: 0, amount: shares[i] }));
  }
  const subtotal = itemsTotal - discount;
  const ships = line_items.some((line) => line.requires_shipping);
  const shipping = !ships ? null : subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING;
  const taxable = line_items
    .filter((line) => !products[productIndex(line)].gift_card)
    .reduce((total, line) => total + line.price * line.quantity - line.discount_allocations.reduce((t, a) => t + a.amount, 0), 0);
  const tax = Math.round(taxable * taxRate);
  const total = subtotal + (shipping ?? 0) + tax;
  const card = dice.pick(CARDS);
  const carrier = dice.pick(CARRIERS);

  const order: Order = {
    id, name: `#${number}`, description: `${DESCRIPTIONS[state]}${discounted ? ', SAVE10 code' : ''}`, confirmation_number: `GEN${number}`,
    created_at: iso(placed), processed_at: iso(placed), currency: 'USD', email: customer.email, phone: null, tags: [], note: null, attributes: {},
    billing_address: address, shipping_address: ships ? address : null, line_items,
    discount_applications: discounted ? [{ type: 'discount_code', title: 'SAVE10', code: 'SAVE10', value: 10, value_type: 'percentage', target_type: 'line_item', target_selection: 'all' }] : [],
    shipping_lines: shipping === null ? [] : [{ title: shipping === 0 ? 'Free Shipping' : 'Standard', price: shipping, discount_allocations: [] }],
    tax_lines: taxRate > 0 ? [{ title: `${address.province_code} Sales Tax`, rate: taxRate, price: tax }] : [],
    total_price: total, fulfillments: [], transactions: [], refunds: [], cancelled_at: null, cancel_reason: null, payment_terms: null,
  };

  const pay = (kind: 'sale' | 'authorization', status: 'success' | 'pending' = 'success') =>
    order.transactions.push({ id: id * 10 + 1, kind, status, gateway: status === 'pending' ? 'manual' : 'shopify_payments', amount: total, created_at: iso(placed + 5000), card: status === 'pending' ? null : card });
  switch (state) {
    case 'pending': pay('sale', 'pending'); break;
    case 'authorized': pay('authorization'); break;
    default: pay('sale');
  }

  const shipped = placed + dice.int(1, 3) * DAY;
  const fulfilled = state === 'delivered' || state === 'in_transit' || state === 'partial' || state === 'partially_refunded';
  if (state !== 'cancelled' && state !== 'pending' && state !== 'authorized' && digital.length > 0) {
    // Gift cards and downloads are fulfilled the moment they are paid for.
    order.fulfillments.push(digitalFulfillment(id * 10 + 2, placed + 60_000, digital));
  }
  if (fulfilled && physical.length > 0) {
    const all = physical.map((line) => ({ line_item: line.id, quantity: line.quantity }));
    let parcel = all;
    if (state === 'partial') {
      // Half the lines ship now, or all but one unit of a single line.
      parcel = physical.length > 1 ? all.slice(0, Math.ceil(all.length / 2)) : [{ ...all[0], quantity: all[0].quantity - 1 }];
    }
    const delivered = state !== 'in_transit' && state !== 'partial';
    order.fulfillments.push(shipment(id * 10 + 3, shipped, parcel, carrier, delivered, address.city));
  }
  if (state === 'partially_refunded') {
    const line = line_items.find((candidate) => candidate.requires_shipping) ?? line_items[0];
    const unit = Math.round((line.price * line.quantity - line.discount_allocations.reduce((t, a) => t + a.amount, 0)) / line.quantity);
    const at = iso(shipped + 7 * DAY);
    order.transactions.push({ id: id * 10 + 4, kind: 'refund', status: 'success', gateway: 'shopify_payments', amount: unit, created_at: at, card });
    order.refunds.push({ id: id * 10 + 5, created_at: at, note: 'Arrived damaged', restock: false, line_items: [{ line_item: line.id, quantity: 1 }], amount: unit });
  }
  if (state === 'cancelled') {
    const at = iso(placed + 2 * HOUR);
    order.cancelled_at = at;
    order.cancel_reason = dice.pick(['customer', 'inventory', 'fraud'] as const);
    order.transactions.push({ id: id * 10 + 4, kind: 'refund', status: 'success', gateway: 'shopify_payments', amount: total, created_at: at, card });
    order.refunds.push({ id: id * 10 + 5, created_at: at, note: null, restock: true, line_items: line_items.map((line) => ({ line_item: line.id, quantity: line.quantity })), amount: total });
  }
  return order;
}

/** Products are numbered from 1 in catalog order, so a line's product index is its variant id's tens. */
const productIndex = (line: LineItem): number => Math.floor(line.variant_id / 10) - 1;

function pickLines(dice: Dice, products: Product[], count: number, orderId: number): LineItem[] {
  const chosen = new Set<number>();
  const lines: LineItem[] = [];
  for (let i = 0; i < count; i++) {
    let p = dice.int(0, products.length - 1);
    // Distinct products while the catalog allows; a handful of retries keeps it fast on any size.
    for (let tries = 0; chosen.has(p) && tries < 8 && chosen.size < products.length; tries++) p = dice.int(0, products.length - 1);
    chosen.add(p);
    const product = products[p];
    const variant = dice.pick(product.variants);
    lines.push({
      id: orderId * 100 + i + 1, product: product.handle, variant_id: variant.id, quantity: product.gift_card ? 1 : dice.int(1, 3), price: variant.price,
      properties: {}, discount_allocations: [], requires_shipping: variant.requires_shipping,
    });
  }
  return lines;
}

function digitalFulfillment(id: number, at: number, lines: LineItem[]): Fulfillment {
  return {
    id, created_at: iso(at), status: 'success', delivery_method: 'none', tracking_company: null, tracking_numbers: [], tracking_urls: [],
    line_items: lines.map((line) => ({ line_item: line.id, quantity: line.quantity })),
  };
}

function shipment(id: number, at: number, parcel: { line_item: number; quantity: number }[], carrier: (typeof CARRIERS)[number], delivered: boolean, city: string): Fulfillment {
  const number = carrier.number(id);
  const event = (status: FulfillmentEvent['status'], ms: number, message: string, where: string): FulfillmentEvent =>
    ({ status, happened_at: iso(ms), message, city: where, country_code: 'US' });
  const events = [event('label_printed', at, 'Shipping label created', 'Brooklyn'), event('in_transit', at + 8 * HOUR, 'Picked up by the carrier', 'Brooklyn')];
  if (delivered) {
    events.push(event('out_for_delivery', at + 48 * HOUR, 'Out for delivery', city), event('delivered', at + 54 * HOUR, 'Delivered', city));
  }
  return {
    id, created_at: iso(at), status: 'success', shipment_status: events.at(-1)!.status, tracking_company: carrier.company,
    tracking_numbers: [number], tracking_urls: [carrier.url(number)], line_items: parcel, events,
  };
}

