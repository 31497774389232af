/**
 * The shop's Admin GraphQL API, through Shopify's own client (`@shopify/admin-api-client`) with the shop's offline
 * access token. The client leaves throttling to its caller: a query over the shop's cost budget comes back as HTTP
 * 200 with a `THROTTLED` error and the bucket's state in `extensions.cost.throttleStatus`. This waits the time the
 * bucket needs to hold the query's cost again (cost − available, over the restore rate) and asks once more, within
 * a budget of waiting: a buyer is waiting behind the post-purchase page.
 */
import { createAdminApiClient } from '@shopify/admin-api-client';
import { ADMIN_API_VERSION } from '../shopify/api.ts';

export type AdminApiFailure = 'unauthorized' | 'throttled' | 'failed';

/** The Admin API did not answer a query; `reason` says why, the message never holds shop or buyer data. */
export class AdminApiError extends Error {
  override name = 'AdminApiError';
  constructor(
    readonly reason: AdminApiFailure,
    message: string,
    /** The errors' codes (`ACCESS_DENIED`, `GRAPHQL_VALIDATION_FAILED`, …), and what data came with them. */
    readonly codes: readonly string[] = [],
    readonly data: unknown = null,
  ) {
    super(message);
  }

  /**
   * Only fields the app may not read failed (protected customer data not granted); what else came back is `data`,
   * which is null when a denied field could not be null.
   */
  get onlyDenied(): boolean {
    return this.codes.length > 0 && this.codes.every((code) => code === 'ACCESS_DENIED');
  }
}

export interface AdminApiOptions {
  /** Where the requests go: Shopify by default; offline, a stand-in. */
  fetch?: typeof fetch;
  /** The most time spent waiting out throttles for one query, milliseconds. */
  maxThrottleWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type AdminQuery = <T>(document: string, variables?: Record<string, unknown>) => Promise<T>;

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

interface QueryCost {
  requestedQueryCost?: number;
  throttleStatus?: ThrottleStatus;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long until the bucket holds `cost` again; a second when the answer does not say. */
export function throttleWaitMs(cost: QueryCost | undefined): number {
  const status = cost?.throttleStatus;
  const requested = cost?.requestedQueryCost;
  if (!status || typeof requested !== 'number' || !(status.restoreRate > 0)) return 1000;
  const missing = Math.max(0, requested - Number(status.currentlyAvailable));
  return Math.ceil((missing / Number(status.restoreRate)) * 1000);
}

/** Queries on `shop`'s Admin API with its offline access token. */
export function adminApi(shop: string, accessToken: string, options: AdminApiOptions = {}): AdminQuery {
  const client = createAdminApiClient({
    storeDomain: shop,
    apiVersion: ADMIN_API_VERSION,
    accessToken,
    customFetchApi: options.fetch ?? ((input, init) => fetch(input, init)),
  });
  const maxWait = options.maxThrottleWaitMs ?? 2000;
  const sleep = options.sleep ?? wait;
  return async <T>(document: string, variables: Record<string, unknown> = {}): Promise<T> => {
    let waited = 0;
    for (;;) {
      const answer = await client.request(document, { variables });
      const errors = answer.errors;
      const throttled =
        errors?.networkStatusCode === 429 ||
        (errors?.graphQLErrors ?? []).some((error) => (error.extensions as { code?: unknown } | undefined)?.code === 'THROTTLED');
      if (throttled) {
        const ms = throttleWaitMs((answer.extensions as { cost?: QueryCost } | undefined)?.cost);
        if (waited + ms > maxWait) throw new AdminApiError('throttled', `The Admin API is throttling ${shop}; waiting ${ms} ms is past the budget.`);
        await sleep(ms);
        waited += ms;
        continue;
      }
      if (errors) {
        const status = errors.networkStatusCode;
        if (status === 401 || status === 403) {
          throw new AdminApiError('unauthorized', `The Admin API refused the access token of ${shop} (HTTP ${status}).`);
        }
        const codes = (errors.graphQLErrors ?? []).map((error) => String((error.extensions as { code?: unknown } | undefined)?.code ?? 'UNKNOWN'));
        throw new AdminApiError(
          'failed',
          `The Admin API answered ${shop} with an error (HTTP ${status ?? 'none'}${codes.length ? `, ${codes.join(', ')}` : ''}).`,
          codes,
          answer.data ?? null,
        );
      }
      if (!answer.data) throw new AdminApiError('failed', `The Admin API answered ${shop} without data.`);
      return answer.data as T;
    }
  };
}
