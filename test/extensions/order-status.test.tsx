// @vitest-environment jsdom
/**
 * The order-status block on the bundled scenarios: the Customer Account API
 * answers from the store adapter (the same order the theme renders), through
 * the stand-in GraphQL server, so only what the block's query selects reaches
 * it. Assertions are the words and links a buyer reads.
 */
import { getExtension } from './support/tester.ts';
import { waitFor } from './support/wait.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { customerAccountOrder } from '@encore/fixtures/adapters/customer-account.ts';
import type { CustomerAccount } from '@encore/fixtures/adapters/customer-account.ts';
import type { Order, ShipmentStatus } from '@encore/fixtures/types.ts';
import { orderJourney } from '@encore/core/journey.ts';
import { loadBundledStores } from '@encore/fixtures/bundled.ts';
import { gid } from '@encore/fixtures/adapters/ids.ts';
import { findBundledStore } from '@encore/fixtures/bundled.ts';
import { customerAccountFetch } from './support/graphql.ts';
import { localeTranslator } from './support/i18n.ts';

const DIR = 'extensions/order-status';
const extension = getExtension('customer-account.order-status.block.render', { configSearchDir: DIR });

beforeEach(() => extension.setUp());
afterEach(() => {
  extension.tearDown();
  vi.useRealTimers();
});

interface Options {
  /** Change the fixture order before the adapter presents it (a copy; the bundled store is untouched). */
  fixture?: (order: Order) => Order;
  /** Change the API's answer, e.g. to take protected fields away. */
  edit?: (order: CustomerAccount.Order) => CustomerAccount.Order;
  settings?: Record<string, string | number | boolean | undefined>;
  /** The API answers once this settles (never, for a promise that does not). */
  held?: Promise<unknown>;
  status?: number;
  root?: Record<string, unknown>;
}

