/**
 * Writes loyal-customer's 45 orders into default-store.json. They are
 * generated once and committed, rather than built at load time, so the
 * fixture stays the single, greppable truth and the loader has no special
 * case. Deterministic (fixed seed, fixed dates): rerunning it changes nothing.
 *
 * The story: Lee reorders candles from Portland, Maine roughly every 16 days
 * for two years; every fifth order uses the LOYAL15 code; orders of $50 or
 * more ship free. All are paid and delivered except the newest, which is paid
 * and waiting to ship. The four deliveries before it carry the carrier's
 * tracking events, so the tracking timeline has real history to show.
 *
 * Run: npx tsx scripts/store/generate-loyal.ts
 */
import { splitProportionally } from '../../extensions/core/src/money.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DEFAULT_STORE_FILE } from './load.ts';
import type { Address, FulfillmentEvent, LineItem, Order, Store } from './types.ts';

const ORDER_COUNT = 45;
const FIRST_ORDER_NUMBER = 1101;
const FIRST_ORDER_ID = 6101;
const FIRST_DAY = Date.UTC(2024, 1, 20, 15, 0); // 2024-02-20 15:00 UTC
const DAYS_BETWEEN = 16;
const TAX_RATE = 0.055; // Maine sales tax
const FREE_SHIPPING_FROM = 5000;
const SHIPPING = 595;

/** What Lee keeps buying: product handle, variant id, unit price, short name. */
const CANDLES = [
  { product: 'amber-candle', variant: 4001, price: 2400, name: 'Amber Candle 8 oz' },
  { product: 'amber-candle', variant: 4002, price: 3800, name: 'Amber Candle 16 oz' },
  { product: 'cedar-candle', variant: 4003, price: 2400, name: 'Cedar Candle 8 oz' },
  { product: 'cedar-candle', variant: 4004, price: 3800, name: 'Cedar Candle 16 oz' },
  { product: 'fig-candle', variant: 4005, price: 2800, name: 'Fig Candle' },
];
const MATCHES = { product: 'long-matches', variant: 4008, price: 600, name: 'Long Matches' };
const REFILL = { product: 'diffuser-refill-oil', variant: 4011, price: 2200, name: 'Diffuser Refill Oil' };

const ADDRESS: Address = {
  first_name: 'Lee', last_name: 'Loyal', company: null, address1: '42 Elm Street', address2: null, city: 'Portland',
  province: 'Maine', province_code: 'ME', country_code: 'US', zip: '04101', phone: '+12075550142',
};

/** A small linear congruential generator: the same seed gives the same orders on every machine. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const HOUR = 3_600_000;
/** How many of the newest delivered orders carry tracking events. */
const TRACKED_ORDERS = 4;

/** USPS Ground Advantage from the Brooklyn studio to Portland: two to three days, oldest event first. */
function trackingEvents(shipped: number): FulfillmentEvent[] {
  const event = (status: FulfillmentEvent['status'], at: number, message: string, city: string): FulfillmentEvent =>
    ({ status, happened_at: iso(at), message, city, country_code: 'US' });
  return [
    event('label_printed', shipped, 'Shipping label created', 'Brooklyn'),
    event('in_transit', shipped + 9 * HOUR, 'Accepted at origin facility', 'Brooklyn'),
    event('in_transit', shipped + 30 * HOUR, 'Arrived at regional facility', 'Scarborough'),
    event('out_for_delivery', shipped + 48 * HOUR, 'Out for delivery', 'Portland'),
    event('delivered', shipped + 54 * HOUR, 'Delivered, in mailbox', 'Portland'),
  ];
}

