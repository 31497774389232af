import { describe, expect, it } from 'vitest';
import { orderAtPlacement, thankYouApi } from '@encore/fixtures/adapters/checkout.ts';
import { findBundledStore } from '@encore/fixtures/bundled.ts';
import { findOrder } from '@encore/fixtures/names.ts';
import { orderNamed, store, storeWithOrder } from './orders.ts';

const usd = (amount: number) => ({ amount, currencyCode: 'USD' });
const api = (name: string, locale?: string) => {
  const { order, customer } = orderNamed(name);
  return thankYouApi(store, order, customer, { locale });
};

describe("thank-you page API for casey's #1003", () => {
  const thankYou = api('1003');

  it('confirms the order by gid and confirmation number; casey had ordered before', () => {
    expect(thankYou.orderConfirmation).toEqual({ order: { id: 'gid://shopify/Order/6003' }, number: 'EW1003QX', isFirstOrder: false });
  });

  // Checkout's Money amounts are numbers in major units: 108 + 0 shipping + 9.59 tax = 117.59.
  it('costs add up', () => {
    expect(thankYou.cost).toEqual({
      subtotalAmount: usd(108),
      totalShippingAmount: usd(0),
      totalTaxAmount: usd(9.59),
      totalAmount: usd(117.59),
    });
  });

  it('has one line per line item with its variant, product, image and options', () => {
    expect(thankYou.lines).toHaveLength(3);
    const [cedar, trimmer] = thankYou.lines;
    expect(cedar).toEqual({
      id: 'gid://shopify/CartLine/60031',
      merchandise: {
        type: 'variant',
        id: 'gid://shopify/ProductVariant/4003',
        title: 'Cedar Candle',
        subtitle: '8 oz',
        image: { url: 'https://ember-and-wick.example/cdn/shop/files/cedar-candle.jpg', altText: 'Cedar candle in a green glass jar' },
        selectedOptions: [{ name: 'Size', value: '8 oz' }],
        product: { id: 'gid://shopify/Product/7002', vendor: 'Ember & Wick', productType: 'Candle' },
        requiresShipping: true,
        sku: 'CED-08',
      },
      quantity: 2,
      cost: { totalAmount: usd(48) },
      attributes: [],
      discountAllocations: [],
      lineComponents: [],
      parentRelationship: null,
    });
    // A product without options: no subtitle, and the single option Shopify reports for it.
    expect(trimmer.merchandise.title).toBe('Wick Trimmer');
    expect(trimmer.merchandise.subtitle).toBeUndefined();
    expect(trimmer.merchandise.selectedOptions).toEqual([{ name: 'Title', value: 'Default Title' }]);
  });

  it('names the shop', () => {
    expect(thankYou.shop).toEqual({
      id: 'gid://shopify/Shop/60000001',
      name: 'Ember & Wick',
      storefrontUrl: 'https://ember-and-wick.example',
      myshopifyDomain: 'ember-and-wick.myshopify.com',
    });
  });

  it('localizes to the shop currency, zone and primary language, shipping to the US', () => {
    expect(thankYou.localization).toEqual({
      currency: { isoCode: 'USD' },
      timezone: 'America/New_York',
      language: { isoCode: 'en' },
      extensionLanguage: { isoCode: 'en' },
      country: { isoCode: 'US' },
      market: undefined,
    });
    expect(api('1003', 'fr').localization.language).toEqual({ isoCode: 'fr' });
  });

  it('identifies casey, with the two orders placed before this one', () => {
    expect(thankYou.buyerIdentity.email).toBe('casey.rivera@example.com');
    expect(thankYou.buyerIdentity.phone).toBe('+17185550123');
    expect(thankYou.buyerIdentity.purchasingCompany).toBeUndefined();
    expect(thankYou.buyerIdentity.customer).toMatchObject({
      id: 'gid://shopify/Customer/9003',
      firstName: 'Casey',
      lastName: 'Rivera',
      fullName: 'Casey Rivera',
      acceptsEmailMarketing: true,
      ordersCount: 2,
    });
  });
});

