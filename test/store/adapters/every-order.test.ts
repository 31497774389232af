import { describe, expect, it } from 'vitest';
import { customerAccountCustomer, customerAccountOrder, postPurchaseInput, thankYouApi } from '@encore/fixtures/adapters/index.ts';
import { decimalAmount } from '@encore/fixtures/adapters/money.ts';
import { store } from './orders.ts';

const everyOrder = store.customers.flatMap((customer) => customer.orders.map((order) => ({ customer, order })));

describe('every order of every customer in the default store', () => {
  it('covers all customers and their orders', () => {
    expect(everyOrder.length).toBe(store.customers.reduce((total, customer) => total + customer.orders.length, 0));
    expect(everyOrder.length).toBeGreaterThan(50);
  });

  it.each(everyOrder.map(({ customer, order }) => [order.name, customer.handle, customer, order] as const))(
    '%s (%s) adapts to all three surfaces with the same total',
    (_name, _handle, customer, order) => {
      const total = decimalAmount(order.total_price, order.currency);
      const account = customerAccountOrder(store, order, customer);
      expect(account.totalPrice.amount).toBe(total);
      expect(account.lineItems.nodes).toHaveLength(order.line_items.length);
      expect(account.fulfillments.nodes).toHaveLength(order.fulfillments.length);

      const thankYou = thankYouApi(store, order, customer);
      expect(thankYou.cost.totalAmount.amount).toBe(Number(total));
      expect(thankYou.lines).toHaveLength(order.line_items.length);

      const input = postPurchaseInput(store, order, customer);
      expect(input.initialPurchase.totalPriceSet.shopMoney.amount).toBe(total);
      expect(input.initialPurchase.lineItems).toHaveLength(order.line_items.length);
    },
  );

  it.each(store.customers.map((customer) => [customer.handle, customer] as const))('customer %s adapts with every order', (_handle, customer) => {
    expect(customerAccountCustomer(store, customer).orders.nodes).toHaveLength(customer.orders.length);
  });
});
