/**
 * The Customer Account API client turns every way a call can go wrong into a
 * value, within the 1.5 s limit, and sends what Shopify's host expects.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CUSTOMER_ACCOUNT_API_URL, customerAccountQuery } from '@encore/shopify-apis/customer-account/client.ts';
import { ORDER_STATUS_QUERY, type OrderStatusData } from '@encore/shopify-apis/customer-account/queries.ts';
import { customerAccountOrder } from '@encore/fixtures/adapters/customer-account.ts';
import { gid } from '@encore/fixtures/adapters/ids.ts';
import { findBundledStore } from '@encore/fixtures/bundled.ts';
import { customerAccountFetch } from './support/graphql.ts';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  vi.useRealTimers();
});

describe('customerAccountQuery', () => {
  it('POSTs the query and variables to the 2026-10 endpoint and returns data', async () => {
    const { store } = findBundledStore({ order: '1003' })!;
    const casey = store.customers.find((customer) => customer.handle === 'casey')!;
    const order = casey.orders.find((candidate) => candidate.name === '#1003')!;
    const answer = customerAccountFetch({ order: customerAccountOrder(store, order, casey) });
    const send = vi.fn(answer);
    const result = await customerAccountQuery<OrderStatusData>(ORDER_STATUS_QUERY, { id: gid('Order', order.id) }, { fetch: send as typeof fetch });
    expect(send).toHaveBeenCalledTimes(1);
    const [url, init] = send.mock.calls[0];
    expect(url).toBe('shopify://customer-account/api/2026-10/graphql.json');
    expect(url).toBe(CUSTOMER_ACCOUNT_API_URL);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ query: ORDER_STATUS_QUERY, variables: { id: gid('Order', order.id) } });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.data.order?.name).toBe('#1003');
      expect(result.data.order?.fulfillments.nodes).toHaveLength(2);
    }
  });

  it('reports GraphQL errors as a failure, even beside data', async () => {
    const send = async () => json({ data: { order: null }, errors: [{ message: 'Access denied for order field' }] });
    await expect(customerAccountQuery('{ order(id: "x") { id } }', {}, { fetch: send })).resolves.toEqual({
      ok: false,
      failure: 'graphql',
      detail: 'Access denied for order field',
    });
  });

  it('reports an HTTP error, a body that is not JSON and an answer without data', async () => {
    await expect(customerAccountQuery('{ a }', {}, { fetch: async () => json({ errors: [] }, 502) })).resolves.toEqual({
      ok: false,
      failure: 'http',
      detail: 'HTTP 502',
    });
    await expect(customerAccountQuery('{ a }', {}, { fetch: async () => new Response('<html>', { status: 200 }) })).resolves.toMatchObject({
      ok: false,
      failure: 'network',
    });
    await expect(customerAccountQuery('{ a }', {}, { fetch: async () => json({}) })).resolves.toMatchObject({ ok: false, failure: 'graphql' });
  });

  it('reports a fetch that throws or rejects, without throwing', async () => {
    const throws = (() => {
      throw new TypeError('fetch() is not available');
    }) as unknown as typeof fetch;
    await expect(customerAccountQuery('{ a }', {}, { fetch: throws })).resolves.toEqual({ ok: false, failure: 'network', detail: 'fetch() is not available' });
    await expect(customerAccountQuery('{ a }', {}, { fetch: () => Promise.reject(new Error('offline')) })).resolves.toEqual({
      ok: false,
      failure: 'network',
      detail: 'offline',
    });
  });

  it('gives up after 1.5 s', async () => {
    vi.useFakeTimers();
    const never = () => new Promise<Response>(() => {});
    const pending = customerAccountQuery('{ a }', {}, { fetch: never });
    await vi.advanceTimersByTimeAsync(1499);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toEqual({ ok: false, failure: 'timeout' });
  });
});