describe('thank-you page API discounts', () => {
  it('#1002: WELCOME10 is an order-level code, not on the line; the subtotal is before it', () => {
    const thankYou = api('1002');
    expect(thankYou.discountCodes).toEqual([{ code: 'WELCOME10' }]);
    expect(thankYou.discountAllocations).toEqual([{ type: 'code', code: 'WELCOME10', discountedAmount: usd(5.6) }]);
    expect(thankYou.lines[0].discountAllocations).toEqual([]);
    expect(thankYou.lines[0].cost.totalAmount).toEqual(usd(56));
    expect(thankYou.cost.subtotalAmount).toEqual(usd(56));
    expect(thankYou.cost.totalAmount).toEqual(usd(60.82));
  });

  it("#1004, casey's first order: the automatic half-price guide discount sits on the guide's line", () => {
    const thankYou = api('1004');
    expect(thankYou.orderConfirmation.isFirstOrder).toBe(true);
    expect(thankYou.buyerIdentity.customer?.ordersCount).toBe(0);
    expect(thankYou.lines[1].discountAllocations).toEqual([{ type: 'automatic', title: 'Guide half price with a gift set', discountedAmount: usd(6) }]);
    expect(thankYou.lines[1].cost.totalAmount).toEqual(usd(6));
    // 64 + 6 = 70; + 5.95 + 6.21 = 82.16.
    expect(thankYou.cost).toEqual({ subtotalAmount: usd(70), totalShippingAmount: usd(5.95), totalTaxAmount: usd(6.21), totalAmount: usd(82.16) });
    expect(thankYou.discountAllocations).toEqual([]);
  });

  it('#1013: the refill oil is on a recurring selling plan', () => {
    expect(api('1013').lines[1].merchandise.sellingPlan).toEqual({ id: 'gid://shopify/SellingPlan/5101', recurringDeliveries: true });
  });

  it('#1014: a B2B buyer shows their company and location', () => {
    const company = api('1014').buyerIdentity.purchasingCompany;
    expect(company?.company.name).toBe('Harbor Hotel Group');
    expect(company?.location.name).toBe('Boston Seaport');
    expect(company?.company.id).toMatch(/^gid:\/\/shopify\/Company\/\d+$/);
  });
});

describe('thank-you page API edge cases', () => {
  it('gives JPY amounts in whole yen: 120000 subunits is 1200', () => {
    const {
      store: copy,
      order,
      customer,
    } = storeWithOrder('1003', (changed) => {
      changed.currency = 'JPY';
      changed.total_price = 120000;
    });
    expect(thankYouApi(copy, order, customer).cost.totalAmount).toEqual({ amount: 1200, currencyCode: 'JPY' });
  });

  it('refuses a locale the shop does not publish', () => {
    const { order, customer } = orderNamed('1003');
    expect(() => thankYouApi(store, order, customer, { locale: 'de' })).toThrow('unknown locale "de"; the shop publishes en, fr');
  });

  it('names the JSON path of a currency that is not an ISO code', () => {
    const {
      store: copy,
      order,
      customer,
    } = storeWithOrder('1003', (changed) => {
      changed.currency = 'dollars';
    });
    expect(() => thankYouApi(copy, order, customer)).toThrow('customers[2].orders[2].currency: "dollars" is not an ISO 4217 currency code');
  });
});

describe('thank-you page API: how the buyer pays and receives the order', () => {
  it('a card payment shipped by carrier: one group for the two shipped lines, shipping at $5.95', () => {
    const { selectedPaymentOptions, deliveryGroups } = api('#1001');
    expect(selectedPaymentOptions).toEqual([{ type: 'creditCard', handle: 'payment' }]);
    expect(deliveryGroups).toHaveLength(1);
    expect(deliveryGroups[0].targetedCartLines).toHaveLength(2);
    expect(deliveryGroups[0].deliveryOptions[0]).toMatchObject({ type: 'shipping', cost: usd(5.95) });
  });

  it('a digital-only order has no delivery group', () => {
    expect(api('#1009').deliveryGroups).toEqual([]);
  });

  it('a pickup order names the location the buyer collects from', () => {
    expect(api('#1010').deliveryGroups[0].deliveryOptions[0]).toMatchObject({ type: 'pickup', location: { name: 'Brooklyn studio' } });
  });

  it('Net 30 terms are a deferred payment', () => {
    expect(api('#1014').selectedPaymentOptions).toEqual([{ type: 'deferred', handle: 'terms' }]);
  });
});

