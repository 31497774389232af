import { describe, expect, it } from 'vitest';
import { answer } from './support/graphql.ts';

const root = {
  order: {
    __typename: 'Order',
    name: '#1001',
    totalPrice: { amount: '84.0', currencyCode: 'USD' },
    fulfillments: { nodes: [{ status: 'SUCCESS', trackingInformation: [{ number: '1Z999', url: null }] }, { status: 'CANCELLED', trackingInformation: [] }] },
  },
};

describe('the stand-in GraphQL server', () => {
  it('returns only the selected fields, under their aliases, with connections cut by first', () => {
    const query = `query Order($id: ID!) { order(id: $id) { title: name totalPrice { amount } fulfillments(first: 1) { nodes { status trackingInformation { number } } } } }`;
    expect(answer(query, root, { id: 'gid://shopify/Order/1' })).toEqual({
      data: { order: { title: '#1001', totalPrice: { amount: '84.0' }, fulfillments: { nodes: [{ status: 'SUCCESS', trackingInformation: [{ number: '1Z999' }] }] } } },
    });
  });

  it('applies fragments whose type matches', () => {
    const query = `{ order { ...Parts ... on Fulfillment { status } } } fragment Parts on Order { name }`;
    expect(answer(query, root)).toEqual({ data: { order: { name: '#1001' } } });
  });

  it('refuses a field the test data lacks, naming it', () => {
    expect(() => answer('{ order { nope } }', root)).toThrow('the test data has no field "nope"');
  });
});
