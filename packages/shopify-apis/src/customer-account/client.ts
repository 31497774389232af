/**
 * One way to ask the Customer Account API: POST to the host's
 * `shopify://customer-account` endpoint (authentication is the host's job),
 * within the shared time limit, with every way of failing (slow, thrown,
 * HTTP error, unreadable body, GraphQL `errors`, no `data`) turned into a
 * value. Callers render their quiet fallback on `ok: false`; nothing here
 * throws.
 */
import { NETWORK_TIMEOUT_MS, settleWithin } from '../timeout.ts';

export const CUSTOMER_ACCOUNT_API_VERSION = '2026-10';
export const CUSTOMER_ACCOUNT_API_URL = `shopify://customer-account/api/${CUSTOMER_ACCOUNT_API_VERSION}/graphql.json`;

export type QueryFailure = 'timeout' | 'network' | 'http' | 'graphql';

export type QueryResult<T> = { ok: true; data: T } | { ok: false; failure: QueryFailure; detail?: string };

interface GraphqlBody<T> {
  data?: T | null;
  errors?: { message?: string }[];
}

export interface QueryOptions {
  /** Defaults to the global `fetch` the host provides. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * `data` of the answer to `query`. A response with both `data` and `errors`
 * counts as a failure: a partly answered order would tell the buyer half a story.
 */
export async function customerAccountQuery<T>(query: string, variables: Record<string, unknown> = {}, options: QueryOptions = {}): Promise<QueryResult<T>> {
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const settled = await settleWithin(async (): Promise<QueryResult<T>> => {
    const response = await send(CUSTOMER_ACCOUNT_API_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    if (!response.ok) return { ok: false, failure: 'http', detail: `HTTP ${response.status}` };
    let body: GraphqlBody<T>;
    try {
      body = (await response.json()) as GraphqlBody<T>;
    } catch {
      return { ok: false, failure: 'network', detail: 'the response is not JSON' };
    }
    if (body === null || typeof body !== 'object') return { ok: false, failure: 'graphql', detail: 'the response is not a GraphQL answer' };
    if (Array.isArray(body.errors) && body.errors.length > 0) {
      return { ok: false, failure: 'graphql', detail: body.errors.map((error) => error?.message ?? 'unknown error').join('; ') };
    }
    if (body.data === null || body.data === undefined) return { ok: false, failure: 'graphql', detail: 'the answer has no data' };
    return { ok: true, data: body.data };
  }, options.timeoutMs ?? NETWORK_TIMEOUT_MS);
  if (settled.ok) return settled.value;
  if (settled.reason === 'timeout') return { ok: false, failure: 'timeout' };
  return { ok: false, failure: 'network', detail: settled.error instanceof Error ? settled.error.message : String(settled.error) };
}
