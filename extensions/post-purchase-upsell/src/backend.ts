/**
 * The Encore backend (app/) as the extension sees it: offers for the purchase, and a signed changeset for
 * the one the buyer accepts. The backend verifies Shopify's token and computes every price; the extension
 * only shows what it answers and passes its signed token to `applyChangeset`.
 */

import type { PostPurchaseOffer, PostPurchaseOfferEvent, PostPurchaseOffersAnswer } from '@encore/shopify-apis/post-purchase/offer-contract.ts';

/** An offer as it may arrive: a backend that predates the money format leaves it out. */
type ArrivingOffer = Omit<PostPurchaseOffer, 'moneyFormat'> & Partial<Pick<PostPurchaseOffer, 'moneyFormat'>>;

/** Why the backend could not answer: its own error code, or `unreachable` / `timeout` / `bad_response`. */
export class BackendError extends Error {
  constructor(
    readonly code: string,
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'BackendError';
  }
}

/** ShouldRender must answer quickly: Shopify skips a slow post-purchase page, so the offers wait at most this. */
export const OFFERS_TIMEOUT_MS = 1500;
/** A sign request happens while the buyer waits on the Accept button. */
export const SIGN_TIMEOUT_MS = 5000;

const DEFAULT_APP_URL = 'http://localhost:3000';

/**
 * Where the backend lives. Shopify's CLI inlines `process.env.ENCORE_APP_URL` at build time when it is set;
 * when it is not, the expression survives into the worker, where `process` does not exist.
 */
export function appUrl(): string {
  try {
    return (process.env.ENCORE_APP_URL || DEFAULT_APP_URL).replace(/\/+$/, '');
  } catch {
    return DEFAULT_APP_URL;
  }
}

declare const process: { env: Record<string, string | undefined> };

/** The offers the backend answers for the purchase, checked against the contract (PostPurchaseOffer). */
export async function fetchOffers(token: string, timeoutMs = OFFERS_TIMEOUT_MS): Promise<PostPurchaseOffer[]> {
  const body = await post('/api/post-purchase/offers', { token }, timeoutMs);
  const offers = (body as Partial<Record<keyof PostPurchaseOffersAnswer, unknown>>).offers;
  if (!Array.isArray(offers) || !offers.every(isOffer)) throw new BackendError('bad_response', null, 'offers: not a list of offers');
  return offers.map((offer) => ({ ...offer, moneyFormat: offer.moneyFormat ?? null }));
}

export async function signChangeset(
  request: { token: string; offerId: string; variantId: number; quantity: number },
  timeoutMs = SIGN_TIMEOUT_MS,
): Promise<string> {
  const body = await post('/api/post-purchase/sign-changeset', request, timeoutMs);
  const signed = (body as { token?: unknown }).token;
  if (typeof signed !== 'string' || signed === '') throw new BackendError('bad_response', null, 'sign-changeset: no token');
  return signed;
}

/** An event on the page reaches the merchant's funnel figures within this, or is dropped: it never holds the buyer. */
export const EVENT_TIMEOUT_MS = 1500;

/**
 * Tells the backend what became of an offer (shown, declined, applied) for the merchant's funnel. Failures are
 * dropped: the figures may miss an event, the buyer never waits on one.
 */
export function reportOfferEvent(token: string, offerId: string, event: PostPurchaseOfferEvent): Promise<void> {
  return post('/api/post-purchase/events', { token, offerId, event }, EVENT_TIMEOUT_MS).then(
    () => undefined,
    () => undefined,
  );
}

/** POSTs JSON and answers the parsed body; every failure becomes a BackendError. */
async function post(route: string, payload: unknown, timeoutMs: number): Promise<unknown> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(`${appUrl()}${route}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
        signal: controller.signal,
      });
    } catch (error) {
      if (timedOut) throw new BackendError('timeout', null, `${route}: no answer within ${timeoutMs} ms`);
      throw new BackendError('unreachable', null, `${route}: ${error instanceof Error ? error.message : String(error)}`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new BackendError(timedOut ? 'timeout' : 'bad_response', response.status, `${route}: answer is not JSON (${response.status})`);
    }
    if (!response.ok) {
      const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      const code = typeof error?.code === 'string' ? error.code : 'http_error';
      throw new BackendError(code, response.status, `${route}: ${response.status} ${typeof error?.message === 'string' ? error.message : code}`);
    }
    return body ?? {};
  } finally {
    clearTimeout(timer);
  }
}

function isOffer(value: unknown): value is ArrivingOffer {
  const offer = value as ArrivingOffer;
  return (
    typeof offer === 'object' &&
    offer !== null &&
    typeof offer.id === 'string' &&
    typeof offer.title === 'string' &&
    typeof offer.product?.title === 'string' &&
    typeof offer.currencyCode === 'string' &&
    Array.isArray(offer.variants) &&
    offer.variants.length > 0 &&
    offer.variants.every((variant) => typeof variant?.id === 'number' && typeof variant.price === 'string' && typeof variant.discountedPrice === 'string') &&
    Number.isInteger(offer.quantity?.default) &&
    Number.isInteger(offer.quantity?.max) &&
    offer.quantity.max >= 1 &&
    typeof offer.next === 'object' &&
    offer.next !== null &&
    (offer.moneyFormat == null || (typeof offer.moneyFormat.currency === 'string' && typeof offer.moneyFormat.format === 'string'))
  );
}