/** Sets up the host for `#name` as its owner sees it, at the fixture's own "now". */
function host(name: string, options: Options = {}) {
  const { store } = findBundledStore({ order: name })!;
  const customer = store.customers.find((candidate) => candidate.orders.some((order) => order.name === `#${name}`))!;
  const bundled = customer.orders.find((candidate) => candidate.name === `#${name}`)!;
  const order = options.fixture ? options.fixture(structuredClone(bundled)) : bundled;
  // Only Date is faked: the 1.5 s limit still runs on real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(store.shop.now ?? Date.now()));
  const apiOrder = customerAccountOrder(store, order, customer);
  const root = options.root ?? { order: options.edit ? options.edit(apiOrder) : apiOrder };
  const fetch = vi.fn(customerAccountFetch(root, { held: options.held, status: options.status }));
  extension.fetch = fetch as typeof globalThis.fetch;
  extension.shopify.order.value = { id: gid('Order', order.id), name: order.name, processedAt: order.processed_at };
  extension.shopify.shop = { ...extension.shopify.shop, storefrontUrl: `https://${store.shop.domain}` };
  extension.shopify.settings.value = options.settings ?? {};
  extension.shopify.i18n.translate = localeTranslator(DIR, 'en') as typeof extension.shopify.i18n.translate;
  extension.shopify.i18n.formatCurrency = ((amount: number, opts?: { currency?: string }) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: opts?.currency ?? 'USD' }).format(amount)) as typeof extension.shopify.i18n.formatCurrency;
  extension.shopify.i18n.formatDate = ((date: Date, opts?: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-US', { ...opts, timeZone: store.shop.timezone }).format(date)) as typeof extension.shopify.i18n.formatDate;
  return { store, order, fetch };
}

const body = () => document.body.textContent ?? '';
const parts = (name: string) => [...document.body.querySelectorAll(`[data-part="${name}"]`)];
const texts = (element: Element, selector = 's-text') => [...element.querySelectorAll(selector)].map((node) => node.textContent);
const links = (element: Element) => [...element.querySelectorAll('s-link')].map((link) => [link.textContent, link.getAttribute('href')]);

async function rendered(name: string, options: Options = {}) {
  const setup = host(name, options);
  await extension.render();
  await waitFor(() => expect(document.body.querySelector('[data-part="headline"]')).not.toBeNull());
  return setup;
}

describe('order status block: shipments', () => {
  it('casey #1003: one parcel delivered by UPS, one in transit with USPS, the diffuser not shipped yet', async () => {
    const { fetch } = await rendered('1003');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String(fetch.mock.calls[0][0])).toBe('shopify://customer-account/api/2026-10/graphql.json');
    expect(document.body.querySelector('s-section')?.getAttribute('heading')).toBe('Order progress');
    expect(body()).toContain('Partly shipped');

    const [first, second] = parts('shipment');
    expect(first.querySelector('s-heading')?.textContent).toBe('Shipment 1');
    expect(first.querySelector('s-badge')?.textContent).toBe('Delivered');
    expect(texts(first)).toEqual(expect.arrayContaining(['Carrier: UPS', 'Shipped on Mar 4, 2026', 'Delivered on Mar 5, 2026', '2 × Cedar Candle (8 oz)']));
    expect(links(first)).toEqual([['1Z999AA10123456784', 'https://www.ups.com/track?tracknum=1Z999AA10123456784']]);

    expect(second.querySelector('s-heading')?.textContent).toBe('Shipment 2');
    expect(second.querySelector('s-badge')?.textContent).toBe('In transit');
    expect(texts(second)).toEqual(
      expect.arrayContaining([
        'Carrier: USPS',
        'Shipped on Mar 9, 2026',
        'In transit since Mar 18, 2026',
        'Shipping to Brooklyn, New York, United States',
        '1 × Wick Trimmer',
      ]),
    );
    expect(links(second)).toEqual([['9400111899223197428490', 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490']]);

    const [waiting] = parts('waiting');
    expect(waiting.querySelector('s-heading')?.textContent).toBe('1 item not shipped yet');
    expect(texts(waiting)).toEqual(expect.arrayContaining(['The shop is preparing these items.', '1 × Reed Diffuser (Amber)']));
    expect(parts('refunds')).toHaveLength(0);
    expect(texts(parts('payment')[0])).toEqual(['Paid in full.']);
  });

  it('casey #1007: two tracking numbers with their links; the refunded snuffer stays delivered', async () => {
    await rendered('1007');
    expect(body()).toContain('Delivered');
    const [shipment] = parts('shipment');
    expect(shipment.querySelector('s-badge')?.textContent).toBe('Delivered');
    expect(texts(shipment)).toEqual(
      expect.arrayContaining(['Tracking numbers', 'Delivered on Feb 24, 2026', '2 × Amber Candle (16 oz)', '1 × Candle Snuffer']),
    );
    expect(links(shipment)).toEqual([
      ['1Z999AA10123456800', 'https://www.ups.com/track?tracknum=1Z999AA10123456800'],
      ['1Z999AA10123456819', 'https://www.ups.com/track?tracknum=1Z999AA10123456819'],
    ]);
    const [refunds] = parts('refunds');
    expect(texts(refunds)).toEqual([
      'Refunded $17.42 on Feb 27, 2026',
      "1 item was refunded after it shipped. It's still listed with its shipment above.",
      '1 × Candle Snuffer',
    ]);
    // $106.12 paid, $17.42 back.
    expect(texts(parts('payment')[0])).toEqual(['$17.42 refunded in total.']);
  });

  it('casey #1007 with three parcels in one fulfillment, the middle one without a page: all three numbers, in order', async () => {
    await rendered('1007', {
      edit: (order) => {
        const [first] = order.fulfillments.nodes;
        const trackingInformation = [
          { company: 'UPS', number: '1Z999AA10123456800', url: 'https://www.ups.com/track?tracknum=1Z999AA10123456800' },
          { company: 'UPS', number: '1Z999AA10123456819', url: null },
          { company: 'UPS', number: null, url: 'https://www.ups.com/track' },
          { company: 'UPS', number: '1Z999AA10123456828', url: 'https://www.ups.com/track?tracknum=1Z999AA10123456828' },
        ];
        return { ...order, fulfillments: { ...order.fulfillments, nodes: [{ ...first, trackingInformation }] } };
      },
    });
    const [tracking] = parts('tracking');
    expect(texts(tracking, 's-text, s-link')).toEqual(['Tracking numbers', '1Z999AA10123456800', '1Z999AA10123456819', '1Z999AA10123456828']);
    expect(links(tracking)).toEqual([
      ['1Z999AA10123456800', 'https://www.ups.com/track?tracknum=1Z999AA10123456800'],
      ['1Z999AA10123456828', 'https://www.ups.com/track?tracknum=1Z999AA10123456828'],
    ]);
  });

  it('mette-hansen #2001 (DKK): delivered by PostNord, buy again on the Danish storefront', async () => {
    await rendered('2001');
    const [shipment] = parts('shipment');
    expect(shipment.querySelector('s-badge')?.textContent).toBe('Delivered');
    expect(texts(shipment)).toEqual(expect.arrayContaining(['Carrier: PostNord', 'Delivered on Feb 28, 2026', '2 × Krus, sand (Sand)', '1 × Skål, stor']));
    expect(links(shipment)).toEqual([['00370716483000123451', 'https://tracking.postnord.com/dk/?id=00370716483000123451']]);
    expect(parts('waiting')).toHaveLength(0);
    expect(document.body.querySelector('[data-part="buy-again"] s-button')?.getAttribute('href')).toBe('https://nordlys-keramik.example/cart/42001:2,42003:1');
  });
});

describe('order status block: every carrier status', () => {
  // casey #1003's USPS parcel (shipped Mar 9) with a different latest carrier event on Mar 18.
  const cases: [ShipmentStatus, string, string | null, string][] = [
    ['label_printed', 'Label printed', null, 'Partly shipped'],
    ['in_transit', 'In transit', 'In transit since Mar 18, 2026', 'Partly shipped'],
    ['out_for_delivery', 'Out for delivery', 'Out for delivery since Mar 18, 2026', 'Out for delivery'],
    ['attempted_delivery', 'Delivery attempted', 'Delivery attempted on Mar 18, 2026', 'A delivery needs attention'],
    ['delayed', 'Delayed', 'Delayed since Mar 18, 2026', 'A delivery needs attention'],
    ['failure', 'Delivery failed', 'Delivery failed on Mar 18, 2026', 'A delivery needs attention'],
    ['ready_for_pickup', 'Ready for pickup at the carrier', 'Ready for pickup since Mar 18, 2026', 'Partly shipped'],
    ['delivered', 'Delivered', 'Delivered on Mar 18, 2026', 'Partly shipped'],
  ];
  it.each(cases)('latest event %s: badge "%s", step "%s", headline "%s"', async (status, badge, step, headline) => {
    await rendered('1003', {
      fixture: (order) => {
        const usps = order.fulfillments[1];
        const events = status === 'label_printed' ? [] : [{ status, happened_at: '2026-03-18T22:15:00-04:00' }];
        usps.events = [{ status: 'label_printed', happened_at: '2026-03-09T15:10:00-04:00' }, ...events];
        usps.shipment_status = status;
        return order;
      },
    });
    expect(document.body.querySelector('s-heading')?.textContent).toBe(headline);
    const second = parts('shipment')[1];
    expect(second.querySelector('s-badge')?.textContent).toBe(badge);
    expect(second.querySelector('s-badge')?.getAttribute('tone')).toBe(['attempted_delivery', 'delayed', 'failure'].includes(status) ? 'critical' : 'auto');
    const lines = texts(second);
    expect(lines).toContain('Shipped on Mar 9, 2026');
    if (step) expect(lines).toContain(step);
    expect(links(second)).toEqual([['9400111899223197428490', 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490']]);
  });

  it('riley #1010 once collected: a picked-up shipment, nothing left to collect', async () => {
    await rendered('1010', {
      fixture: (order) => ({
        ...order,
        fulfillments: [
          {
            id: 60105,
            created_at: '2026-03-19T11:00:00-04:00',
            status: 'success',
            delivery_method: 'pickup',
            shipment_status: 'picked_up',
            tracking_company: null,
            tracking_numbers: [],
            tracking_urls: [],
            line_items: order.line_items.map((line) => ({ line_item: line.id, quantity: line.quantity })),
          },
        ],
      }),
    });
    expect(document.body.querySelector('s-heading')?.textContent).toBe('Picked up');
    const [shipment] = parts('shipment');
    expect(shipment.querySelector('s-badge')?.textContent).toBe('Picked up');
    expect(texts(shipment)).toEqual(['Picked up on Mar 19, 2026', '1 × Reed Diffuser (Cedar)', '2 × Long Matches']);
    expect(parts('waiting')).toHaveLength(0);
  });
});

describe('order status block: every bundled order agrees with the core', () => {
  const orders = loadBundledStores().flatMap(({ name, store }) =>
    store.customers.flatMap((customer) => customer.orders.filter((order) => !/^#11[0-4]/.test(order.name)).map((order) => ({ name, store, order }))),
  );
  it.each(orders.map((entry) => [`${entry.name} ${entry.order.name}`, entry] as const))('%s', async (_label, { store, order }) => {
    await rendered(order.name.slice(1));
    const journey = orderJourney(order, { now: store.shop.now ?? new Date() });
    const en = localeTranslator(DIR, 'en');
    expect(document.body.querySelector('s-heading')?.textContent).toBe(en(`headline.${journey.headline}`));
    expect(parts('shipment')).toHaveLength(journey.shipments.length);
    expect(parts('cancelled-shipment')).toHaveLength(journey.cancelledShipments.length);
    const waiting = journey.items.filter((item) => item.requiresShipping).reduce((sum, item) => sum + item.ordered, 0);
    expect(parts('waiting')).toHaveLength(waiting > 0 ? 1 : 0);
    for (const [index, shipment] of journey.shipments.entries()) {
      const web = shipment.tracking.filter((tracking) => tracking.url?.startsWith('https://'));
      expect(links(parts('shipment')[index])).toEqual(web.map((tracking) => [tracking.number, tracking.url]));
    }
  });
});

describe('order status block: partial data', () => {
  it('casey #1001: nothing shipped yet, no shipment cards', async () => {
    await rendered('1001');
    expect(document.body.querySelector('s-heading')?.textContent).toBe('Being prepared');
    expect(parts('shipment')).toHaveLength(0);
    const [waiting] = parts('waiting');
    expect(waiting.querySelector('s-heading')?.textContent).toBe('2 items not shipped yet');
    expect(texts(waiting)).toEqual(expect.arrayContaining(['1 × Amber Candle (16 oz)', '1 × Long Matches']));
  });

  it('casey #1005: the cancelled shipment put its items back to being prepared', async () => {
    await rendered('1005');
    expect(parts('shipment')).toHaveLength(0);
    const [cancelled] = parts('cancelled-shipment');
    expect(cancelled.querySelector('s-heading')?.textContent).toBe('A shipment was cancelled');
    expect(texts(cancelled)).toEqual([
      'It was cancelled on Mar 9, 2026 before it left. Its items went back to being prepared.',
      '3 × Amber Candle (8 oz)',
      '1 × Ceramic Tray',
    ]);
    expect(parts('waiting')[0].querySelector('s-heading')?.textContent).toBe('4 items not shipped yet');
  });

  it('casey #1006: cancelled by the customer and refunded in full', async () => {
    await rendered('1006');
    const headline = parts('headline')[0];
    expect(headline.querySelector('s-heading')?.textContent).toBe('This order was cancelled');
    expect(texts(headline)).toEqual(['Cancelled on Mar 12, 2026.', 'You cancelled the order.']);
    expect(parts('waiting')).toHaveLength(0);
    expect(texts(parts('refunds')[0])).toEqual([
      'Refunded $95.23 on Mar 12, 2026',
      '3 items were taken off the order before they shipped.',
      '1 × Cedar Candle (16 oz)',
      '2 × Diffuser Refill Oil',
    ]);
  });

  it('casey #1002: the bank deposit has not arrived, so nothing is prepared yet', async () => {
    await rendered('1002');
    expect(document.body.querySelector('s-heading')?.textContent).toBe('Waiting for your payment');
    expect(texts(parts('waiting')[0])).toEqual([
      'These items are prepared once your payment arrives.',
      'Shipping to Brooklyn, New York, United States',
      '2 × Fig Candle',
    ]);
    expect(texts(parts('payment')[0])).toEqual(['$60.82 still to pay.']);
  });

  it('yuki-tanaka #7002 (JPY): the amount owed in whole yen', async () => {
    await rendered('7002');
    expect(texts(parts('payment')[0])).toEqual(['¥3,600 still to pay.']);
  });

  it('riley #1008: authorized, charged when it ships', async () => {
    await rendered('1008');
    expect(texts(parts('payment')[0])).toEqual(["Your payment is authorized. You're charged when the order ships."]);
  });

  it('riley #1009: digital goods delivered, nothing to track', async () => {
    await rendered('1009');
    expect(document.body.querySelector('s-heading')?.textContent).toBe('Delivered digitally');
    const [shipment] = parts('shipment');
    expect(shipment.querySelector('s-badge')?.textContent).toBe('Delivered digitally');
    expect(texts(shipment)).toEqual(['Delivered digitally on Mar 15, 2026', '1 × Candle-Making Guide (PDF)', '1 × Ember & Wick Gift Card ($50)']);
    expect(shipment.querySelector('s-link')).toBeNull();
    expect(body()).not.toContain('No tracking number yet');
  });

  it('riley #1010: ready for pickup at the studio address', async () => {
    await rendered('1010');
    expect(document.body.querySelector('s-heading')?.textContent).toBe('Ready for pickup');
    const [waiting] = parts('waiting');
    expect(waiting.querySelector('s-heading')?.textContent).toBe('3 items to collect');
    expect(texts(waiting)).toEqual(['Ready for pickup at 140 Kent Ave since Mar 18, 2026.', '1 × Reed Diffuser (Cedar)', '2 × Long Matches']);
  });

  it('riley #1011: on hold', async () => {
    await rendered('1011');
    expect(document.body.querySelector('s-heading')?.textContent).toBe('On hold');
    expect(texts(parts('waiting')[0])).toContain('The shop has put these items on hold for now.');
  });

  it('b2b-buyer #1014: delivered, but the Net 30 payment is overdue', async () => {
    await rendered('1014');
    expect(document.body.querySelector('s-heading')?.textContent).toBe('Payment is overdue');
    const [payment] = parts('payment');
    expect(texts(payment)).toEqual(['$457.00 was due on Mar 7, 2026 (Net 30) and is now overdue.']);
    expect(payment.querySelector('s-text')?.getAttribute('tone')).toBe('critical');
    expect(parts('shipment')[0].querySelector('s-badge')?.textContent).toBe('Delivered');
  });

  it('b2b-buyer #1014: the purchase order number the buyer gave, under the headline', async () => {
    await rendered('1014');
    expect(texts(parts('headline')[0])).toEqual(['PO number: PO-2026-0142']);
  });

  it('casey #1003: no purchase order number, no line for one', async () => {
    await rendered('1003');
    expect(parts('po-number')).toHaveLength(0);
    expect(body()).not.toContain('PO number');
  });

  it('one parcel out for delivery, the rest still prepared: the shop is preparing them (not waiting for a payment)', async () => {
    await rendered('1003', {
      fixture: (order) => {
        const usps = order.fulfillments.find((candidate) => candidate.tracking_company === 'USPS')!;
        usps.events = [...(usps.events ?? []), { status: 'out_for_delivery', happened_at: '2026-03-19T08:00:00-04:00' }];
        return order;
      },
    });
    expect(document.body.querySelector('s-heading')?.textContent).toBe('Out for delivery');
    expect(texts(parts('shipment')[1])).toContain('Out for delivery since Mar 19, 2026');
    expect(texts(parts('waiting')[0])).toContain('The shop is preparing these items.');
  });
});

describe('order status block: hostile text', () => {
  it('hostile-customer #1015: prints every field as text and never links the javascript: tracking URL', async () => {
    await rendered('1015');
    expect(document.body.querySelector('script, svg, img')).toBeNull();
    expect((window as unknown as { __encoreInjected?: number }).__encoreInjected).toBeUndefined();
    const [shipment] = parts('shipment');
    expect(texts(shipment)).toContain('Carrier: "><svg onload=window.__encoreInjected=1>Carrier 👩🏽‍🚀');
    expect(texts(shipment)).toContain('1Z<script>window.__encoreInjected=1</script>');
    // The second number's own URL is an https page on the carrier's site, so it stays a link.
    expect(links(shipment)).toEqual([
      [expect.stringMatching(/^Llanfair/), 'https://carrier.example/track?n=%22%3E%3Csvg%20onload%3Dwindow.__encoreInjected%3D1%3E'],
    ]);
    for (const element of document.body.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/);
      expect(element.getAttribute('href') ?? '').not.toMatch(/javascript:/i);
    }
  });
});

describe('order status block: buy again and settings', () => {
  it('links every line of the order to checkout through a cart permalink, and says it goes to checkout', async () => {
    await rendered('1003');
    const button = document.body.querySelector('[data-part="buy-again"] s-button')!;
    expect(button.textContent).toBe('Buy again');
    expect(button.getAttribute('href')).toBe('https://ember-and-wick.example/cart/4003:2,4006:1,4009:1');
    expect(document.body.querySelector('[data-part="buy-again"] s-text')!.textContent).toBe(
      'Goes to checkout with the items from this order, in the same quantities.',
    );
  });

  it.each([
    ['da', 'Går til kassen med varerne fra denne ordre i samme antal.'],
    ['nb', 'Går til kassen med varene fra denne bestillingen i samme antall.'],
    ['nl', 'Gaat naar de kassa met de artikelen uit deze bestelling, in dezelfde aantallen.'],
    ['th', 'ไปที่หน้าชำระเงินพร้อมสินค้าจากคำสั่งซื้อนี้ ในจำนวนเท่าเดิม'],
  ])('says in %s that Buy again goes to checkout, not to a new cart', (locale, hint) => {
    expect(localeTranslator(DIR, locale)('buy_again_hint')).toBe(hint);
  });

  it('a shop without an online store URL gets the cart on its myshopify domain', async () => {
    const setup = host('1003');
    extension.shopify.shop = { ...extension.shopify.shop, storefrontUrl: undefined, myshopifyDomain: 'ember-and-wick.myshopify.com' };
    await extension.render();
    await waitFor(() => expect(document.body.querySelector('[data-part="headline"]')).not.toBeNull());
    expect(setup.fetch).toHaveBeenCalledTimes(1);
    expect(document.body.querySelector('[data-part="buy-again"] s-button')!.getAttribute('href')).toBe(
      'https://ember-and-wick.myshopify.com/cart/4003:2,4006:1,4009:1',
    );
  });

  it('follows the merchant: custom heading, no buy again, no payment', async () => {
    await rendered('1014', { settings: { heading: 'Where is my order?', show_buy_again: false, show_payment: false } });
    expect(document.body.querySelector('s-section')?.getAttribute('heading')).toBe('Where is my order?');
    expect(parts('buy-again')).toHaveLength(0);
    expect(parts('payment')).toHaveLength(0);
  });
});

describe('order status block: loading, failures and missing data', () => {
  it('shows a brief skeleton while the API answers', async () => {
    let answer!: () => void;
    host('1003', { held: new Promise<void>((resolve) => (answer = resolve)) });
    await extension.render();
    expect(document.body.querySelector('s-skeleton-paragraph')).not.toBeNull();
    expect(parts('shipment')).toHaveLength(0);
    answer();
    await waitFor(() => expect(parts('shipment')).toHaveLength(2));
    expect(document.body.querySelector('s-skeleton-paragraph')).toBeNull();
  });

  it('gives up after 1.5 s with a quiet line, never an endless skeleton', async () => {
    host('1003', { held: new Promise(() => {}) });
    // The 1.5 s limit on the clock the test moves: the answer never comes, and no busy machine moves the limit.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    await extension.render();
    // The call starts once the block has painted (waitUntil moves the faked clock a millisecond a look), then gets 1.5 s.
    await vi.waitUntil(() => vi.mocked(extension.fetch).mock.calls.length > 0, { timeout: 10_000, interval: 1 });
    await vi.advanceTimersByTimeAsync(1400);
    expect(document.body.querySelector('s-skeleton-paragraph')).not.toBeNull();
    expect(body()).not.toContain("Shipment updates aren't available right now.");
    await vi.advanceTimersByTimeAsync(200);
    expect(body()).toContain("Shipment updates aren't available right now.");
    expect(document.body.querySelector('s-skeleton-paragraph')).toBeNull();
  });

  it('an HTTP error shows the same quiet line', async () => {
    host('1003', { status: 500 });
    await extension.render();
    await waitFor(() => expect(body()).toContain("Shipment updates aren't available right now."));
    expect(parts('shipment')).toHaveLength(0);
  });

  it('an order the API does not know (null) shows the quiet line', async () => {
    host('1003', { root: { order: null } });
    await extension.render();
    await waitFor(() => expect(body()).toContain("Shipment updates aren't available right now."));
  });

  it('a fetch that throws shows the quiet line', async () => {
    host('1003');
    extension.fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    await extension.render();
    await waitFor(() => expect(body()).toContain("Shipment updates aren't available right now."));
  });

  it('without protected customer data (no address) the shipments still show', async () => {
    await rendered('1003', { edit: (order) => ({ ...order, shippingAddress: null, billingAddress: null, email: null, phone: null }) });
    expect(parts('shipment')).toHaveLength(2);
    expect(body()).not.toContain('Shipping to');
    expect(links(parts('shipment')[0])).toEqual([['1Z999AA10123456784', 'https://www.ups.com/track?tracknum=1Z999AA10123456784']]);
  });

  it('a pickup order without its address still says it is ready', async () => {
    await rendered('1010', {
      edit: (order) => ({ ...order, pickupInformation: order.pickupInformation && { ...order.pickupInformation, address: null } }),
    });
    expect(texts(parts('waiting')[0])[0]).toBe('Ready for pickup since Mar 18, 2026.');
  });
});

describe('in every language the extension ships', () => {
  // Casey's #1007: the candle snuffer was refunded after it was delivered; the note speaks to the buyer.
  it.each([
    ['en', "1 item was refunded after it shipped. It's still listed with its shipment above."],
    ['da', '1 vare blev refunderet, efter at den blev afsendt. Den står stadig under sin forsendelse ovenfor.'],
    ['nb', '1 vare ble refundert etter at den ble sendt. Den står fortsatt under forsendelsen sin ovenfor.'],
    ['nl', '1 artikel is na verzending terugbetaald. Het staat nog steeds bij de zending hierboven.'],
    ['th', 'สินค้า 1 ชิ้นได้รับการคืนเงินหลังจัดส่งแล้ว และยังคงแสดงอยู่กับการจัดส่งด้านบน'],
  ])('%s: #1007 says where the refunded item still shows, not how refunds work', async (locale, note) => {
    host('1007');
    extension.shopify.i18n.translate = localeTranslator(DIR, locale) as typeof extension.shopify.i18n.translate;
    await extension.render();
    await waitFor(() => expect(document.body.querySelector('[data-part="refunds"]')).not.toBeNull());
    expect(texts(parts('refunds')[0])[1]).toBe(note);
  });

  // Casey's #1003: two parcels, each with one tracking number (UPS 1Z999AA10123456784, USPS 9400111899223197428490).
  it.each([
    ['en', 'Order progress', 'Tracking number'],
    ['da', 'Ordreforløb', 'Trackingnummer'],
    ['nb', 'Bestillingsstatus', 'Sporingsnummer'],
    ['nl', 'Voortgang van je bestelling', 'Trackingnummer'],
    ['th', 'ความคืบหน้าของคำสั่งซื้อ', 'หมายเลขติดตามพัสดุ'],
  ])('%s: the heading and the tracking label in that language', async (locale, heading, tracking) => {
    host('1003');
    extension.shopify.i18n.translate = localeTranslator(DIR, locale) as typeof extension.shopify.i18n.translate;
    await extension.render();
    await waitFor(() => expect(document.body.querySelector('[data-part="headline"]')).not.toBeNull());
    const page = body();
    // Headings are attributes of the Polaris elements.
    expect(document.body.innerHTML).toContain(`heading="${heading}"`);
    expect(page).toContain(tracking);
    expect(page).toContain('1Z999AA10123456784');
    expect(page).not.toMatch(/\b(shipment|headline|payment|refunds|waiting)\.[a-z_]+/);
  });
});