describe('thank-you page API: the payment as checkout recorded it, by kind and status rather than time', () => {
  /** An order of any bundled store, with the thank-you API for it. */
  const bundled = (name: string) => {
    const found = findBundledStore({ order: name })!;
    const { order, customer } = findOrder(found.store, name)!;
    return { order, api: thankYouApi(found.store, order, customer) };
  };
  const kinds = (order: Parameters<typeof orderAtPlacement>[0]) =>
    orderAtPlacement(order).transactions.map((transaction) => `${transaction.kind}:${transaction.status}`);

  it("#2001: the card sale recorded 4 minutes after the order is still the checkout's payment", () => {
    const { order, api } = bundled('2001');
    expect(Date.parse(order.transactions[0].created_at) - Date.parse(order.processed_at)).toBe(240_000);
    expect(kinds(order)).toEqual(['sale:success']);
    expect(api.selectedPaymentOptions).toEqual([{ type: 'creditCard', handle: 'payment' }]);
    expect(api.settings).toEqual({ cards_charged_later: false });
  });

  it('#3001 (iDEAL), #2002 (MobilePay), #4001 (Vipps), #5003 (PromptPay): paid offsite at checkout, minutes later', () => {
    for (const name of ['3001', '2002', '4001', '5003']) {
      const { order, api } = bundled(name);
      expect(kinds(order)).toEqual(['sale:success']);
      expect(api.selectedPaymentOptions).toEqual([{ type: 'offsite', handle: 'payment' }]);
    }
  });

  it('#2004 (bank transfer), #5002 (cash on delivery), #7002 (konbini): left pending, a manual payment', () => {
    for (const name of ['2004', '5002', '7002']) {
      const { order, api } = bundled(name);
      expect(kinds(order)).toEqual(['sale:pending']);
      expect(api.selectedPaymentOptions).toEqual([{ type: 'manualPayment', handle: 'manual' }]);
    }
  });

  it("#1003: authorized at checkout; the next morning's capture came after the page", () => {
    const { order, api } = bundled('1003');
    expect(order.transactions.map((transaction) => transaction.kind)).toEqual(['authorization', 'capture']);
    expect(kinds(order)).toEqual(['authorization:success']);
    expect(api.selectedPaymentOptions).toEqual([{ type: 'creditCard', handle: 'payment' }]);
  });

  it('a card authorized at checkout means the merchant charges cards later: #1008 and #1003 say so in the settings, #1001 does not', () => {
    expect(bundled('1008').api.settings).toEqual({ cards_charged_later: true });
    expect(bundled('1003').api.settings).toEqual({ cards_charged_later: true });
    expect(bundled('1001').api.settings).toEqual({ cards_charged_later: false });
  });

  it('#1006 and #1007: refunds come after the page; the sale stays', () => {
    expect(kinds(bundled('1006').order)).toEqual(['sale:success']);
    expect(kinds(bundled('1007').order)).toEqual(['sale:success']);
  });

  it('#1002: the merchant marking the bank deposit paid two days later is not part of the checkout', () => {
    const {
      order,
      customer,
      store: copy,
    } = storeWithOrder('1002', (changed) => {
      changed.transactions.push({ ...changed.transactions[0], id: 60299, status: 'success', created_at: '2026-03-18T10:00:00-04:00' });
    });
    expect(kinds(order)).toEqual(['sale:pending']);
    expect(thankYouApi(copy, order, customer).selectedPaymentOptions).toEqual([{ type: 'manualPayment', handle: 'manual' }]);
  });

  it('#1014: the Net 30 invoice paid later is not a checkout payment; the terms stay deferred', () => {
    const {
      order,
      customer,
      store: copy,
    } = storeWithOrder('1014', (changed) => {
      changed.transactions.push({
        id: 61499,
        kind: 'sale',
        status: 'success',
        gateway: 'manual',
        amount: changed.total_price,
        created_at: '2026-03-02T09:00:00-05:00',
        card: null,
      });
    });
    expect(kinds(order)).toEqual([]);
    expect(thankYouApi(copy, order, customer).selectedPaymentOptions).toEqual([{ type: 'deferred', handle: 'terms' }]);
  });

  it('reads transactions by time, whatever their order in the fixture: a capture listed first is still later', () => {
    const { order } = storeWithOrder('1003', (changed) => changed.transactions.reverse());
    expect(kinds(order)).toEqual(['authorization:success']);
  });

  it('#1011: the hold placed on the order later is not on the page, and nothing fulfilled, refunded or cancelled is', () => {
    const placed = orderAtPlacement(bundled('1011').order);
    expect(placed.fulfillment_hold).toBeNull();
    expect([placed.fulfillments, placed.refunds, placed.cancelled_at]).toEqual([[], [], null]);
  });
});
