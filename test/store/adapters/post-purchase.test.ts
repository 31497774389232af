import { describe, expect, it } from 'vitest';
import { POST_PURCHASE_TOKEN_PLACEHOLDER, postPurchaseInput } from '@encore/fixtures/adapters/post-purchase.ts';
import { orderNamed, store, storeWithOrder } from './orders.ts';

const bag = (amount: string, currencyCode = 'USD') => ({ shopMoney: { amount, currencyCode }, presentmentMoney: { amount, currencyCode } });
const input = (name: string, options = {}) => {
  const { order, customer } = orderNamed(name);
  return postPurchaseInput(store, order, customer, options);
};

describe("post-purchase inputData for casey's #1003", () => {
  const data = input('1003');

  it('is for the Render extension point, in the shop language, with the placeholder token', () => {
    expect(data.extensionPoint).toBe('Checkout::PostPurchase::Render');
    expect(data.locale).toBe('en');
    expect(data.version).toBe('unstable');
    expect(data.token).toBe(POST_PURCHASE_TOKEN_PLACEHOLDER);
    expect(data.token).toBe('encore-unsigned-input-token');
  });

  it('describes the purchase with the ids and totals of the order', () => {
    expect(data.initialPurchase.referenceId).toBe('6003');
    expect(data.initialPurchase.customerId).toBe('9003');
    expect(data.initialPurchase.destinationCountryCode).toBe('US');
    expect(data.initialPurchase.totalPriceSet).toEqual(bag('117.59'));
  });

  it('lists the lines with numeric product and variant ids', () => {
    expect(data.initialPurchase.lineItems).toEqual([
      {
        product: { id: 7002, title: 'Cedar Candle', variant: { id: 4003, title: '8 oz', metafields: [] }, metafields: [] },
        quantity: 2,
        totalPriceSet: bag('48.00'),
      },
      {
        product: { id: 7004, title: 'Wick Trimmer', variant: { id: 4006, title: 'Default Title', metafields: [] }, metafields: [] },
        quantity: 1,
        totalPriceSet: bag('18.00'),
      },
      {
        product: { id: 7007, title: 'Reed Diffuser', variant: { id: 4009, title: 'Amber', metafields: [] }, metafields: [] },
        quantity: 1,
        totalPriceSet: bag('42.00'),
      },
    ]);
  });

  it('names the shop by number and myshopify domain', () => {
    expect(data.shop).toEqual({ id: 60000001, domain: 'ember-and-wick.myshopify.com', metafields: [] });
  });
});

describe('post-purchase inputData options and edge cases', () => {
  it('can feed ShouldRender, in French', () => {
    const data = input('1001', { extensionPoint: 'Checkout::PostPurchase::ShouldRender', locale: 'fr' });
    expect(data.extensionPoint).toBe('Checkout::PostPurchase::ShouldRender');
    expect(data.locale).toBe('fr');
    expect(data.initialPurchase.totalPriceSet).toEqual(bag('53.86'));
  });

  it('passes only the product metafields the extension asks for, integers as numbers', () => {
    const data = input('1007', {
      metafields: [
        { namespace: 'encore', key: 'replenish_days' },
        { namespace: 'encore', key: 'replenishable' },
      ],
    });
    expect(data.initialPurchase.lineItems[0].product.metafields).toEqual([
      { namespace: 'encore', key: 'replenishable', value: 'true', valueType: 'json_string' },
      { namespace: 'encore', key: 'replenish_days', value: 45, valueType: 'integer' },
    ]);
    // The snuffer has no metafields.
    expect(data.initialPurchase.lineItems[1].product.metafields).toEqual([]);
    expect(input('1007').initialPurchase.lineItems[0].product.metafields).toEqual([]);
  });

  it('carries the selling plan of a subscription line (#1013 refill oil)', () => {
    expect(input('1013').initialPurchase.lineItems[1]).toMatchObject({ quantity: 1, sellingPlanId: 5101 });
    expect(input('1013').initialPurchase.lineItems[0]).not.toHaveProperty('sellingPlanId');
  });

  it('uses the order token as the reference when the order has one', () => {
    const {
      store: copy,
      order,
      customer,
    } = storeWithOrder('1003', (changed) => {
      changed.token = 'b6f2c1e0a9';
    });
    expect(postPurchaseInput(copy, order, customer).initialPurchase.referenceId).toBe('b6f2c1e0a9');
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
    expect(postPurchaseInput(copy, order, customer).initialPurchase.totalPriceSet).toEqual(bag('1200', 'JPY'));
  });

  it('leaves out the destination when nothing ships to an address', () => {
    const {
      store: copy,
      order,
      customer,
    } = storeWithOrder('1009', (changed) => {
      changed.shipping_address = null;
    });
    expect(postPurchaseInput(copy, order, customer).initialPurchase).not.toHaveProperty('destinationCountryCode');
  });

  it("refuses an order that is not the customer's", () => {
    const { order } = orderNamed('1003');
    const riley = store.customers.find((customer) => customer.handle === 'riley')!;
    expect(() => postPurchaseInput(store, order, riley)).toThrow('does not belong to customer "riley"');
  });
});
