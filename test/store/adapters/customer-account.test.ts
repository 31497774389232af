import { describe, expect, it } from 'vitest';
import { customerAccountCustomer, customerAccountOrder } from '@encore/fixtures/adapters/customer-account.ts';
import { orderNamed, store, storeWithOrder } from './orders.ts';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
const adapt = (name: string) => {
  const { order, customer } = orderNamed(name);
  return customerAccountOrder(store, order, customer);
};

describe("Customer Account API order: casey's #1003, two shipments and an unfulfilled diffuser", () => {
  const order = adapt('1003');

  it('is named by gid, name, number and confirmation number', () => {
    expect(order.id).toBe('gid://shopify/Order/6003');
    expect(order.name).toBe('#1003');
    expect(order.number).toBe(1003);
    expect(order.confirmationNumber).toBe('EW1003QX');
    expect(order.processedAt).toBe('2026-03-03T13:05:00-05:00');
    expect(order.statusPageUrl).toBe('https://ember-and-wick.example/account/orders/1003');
  });

  it('is paid and partly fulfilled', () => {
    expect(order.financialStatus).toBe('PAID');
    expect(order.fulfillmentStatus).toBe('PARTIALLY_FULFILLED');
    expect(order.paymentInformation?.paymentStatus).toBe('PAID');
    expect(order.paymentInformation?.totalPaidAmount).toEqual(usd('117.59'));
    expect(order.paymentInformation?.totalOutstandingAmount).toEqual(usd('0.00'));
  });

  // 2 × 24.00 + 18.00 + 42.00 = 108.00; shipping 5.95 taken off by the free-shipping discount; tax 9.59; 108.00 + 9.59 = 117.59.
  it('has totals that add up', () => {
    expect(order.subtotal).toEqual(usd('108.00'));
    expect(order.totalShipping).toEqual(usd('5.95'));
    expect(order.totalDiscountedShipping).toEqual(usd('0.00'));
    expect(order.totalTax).toEqual(usd('9.59'));
    expect(order.totalPrice).toEqual(usd('117.59'));
    expect(order.totalRefunded).toEqual(usd('0.00'));
    expect(order.totalDuties).toBeNull();
    expect(order.shippingLine).toEqual({ title: 'Standard', handle: null, originalPrice: usd('5.95') });
  });

  it('shows the free-shipping discount as an automatic application on the shipping line', () => {
    expect(order.discountApplications.nodes).toEqual([
      {
        __typename: 'AutomaticDiscountApplication',
        title: 'Free shipping over $100',
        allocationMethod: 'ACROSS',
        targetSelection: 'ALL',
        targetType: 'SHIPPING_LINE',
        value: { percentage: 100 },
      },
    ]);
    expect(order.shippingDiscountAllocations.map((allocation) => allocation.allocatedAmount)).toEqual([usd('5.95')]);
  });

  it('lists the three line items with catalog details', () => {
    const [cedar, trimmer, diffuser] = order.lineItems.nodes;
    expect(order.lineItems.nodes).toHaveLength(3);
    expect(cedar).toMatchObject({
      id: 'gid://shopify/LineItem/60031',
      name: 'Cedar Candle - 8 oz',
      title: 'Cedar Candle',
      variantTitle: '8 oz',
      quantity: 2,
      price: usd('24.00'),
      totalPrice: usd('48.00'),
      sku: 'CED-08',
      vendor: 'Ember & Wick',
      productId: 'gid://shopify/Product/7002',
      variantId: 'gid://shopify/ProductVariant/4003',
      variantOptions: [{ name: 'Size', value: '8 oz' }],
      requiresShipping: true,
    });
    expect(cedar.image?.url).toBe('https://ember-and-wick.example/cdn/shop/files/cedar-candle.jpg');
    // A product without options has no variant title.
    expect(trimmer).toMatchObject({ name: 'Wick Trimmer', variantTitle: null, variantOptions: null, price: usd('18.00') });
    expect(diffuser).toMatchObject({ id: 'gid://shopify/LineItem/60033', name: 'Reed Diffuser - Amber', totalPrice: usd('42.00') });
    expect(order.lineItemsSummary?.totalQuantityOfLineItems).toBe(4);
  });

  it('has the delivered UPS shipment with its tracking and carrier events', () => {
    const ups = order.fulfillments.nodes[0];
    expect(ups.id).toBe('gid://shopify/Fulfillment/60351');
    expect(ups.status).toBe('SUCCESS');
    expect(ups.latestShipmentStatus).toBe('DELIVERED');
    expect(ups.trackingInformation).toEqual([{ company: 'UPS', number: '1Z999AA10123456784', url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' }]);
    expect(ups.events.nodes.map((event) => event.status)).toEqual(['LABEL_PRINTED', 'IN_TRANSIT', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']);
    expect(ups.events.nodes.at(-1)).toEqual({
      id: 'gid://shopify/FulfillmentEvent/6035105',
      happenedAt: '2026-03-05T14:32:00-05:00',
      status: 'DELIVERED',
    });
    expect(ups.updatedAt).toBe('2026-03-05T14:32:00-05:00');
  });

  it('has the USPS shipment still in transit after a delay', () => {
    const usps = order.fulfillments.nodes[1];
    expect(usps.latestShipmentStatus).toBe('IN_TRANSIT');
    expect(usps.trackingInformation).toEqual([
      { company: 'USPS', number: '9400111899223197428490', url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490' },
    ]);
    expect(usps.events.nodes.map((event) => event.status)).toEqual(['LABEL_PRINTED', 'IN_TRANSIT', 'DELAYED', 'IN_TRANSIT']);
    expect(order.updatedAt).toBe('2026-03-18T22:15:00-04:00');
  });

  it('puts both cedar candles in the first shipment, the trimmer in the second and the diffuser in none', () => {
    const shipped = new Map<string, number>();
    for (const fulfillment of order.fulfillments.nodes) {
      for (const entry of fulfillment.fulfillmentLineItems.nodes) {
        shipped.set(entry.lineItem.id, (shipped.get(entry.lineItem.id) ?? 0) + (entry.quantity ?? 0));
      }
    }
    expect(Object.fromEntries(shipped)).toEqual({ 'gid://shopify/LineItem/60031': 2, 'gid://shopify/LineItem/60032': 1 });
    expect(order.fulfillments.nodes[0].fulfillmentLineItems.nodes[0]).toMatchObject({ id: 'gid://shopify/FulfillmentLineItem/6035101', quantity: 2 });
    // The fulfillment's line item is the order's line item itself.
    expect(order.fulfillments.nodes[1].fulfillmentLineItems.nodes[0].lineItem).toBe(order.lineItems.nodes[1]);
  });

  it('has the shipping address with country name and formatted lines', () => {
    expect(order.shippingAddress).toMatchObject({
      id: 'gid://shopify/CustomerAddress/6003?role=shipping',
      name: 'Casey Rivera',
      address1: '123 Bedford Ave',
      address2: 'Apt 4B',
      zoneCode: 'NY',
      territoryCode: 'US',
      country: 'United States',
      formatted: ['123 Bedford Ave', 'Apt 4B', 'Brooklyn NY 11211', 'United States'],
      formattedArea: 'Brooklyn, New York, United States',
    });
  });

  it('offers edges with cursors as well as nodes', () => {
    expect(order.lineItems.edges.map((edge) => edge.node)).toEqual(order.lineItems.nodes);
    expect(order.lineItems.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false, startCursor: order.lineItems.edges[0].cursor });
  });
});

describe('Customer Account API order: #1007, delivered then the snuffer refunded', () => {
  const order = adapt('1007');

  it('is partially refunded by 17.42 of 106.12', () => {
    expect(order.financialStatus).toBe('PARTIALLY_REFUNDED');
    expect(order.totalPrice).toEqual(usd('106.12'));
    expect(order.totalRefunded).toEqual(usd('17.42'));
    expect(order.refunds).toEqual([
      {
        id: 'gid://shopify/Refund/60761',
        createdAt: '2026-02-27T12:00:00-05:00',
        updatedAt: '2026-02-27T12:00:00-05:00',
        totalRefunded: usd('17.42'),
        returnName: null,
      },
    ]);
    expect(order.paymentInformation?.totalPaidAmount).toEqual(usd('106.12'));
  });

  it('lists the card sale and the refund', () => {
    expect(
      order.transactions.map((transaction) => [transaction.kind, transaction.status, transaction.type, transaction.transactionAmount.shopMoney.amount]),
    ).toEqual([
      ['SALE', 'SUCCESS', 'CARD', '106.12'],
      ['REFUND', 'SUCCESS', 'CARD', '17.42'],
    ]);
    expect(order.transactions[0].paymentDetails).toEqual({ cardBrand: 'Visa', last4: '4242' });
    expect(order.transactions[0].id).toBe('gid://shopify/OrderTransaction/60701');
  });

  it('leaves nothing refundable on the snuffer and both candles refundable', () => {
    const [candles, snuffer] = order.lineItems.nodes;
    expect(candles.refundableQuantity).toBe(2);
    expect(snuffer.refundableQuantity).toBe(0);
    // The snuffer had shipped, so it is still counted on the order.
    expect(snuffer.currentTotalPrice).toEqual(usd('16.00'));
  });

  it('is fulfilled in one shipment with two UPS packages', () => {
    expect(order.fulfillmentStatus).toBe('FULFILLED');
    expect(order.fulfillments.nodes).toHaveLength(1);
    expect(order.fulfillments.nodes[0].trackingInformation.map((tracking) => tracking.number)).toEqual(['1Z999AA10123456800', '1Z999AA10123456819']);
    expect(order.fulfillments.nodes[0].fulfillmentLineItems.nodes.map((entry) => entry.quantity)).toEqual([2, 1]);
  });
});

describe('Customer Account API order: #1002, bank deposit not received', () => {
  const order = adapt('1002');

  it('is pending, with everything still outstanding', () => {
    expect(order.financialStatus).toBe('PENDING');
    expect(order.paymentInformation).toMatchObject({
      paymentStatus: 'PENDING',
      paymentTerms: null,
      totalPaidAmount: usd('0.00'),
      totalOutstandingAmount: usd('60.82'),
    });
    expect(order.transactions.map((transaction) => [transaction.kind, transaction.status, transaction.type])).toEqual([['SALE', 'PENDING', 'MANUAL']]);
    expect(order.transactions[0].paymentDetails).toBeNull();
    expect(order.transactions[0].giftCardDetails).toBeNull();
  });

  it('a gift card payment gives its last characters and what it had left, and no card', () => {
    const {
      store: copy,
      order: changed,
      customer,
    } = storeWithOrder('1002', (fixture) => {
      fixture.transactions = [{ ...fixture.transactions[0]!, status: 'success', gateway: 'gift_card', gift_card: { last_characters: 'X9QZ', balance: 1250 } }];
    });
    const [payment] = customerAccountOrder(copy, changed, customer).transactions;
    expect([payment!.type, payment!.paymentDetails, payment!.giftCardDetails]).toEqual(['GIFT_CARD', null, { last4: 'X9QZ', balance: usd('12.50') }]);
  });

  it('is unfulfilled, with no fulfillments', () => {
    expect(order.fulfillmentStatus).toBe('UNFULFILLED');
    expect(order.fulfillments.nodes).toEqual([]);
  });

  // 2 × 28.00 = 56.00, less WELCOME10 (5.60) = 50.40; + 5.95 shipping + 4.47 tax = 60.82.
  it('shows WELCOME10 as an order-level code discount spread onto the line', () => {
    expect(order.discountApplications.nodes[0]).toEqual({
      __typename: 'DiscountCodeApplication',
      code: 'WELCOME10',
      allocationMethod: 'ACROSS',
      targetSelection: 'ALL',
      targetType: 'LINE_ITEM',
      value: { percentage: 10 },
    });
    const line = order.lineItems.nodes[0];
    expect(line.discountAllocations.map((allocation) => allocation.allocatedAmount)).toEqual([usd('5.60')]);
    expect(line.totalDiscount).toEqual(usd('0.00'));
    expect(order.discountInformation).toEqual({ totalDiscounts: usd('5.60'), totalOrderLevelAppliedDiscounts: usd('5.60') });
    expect(order.subtotal).toEqual(usd('50.40'));
    expect(order.totalPrice).toEqual(usd('60.82'));
  });
});

describe('Customer Account API order: other situations in the default store', () => {
  it('#1014 on Net 30, due 2026-03-07 and unpaid on the shop clock of 2026-03-19, is overdue', () => {
    const order = adapt('1014');
    expect(order.poNumber).toBe('PO-2026-0142');
    expect(order.paymentInformation?.paymentTerms).toMatchObject({
      id: 'gid://shopify/PaymentTerms/6014',
      paymentTermsName: 'Net 30',
      paymentTermsType: 'NET',
      nextDueAt: '2026-03-07T10:00:00-05:00',
      overdue: true,
    });
    expect(order.paymentInformation?.totalOutstandingAmount).toEqual(usd('457.00'));
  });

  it('is not overdue once the terms are paid, nor before the due date', () => {
    const paid = storeWithOrder('1014', (changed) => {
      changed.transactions.push({
        id: 99_001,
        kind: 'sale',
        status: 'success',
        gateway: 'manual',
        amount: changed.total_price,
        created_at: '2026-03-18T10:00:00-04:00',
        card: null,
      });
    });
    expect(customerAccountOrder(paid.store, paid.order, paid.customer).paymentInformation?.paymentTerms?.overdue).toBe(false);
    const early = storeWithOrder('1014', (changed) => {
      changed.payment_terms = { ...changed.payment_terms!, due_at: '2026-04-06T00:00:00-04:00' };
    });
    expect(customerAccountOrder(early.store, early.order, early.customer).paymentInformation?.paymentTerms?.overdue).toBe(false);
  });

  it('#1010 waits at the Brooklyn studio: ready for pickup', () => {
    const order = adapt('1010');
    expect(order.fulfillmentStatus).toBe('READY_FOR_PICKUP');
    expect(order.pickupInformation).toEqual({
      address: { address1: '140 Kent Ave', address2: null, city: 'Brooklyn', countryCode: 'US', phone: '+17185550100', zip: '11249', zoneCode: 'NY' },
      status: 'OPEN',
      createdAt: '2026-03-17T19:05:00-04:00',
      updatedAt: '2026-03-18T16:00:00-04:00',
    });
  });

  it('#1011 is on hold', () => {
    expect(adapt('1011').fulfillmentStatus).toBe('ON_HOLD');
  });

  it('#1012 charged 2.73 of import duties', () => {
    const order = adapt('1012');
    expect(order.totalDuties).toEqual(usd('2.73'));
    expect(order.totalPrice).toEqual(usd('147.46'));
  });

  it('#1009 is digital only: nothing requires shipping', () => {
    const order = adapt('1009');
    expect(order.requiresShipping).toBe(false);
    expect(order.fulfillments.nodes[0]).toMatchObject({ requiresShipping: false, latestShipmentStatus: null, trackingInformation: [] });
    expect(order.lineItems.nodes.map((line) => line.giftCard)).toEqual([false, true]);
  });

  it('#1006, cancelled by the customer and restocked, reads UNFULFILLED (RESTOCKED is documented as replaced)', () => {
    const order = adapt('1006');
    expect(order.cancelReason).toBe('CUSTOMER');
    expect(order.cancelledAt).not.toBeNull();
    expect(order.financialStatus).toBe('REFUNDED');
    expect(order.fulfillmentStatus).toBe('UNFULFILLED');
  });

  it('#1005 keeps its cancelled shipment, marked CANCELLED, while the items are unfulfilled again', () => {
    const order = adapt('1005');
    expect(order.fulfillments.nodes.map((fulfillment) => fulfillment.status)).toEqual(['CANCELLED']);
    expect(order.fulfillmentStatus).toBe('UNFULFILLED');
  });

  it('prints a JPY total of 120000 subunits as "1200"', () => {
    const {
      store: copy,
      order,
      customer,
    } = storeWithOrder('1003', (changed) => {
      changed.currency = 'JPY';
      changed.total_price = 120000;
    });
    expect(customerAccountOrder(copy, order, customer).totalPrice).toEqual({ amount: '1200', currencyCode: 'JPY' });
  });
});

describe('Customer Account API customer', () => {
  const casey = store.customers.find((customer) => customer.handle === 'casey')!;
  const customer = customerAccountCustomer(store, casey);

  it('has names, email, phone and the default address', () => {
    expect(customer).toMatchObject({
      id: 'gid://shopify/Customer/9003',
      firstName: 'Casey',
      lastName: 'Rivera',
      displayName: 'Casey Rivera',
      emailAddress: { emailAddress: 'casey.rivera@example.com', marketingState: 'SUBSCRIBED' },
      phoneNumber: { phoneNumber: '+17185550123' },
    });
    expect(customer.defaultAddress).toMatchObject({ id: 'gid://shopify/CustomerAddress/9301', address1: '123 Bedford Ave', zip: '11211' });
    expect(customer.addresses.nodes.map((address) => address.company)).toEqual([null, 'Rivera Studio']);
  });

  it('lists the orders newest first', () => {
    expect(customer.orders.nodes.map((order) => order.name)).toEqual(['#1001', '#1002', '#1006', '#1005', '#1003', '#1007', '#1004']);
  });
});

describe('Customer Account API errors', () => {
  it("refuses an order that is not the customer's", () => {
    const { order } = orderNamed('1003');
    const riley = store.customers.find((customer) => customer.handle === 'riley')!;
    expect(() => customerAccountOrder(store, order, riley)).toThrow('order #1003 (id 6003) does not belong to customer "riley"');
  });

  it('names the JSON path of a line item whose variant is not in the catalog', () => {
    const {
      store: copy,
      order,
      customer,
    } = storeWithOrder('1003', (changed) => {
      changed.line_items[1].variant_id = 999;
    });
    expect(() => customerAccountOrder(copy, order, customer)).toThrow('customers[2].orders[2].line_items[1].variant_id: variant 999 is not in the catalog');
  });

  it('names the JSON path of a shipment listing a line item the order does not have', () => {
    const {
      store: copy,
      order,
      customer,
    } = storeWithOrder('1003', (changed) => {
      changed.fulfillments[1].line_items[0].line_item = 1;
    });
    expect(() => customerAccountOrder(copy, order, customer)).toThrow(
      'customers[2].orders[2].fulfillments[1].line_items[0].line_item: no line item 1 on order #1003',
    );
  });
});
