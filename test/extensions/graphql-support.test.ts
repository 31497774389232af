import { describe, expect, it } from 'vitest';
import { answer } from './support/graphql.ts';

const root = {
  order: {
    name: '#1001',
    totalPrice: { amount: '84.0', currencyCode: 'USD' },
    fulfillments: {
      nodes: [
        { status: 'SUCCESS', trackingInformation: [{ number: '1Z999', url: null }] },
        { status: 'CANCELLED', trackingInformation: [] },
      ],
    },
    purchasingEntity: { __typename: 'PurchasingCompany', company: { name: 'Acme' }, location: { name: 'Depot' } },
  },
};

describe('the stand-in GraphQL server (Customer Account API schema)', () => {
  it('returns only the selected fields, under their aliases, with connections cut by first', () => {
    const query = `query Order($id: ID!) { order(id: $id) { title: name totalPrice { amount } fulfillments(first: 1) { nodes { status trackingInformation { number } } } } }`;
    expect(answer('customer-account', query, root, { id: 'gid://shopify/Order/1' })).toEqual({
      data: {
        order: { title: '#1001', totalPrice: { amount: '84.0' }, fulfillments: { nodes: [{ status: 'SUCCESS', trackingInformation: [{ number: '1Z999' }] }] } },
      },
    });
  });

  it('applies fragments, and resolves a union member from __typename', () => {
    const query = `query Order($id: ID!) { order(id: $id) { ...Parts purchasingEntity { __typename ... on PurchasingCompany { company { name } } } } } fragment Parts on Order { name }`;
    expect(answer('customer-account', query, root, { id: 'gid://shopify/Order/1' })).toEqual({
      data: { order: { name: '#1001', purchasingEntity: { __typename: 'PurchasingCompany', company: { name: 'Acme' } } } },
    });
  });

  it('refuses a misspelled field with the validation message, its location and no data', () => {
    const query = `query Order($id: ID!) {\n  order(id: $id) { nmae }\n}`;
    expect(answer('customer-account', query, root, { id: 'gid://shopify/Order/1' })).toEqual({
      errors: [{ message: 'Cannot query field "nmae" on type "Order". Did you mean "name" or "note"?', locations: [{ line: 2, column: 20 }] }],
    });
  });

  it('refuses an argument the schema lacks and a missing required variable', () => {
    const unknownArgument = answer('customer-account', 'query Order($id: ID!) { order(id: $id, handle: "x") { name } }', root, { id: 'gid://shopify/Order/1' });
    expect(unknownArgument.errors?.map((error) => error.message)).toEqual(['Unknown argument "handle" on field "QueryRoot.order".']);
    const missing = answer('customer-account', 'query Order($id: ID!) { order(id: $id) { name } }', root);
    expect(missing.errors?.map((error) => error.message)).toEqual([
      'Variable "$id" has invalid value: Expected a value of non-null type "ID!" to be provided.',
    ]);
  });

  it('answers a field the stand-in data lacks as an error at its path', () => {
    const query = `query Order($id: ID!) { order(id: $id) { name poNumber } }`;
    expect(answer('customer-account', query, root, { id: 'gid://shopify/Order/1' })).toEqual({
      data: { order: { name: '#1001', poNumber: null } },
      errors: [{ message: `the stand-in's Order has no field "poNumber"`, locations: [{ line: 1, column: 47 }], path: ['order', 'poNumber'] }],
    });
  });

  it('holds each API to its own schema: the Storefront API has no order(id:) at its root', () => {
    const result = answer('storefront', 'query Order($id: ID!) { order(id: $id) { name } }', root, { id: 'gid://shopify/Order/1' });
    expect(result.errors?.map((error) => error.message)).toEqual(['Cannot query field "order" on type "QueryRoot". Did you mean "node" or "nodes"?']);
  });
});
