/**
 * Encore's backend: one web-standard `(Request) => Promise<Response>`, so the
 * same code runs under node:http here (tools/cli/src/serve.ts, `npm start`) and
 * on any serverless or edge runtime. It uses web APIs only (fetch types,
 * WebCrypto, web streams) and jose.
 *
 *   POST /api/post-purchase/offers          { token }                               → { offers }
 *   POST /api/post-purchase/sign-changeset  { token, offerId, variantId, quantity } → { token }
 *   POST /webhooks/compliance               Shopify's privacy webhooks              → 200
 *   OPTIONS on the /api routes: the CORS preflight.
 *
 * Everything about the purchase comes from the verified token; the client
 * chooses only which of the server's own offers, which of its variants and how
 * many within its limits. Each request logs one JSON line: route, status, code
 * and milliseconds; never a token, a secret or anything about the buyer.
 */
import { offerText, type OfferConfig } from '@encore/core/offer-config.ts';
import { MAX_OFFERS_PER_ORDER } from '@encore/core/offers.ts';
import type { PostPurchaseOffersAnswer } from '@encore/shopify-apis/post-purchase/offer-contract.ts';
import { readJsonObject } from './http/body.ts';
import { apiError, errorResponse, isApiError, json, preflight, type ApiError } from './http/responses.ts';
import { RateLimiter, SignLedger } from './post-purchase/limits.ts';
import { changeFor, offerViews, picksFor } from './post-purchase/offers.ts';
import { purchaseOf, type Purchase } from './post-purchase/purchase.ts';
import type { ShopCatalog } from './post-purchase/shop.ts';
import { signChangeset, verifyInputToken } from './post-purchase/token.ts';
import { complianceWebhook } from './webhooks/compliance.ts';

export interface HandlerLimits {
  /** Request bodies on /api, bytes. */
  bodyBytes: number;
  /** Webhook bodies, bytes. */
  webhookBodyBytes: number;
  /** Requests per token per window. */
  requestsPerToken: number;
  windowMs: number;
  /** Oldest input token accepted (its `iat`), seconds. */
  tokenMaxAgeSeconds: number;
  /** Lifetime of a signed changeset, seconds. */
  changesetTtlSeconds: number;
}

export const DEFAULT_LIMITS: HandlerLimits = {
  bodyBytes: 16 * 1024,
  webhookBodyBytes: 256 * 1024,
  requestsPerToken: 20,
  windowMs: 60_000,
  tokenMaxAgeSeconds: 60 * 60,
  changesetTtlSeconds: 5 * 60,
};

export interface HandlerOptions {
  apiKey: string;
  apiSecret: string;
  /** The validated offer config (tools/fixtures/src/offers/load.ts checks it at start). */
  offers: OfferConfig;
  shop: ShopCatalog;
  limits?: Partial<HandlerLimits>;
  /** Milliseconds since the epoch; a test moves it. */
  now?: () => number;
  /** Receives one JSON line per request. */
  log?: (line: string) => void;
}

export type Handler = (request: Request) => Promise<Response>;

type Route = 'offers' | 'sign-changeset' | 'compliance';
const ROUTES: Record<string, Route> = {
  '/api/post-purchase/offers': 'offers',
  '/api/post-purchase/sign-changeset': 'sign-changeset',
  '/webhooks/compliance': 'compliance',
};