export function loyalOrders(): Order[] {
  const next = random(20240220);
  const orders: Order[] = [];
  for (let n = 0; n < ORDER_COUNT; n++) {
    const id = FIRST_ORDER_ID + n;
    const placed = FIRST_DAY + n * DAYS_BETWEEN * 86_400_000 + Math.floor(next() * 8) * 3_600_000;
    const picks = [{ ...CANDLES[Math.floor(next() * CANDLES.length)], quantity: 1 + Math.floor(next() * 3) }];
    if (next() < 0.5) picks.push({ ...MATCHES, quantity: 1 + Math.floor(next() * 2) });
    if (next() < 0.3) picks.push({ ...REFILL, quantity: 1 });
    const line_items: LineItem[] = picks.map((pick, i) => ({
      id: id * 10 + i + 1, product: pick.product, variant_id: pick.variant, quantity: pick.quantity, price: pick.price,
      properties: {}, discount_allocations: [], requires_shipping: true,
    }));
    const itemsTotal = line_items.reduce((total, line) => total + line.price * line.quantity, 0);

    const discounted = n % 5 === 4;
    let discount = 0;
    if (discounted) {
      discount = Math.round(itemsTotal * 0.15);
      // Spread the order-level discount over the lines in proportion to their totals.
      const shares = splitProportionally(discount, line_items.map((line) => line.price * line.quantity));
      line_items.forEach((line, i) => line.discount_allocations.push({ discount_application: 0, amount: shares[i] }));
    }
    const subtotal = itemsTotal - discount;
    const shipping = subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING;
    const tax = Math.round(subtotal * TAX_RATE);
    const total = subtotal + shipping + tax;
    const newest = n === ORDER_COUNT - 1;
    const shipped = placed + 2 * 86_400_000;
    const tracking = `9400111899223${String(id).padStart(9, '0')}`;
    const tracked = !newest && n >= ORDER_COUNT - 1 - TRACKED_ORDERS;
    const summary = picks.map((pick) => `${pick.quantity > 1 ? `${pick.quantity}× ` : ''}${pick.name}`).join(', ');

    orders.push({
      id,
      name: `#${FIRST_ORDER_NUMBER + n}`,
      description: `${newest ? 'Newest: paid, waiting to ship' : 'Reorder, paid and delivered'}${discounted ? ', LOYAL15 code' : ''}: ${summary}`,
      confirmation_number: `EWL${FIRST_ORDER_NUMBER + n}`,
      created_at: iso(placed),
      processed_at: iso(placed),
      currency: 'USD',
      email: 'lee.loyal@example.com',
      phone: '+12075550142',
      tags: discounted ? ['loyalty-code'] : [],
      note: null,
      attributes: {},
      billing_address: ADDRESS,
      shipping_address: ADDRESS,
      line_items,
      discount_applications: discounted
        ? [{ type: 'discount_code', title: 'LOYAL15', code: 'LOYAL15', value: 15, value_type: 'percentage', target_type: 'line_item', target_selection: 'all' }]
        : [],
      shipping_lines: [{ title: shipping === 0 ? 'Free Standard Shipping' : 'Standard', price: shipping, discount_allocations: [] }],
      tax_lines: [{ title: 'ME Sales Tax', rate: TAX_RATE, price: tax }],
      total_price: total,
      fulfillments: newest
        ? []
        : [{
            id: id * 10 + 5, created_at: iso(shipped), status: 'success', shipment_status: 'delivered', tracking_company: 'USPS',
            tracking_numbers: [tracking], tracking_urls: [`https://tools.usps.com/go/TrackConfirmAction?tLabels=${tracking}`],
            line_items: line_items.map((line) => ({ line_item: line.id, quantity: line.quantity })),
            ...(tracked ? { events: trackingEvents(shipped) } : {}),
          }],
      transactions: [{ id: id * 10 + 7, kind: 'sale', status: 'success', gateway: 'shopify_payments', amount: total, created_at: iso(placed + 4000), card: { brand: 'Visa', last_four: '1881' } }],
      refunds: [],
      cancelled_at: null,
      cancel_reason: null,
      payment_terms: null,
    });
  }
  return orders;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const store = JSON.parse(readFileSync(DEFAULT_STORE_FILE, 'utf8')) as Store;
  const loyal = store.customers.find((customer) => customer.handle === 'loyal-customer');
  if (!loyal) throw new Error(`${DEFAULT_STORE_FILE}: no customer with handle "loyal-customer"`);
  loyal.orders = loyalOrders();
  writeFileSync(DEFAULT_STORE_FILE, `${JSON.stringify(store, null, 2)}\n`);
  console.log(`wrote ${loyal.orders.length} orders for loyal-customer into ${DEFAULT_STORE_FILE}`);
}
