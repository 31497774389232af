import { describe, expect, it } from 'vitest';
import { ORDER_HISTORY_LIMIT, ORDER_HISTORY_QUERY, ORDER_STATUS_QUERY } from '@encore/shopify-apis/customer-account/queries.ts';
import { requestedCost } from './support/graphql.ts';

/** Shopify's documented ceiling for one GraphQL query's requested cost. */
const MAX_QUERY_COST = 1000;

describe('what each Customer Account document asks Shopify to pay', () => {
  it('the cost rule: 2 + first × one node for a connection, 1 for an object, 0 for a scalar', () => {
    // order 1 + totalPrice 1 + lineItems (2 + 3 × (node 1 + image 1))
    expect(requestedCost('{ order { totalPrice { amount } lineItems(first: 3) { nodes { id image { url } } } } }')).toBe(1 + 1 + 2 + 3 * 2);
  });

  it('one order, with its lines, fulfillments, events and payment, stays within 1,000 points', () => {
    expect(requestedCost(ORDER_STATUS_QUERY, { id: 'gid://shopify/Order/1' })).toBeLessThanOrEqual(MAX_QUERY_COST);
  });

  it(`the newest ${ORDER_HISTORY_LIMIT} orders of the history stay within 1,000 points`, () => {
    expect(requestedCost(ORDER_HISTORY_QUERY, { first: ORDER_HISTORY_LIMIT })).toBeLessThanOrEqual(MAX_QUERY_COST);
  });
});