export function createHandler(options: HandlerOptions): Handler {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));
  const secret = new TextEncoder().encode(options.apiSecret);
  const rate = new RateLimiter(limits.requestsPerToken, limits.windowMs);
  // Kept as long as a token can be used, so a replay cannot outlive the record of it.
  const ledger = new SignLedger(MAX_OFFERS_PER_ORDER, limits.tokenMaxAgeSeconds * 1000 + limits.windowMs);

  /** The verified purchase behind a body's token, after the per-token rate limit. */
  async function verifiedPurchase(body: Record<string, unknown>): Promise<Purchase | ApiError> {
    const token = body.token;
    if (typeof token !== 'string' || token === '' || token.length > limits.bodyBytes) {
      return apiError(400, 'invalid_request', '"token" must be the post-purchase inputData.token.');
    }
    // The signature part names the token; it bounds the key's size whatever was sent.
    if (!rate.allow(token.slice(-64), now())) return apiError(429, 'rate_limited', 'Too many requests for this token; wait a minute.');
    const verified = await verifyInputToken(token, { secret, now: now(), maxAgeSeconds: limits.tokenMaxAgeSeconds });
    if (isApiError(verified)) return verified;
    return purchaseOf(verified.inputData, options.shop.products) ?? apiError(401, 'invalid_token', "The token's input is not a post-purchase purchase.");
  }

  async function offers(body: Record<string, unknown>): Promise<Response | ApiError> {
    const purchase = await verifiedPurchase(body);
    if (isApiError(purchase)) return purchase;
    const picks = await picksFor(purchase, options.offers, options.shop);
    return json(200, { offers: offerViews(picks, purchase, options.shop) } satisfies PostPurchaseOffersAnswer);
  }

  async function sign(body: Record<string, unknown>): Promise<Response | ApiError> {
    const { offerId, variantId, quantity } = body;
    if (typeof offerId !== 'string' || !Number.isSafeInteger(variantId) || typeof quantity !== 'number') {
      return apiError(400, 'invalid_request', 'Send { token, offerId, variantId, quantity } with offerId a string and variantId and quantity numbers.');
    }
    const purchase = await verifiedPurchase(body);
    if (isApiError(purchase)) return purchase;
    // The offer is evaluated again from the verified purchase: an id the order does not qualify for is as unknown as a made-up one.
    const pick = (await picksFor(purchase, options.offers, options.shop)).find((candidate) => candidate.offer.id === offerId);
    if (!pick) return apiError(404, 'unknown_offer', 'No such offer for this purchase.');
    if (variantId !== pick.variant.id) return apiError(422, 'variant_not_offered', 'That variant is not part of this offer.');
    if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > pick.maxQuantity) {
      return apiError(422, 'quantity_not_offered', `The quantity must be a whole number from 1 to ${pick.maxQuantity}.`);
    }
    const verdict = ledger.check(purchase.referenceId, pick.offer.id, now());
    if (verdict === 'replayed') return apiError(429, 'replayed', 'This offer was already signed for this purchase.');
    if (verdict === 'step_limit') return apiError(429, 'step_limit', `At most ${MAX_OFFERS_PER_ORDER} offers can be added to one purchase.`);
    ledger.record(purchase.referenceId, pick.offer.id, now());
    const token = await signChangeset(
      purchase.referenceId,
      [changeFor(pick, quantity, purchase.shopCurrency, offerText(pick.offer.title, purchase.locale, options.shop.primaryLocale))],
      {
        apiKey: options.apiKey,
        secret,
        now: now(),
        ttlSeconds: limits.changesetTtlSeconds,
      },
    );
    return json(200, { token });
  }

  async function route(request: Request, name: Route | undefined): Promise<Response | ApiError> {
    if (!name) return apiError(404, 'not_found', 'No such endpoint.');
    if (request.method === 'OPTIONS' && name !== 'compliance') return preflight();
    if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST.');
    if (name === 'compliance') return complianceWebhook(request, secret, limits.webhookBodyBytes);
    const body = await readJsonObject(request, limits.bodyBytes);
    if (isApiError(body)) return body;
    return name === 'offers' ? offers(body) : sign(body);
  }

  return async (request: Request): Promise<Response> => {
    const started = performance.now();
    const name = ROUTES[new URL(request.url).pathname];
    let response: Response;
    let code: string | null = null;
    try {
      const result = await route(request, name);
      if (isApiError(result)) {
        code = result.code;
        response = errorResponse(result, result.status === 405 ? { allow: name === 'compliance' ? 'POST' : 'POST, OPTIONS' } : {});
      } else response = result;
    } catch (error) {
      // The error's text may hold request data: the log gets its kind, never its message.
      code = 'internal_error';
      log(JSON.stringify({ route: name ?? 'unmatched', error: error instanceof Error ? error.name : typeof error }));
      response = errorResponse(apiError(500, code, 'Something went wrong; the buyer goes on to the thank-you page.'));
    }
    log(
      JSON.stringify({
        route: name ?? 'unmatched',
        method: request.method,
        status: response.status,
        code,
        ms: Math.round((performance.now() - started) * 100) / 100,
      }),
    );
    return response;
  };
}
