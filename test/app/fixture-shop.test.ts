/**
 * The offline stand-in for the Admin API (tools/fixtures/src/offers/fixture-shop.ts): who bought, and how many orders they
 * had placed before this purchase, found by the purchase's referenceId, a studio visit's included.
 */
import { describe, expect, it } from 'vitest';
import { fixtureShop, studioVisitReference } from '@encore/fixtures/offers/fixture-shop.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import { findOrder } from '@encore/fixtures/names.ts';

const store = loadStore();
const shop = fixtureShop(store);

describe('fixtureShop.customer', () => {
  // loyal-customer's #1101 is their first order; #1145 their 45th.
  const reference = (name: string) => {
    const { order } = findOrder(store, name)!;
    return order.token ?? String(order.id);
  };
  const loyal = String(store.customers.find((customer) => customer.handle === 'loyal-customer')!.id);

  it('counts the orders placed before the purchase', async () => {
    expect((await shop.customer(loyal, reference('1101')))?.orderCount).toBe(0);
    expect((await shop.customer(loyal, reference('1145')))?.orderCount).toBe(44);
  });

  it("reads a studio visit's referenceId as its order's", async () => {
    expect((await shop.customer(loyal, studioVisitReference(reference('1101'), 7)))?.orderCount).toBe(0);
    expect(studioVisitReference('abc', 7)).toBe('abc~studio-visit-7');
  });

  it('knows no customer for a guest checkout or an unknown id', async () => {
    expect(await shop.customer(null, reference('1101'))).toBeNull();
    expect(await shop.customer('0', reference('1101'))).toBeNull();
  });
});
