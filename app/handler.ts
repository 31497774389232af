/**
 * Encore's backend: one web-standard `(Request) => Promise<Response>`, so the
 * same code runs under node:http here (tools/cli/src/serve.ts, `npm start`) and
 * on any serverless or edge runtime. It uses web APIs only (fetch types,
 * WebCrypto, web streams), jose and Shopify's app library.
 *
 *   GET  /?shop=…&id_token=…                 the app in the admin: installs the shop (token exchange)
 *   POST /api/post-purchase/offers          { token }                               → { offers }
 *   POST /api/post-purchase/sign-changeset  { token, offerId, variantId, quantity } → { token }
 *   POST /api/post-purchase/events          { token, offerId, event }               → { recorded }
 *   GET  /api/admin/funnel?from=…&to=…       Authorization: Bearer <session token>   → figures per offer and day
 *   GET  /api/admin/offers                   Authorization: Bearer <session token>   → the shop's offers and their problems
 *   PUT  /api/admin/offers                   the same, with app/offers.json's format → stored, or every problem
 *   POST /webhooks/app, /webhooks/compliance app/uninstalled and the privacy webhooks → 200
 *   POST /webhooks/catalog                   products, inventory and collections changed → 200
 *   OPTIONS on the /api routes: the CORS preflight.
 *
 * Offers and signatures are for installed shops only, from each shop's own catalog and buyers, read from its
 * Admin API with the offline token its install left (app/catalog/).
 *
 * Everything about the purchase comes from the verified token; the client
 * chooses only which of the server's own offers, which of its variants and how
 * many within its limits. Each request logs one JSON line: route, status, code
 * and milliseconds; never a token, a secret or anything about the buyer.
 */
import { formatProblem, offerText, type OfferConfig } from '@encore/core/offer-config.ts';
import { MAX_OFFERS_PER_ORDER } from '@encore/core/offers.ts';
import type { PostPurchaseOffersAnswer } from '@encore/shopify-apis/post-purchase/offer-contract.ts';
import { readJsonObject } from './http/body.ts';
import { apiError, errorResponse, isApiError, json, preflight, type ApiError } from './http/responses.ts';
import { catalogNeeds, changeFor, offerViews, picksFor } from './post-purchase/offers.ts';
import { purchaseOf, type Purchase } from './post-purchase/purchase.ts';
import type { CatalogSlice } from './post-purchase/shop.ts';
import { adminApi, AdminApiError, type AdminQuery } from './catalog/admin-api.ts';
import { CatalogCache, type CatalogCacheOptions } from './catalog/cache.ts';
import { adminCatalog } from './catalog/shop-catalog.ts';
import { checkShopOffers, shopReferenceProblems } from './offers/import.ts';
import { saveOffers } from './storage/offers.ts';
import { signChangeset, verifyInputToken, webCryptoHs256, type Hs256 } from './post-purchase/token.ts';
import { webhook } from './webhooks/webhooks.ts';
import { adminHome } from './admin/home.ts';
import { shopifyFor } from './shopify/api.ts';
import { loadShop, tokenRefused, type InstalledShop } from './storage/shops.ts';
import { offerPrice, type OfferPick } from '@encore/core/offers.ts';
import type { RateCounter } from './storage/rate.ts';
import { claimSignature, signedAmount } from './storage/signatures.ts';
import { funnelFigures, recordOfferEvent, utcDay } from './storage/funnel.ts';
import { sessionShop } from './admin/install.ts';
import { usableShop } from './admin/tokens.ts';
import { StorageError, type Sql } from './storage/sql.ts';
import { myshopifyDomain } from './shopify/shop-domain.ts';

export interface HandlerLimits {
  /** Request bodies on /api, bytes. */
  bodyBytes: number;
  /** Webhook bodies, bytes. */
  webhookBodyBytes: number;
  /** An offers import (PUT /api/admin/offers), bytes. */
  offersBodyBytes: number;
  /** Requests per verified purchase (shop and referenceId) per window. */
  requestsPerPurchase: number;
  windowMs: number;
  /** Oldest input token accepted (its `iat`), seconds. */
  tokenMaxAgeSeconds: number;
  /** Lifetime of a signed changeset, seconds. */
  changesetTtlSeconds: number;
}

export const DEFAULT_LIMITS: HandlerLimits = {
  bodyBytes: 16 * 1024,
  webhookBodyBytes: 256 * 1024,
  offersBodyBytes: 256 * 1024,
  requestsPerPurchase: 20,
  windowMs: 60_000,
  tokenMaxAgeSeconds: 60 * 60,
  changesetTtlSeconds: 5 * 60,
};

export interface HandlerOptions {
  apiKey: string;
  apiSecret: string;
  /** The app's public URL (SHOPIFY_APP_URL, set by shopify app dev); http://localhost:3000 offline. */
  appUrl?: string;
  /** Where Admin API requests go: Shopify by default; the studio and the tests give a stand-in's fetch. */
  adminFetch?: typeof fetch;
  /** How long and how many Admin API answers this instance keeps (app/catalog/cache.ts). */
  catalogCache?: CatalogCacheOptions;
  /** The JWT library tokens are signed and checked with, over the app's secret: jose over WebCrypto by default; a Node host passes app/node/hs256.ts. */
  hs256?: (secret: string) => Hs256;
  /** The most time one Admin API query may wait out throttling, milliseconds. */
  maxThrottleWaitMs?: number;
  /**
   * Where the backend keeps what must hold across requests and instances: the database (the record of signed
   * offers) and the rate counter (app/node/state.ts opens both from the environment). A promise is fine: requests
   * wait for it, so a server can listen while its database migrates.
   */
  state: BackendState | Promise<BackendState>;
  limits?: Partial<HandlerLimits>;
  /** Milliseconds since the epoch; a test moves it. */
  now?: () => number;
  /** Receives one JSON line per request. */
  log?: (line: string) => void;
}

export type Handler = (request: Request) => Promise<Response>;

/** A problem as the admin reads it: where in the offers, and what is wrong there. */
const asProblem = (problem: { path: string; message: string }) => ({ path: problem.path, message: problem.message });

/** What a shop without offers reads of its catalog: nothing. */
const NO_CATALOG: CatalogSlice = { products: [], collections: [], moneyFormat: null, primaryLocale: '', imageUrl: () => null };

interface VerifiedPurchase {
  shop: string;
  installed: InstalledShop;
  inputData: Record<string, unknown>;
  /** Its lines' handles are not known yet (`offersFor` finds them). */
  purchase: Purchase;
}

export interface BackendState {
  sql: Sql;
  rate: RateCounter;
}

/**
 * The days a funnel report covers: `from` and `to` (YYYY-MM-DD, UTC, both included); by default the 30 days to
 * today. At most 366 days.
 */
function dayRange(params: URLSearchParams, now: number): { from: string; to: string } | ApiError {
  const valid = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && Number.isFinite(Date.parse(day)) && utcDay(Date.parse(day)) === day;
  const to = params.get('to') ?? utcDay(now);
  if (!valid(to)) return apiError(400, 'invalid_request', '"from" and "to" are days written YYYY-MM-DD.');
  const from = params.get('from') ?? utcDay(Date.parse(to) - 29 * 86_400_000);
  if (!valid(from)) return apiError(400, 'invalid_request', '"from" and "to" are days written YYYY-MM-DD.');
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days < 1 || days > 366) return apiError(400, 'invalid_request', 'A report covers 1 to 366 days, "from" not after "to".');
  return { from, to };
}

type Route = 'admin' | 'funnel' | 'admin-offers' | 'offers' | 'sign-changeset' | 'events' | 'webhooks';
const ROUTES: Record<string, Route> = {
  '/': 'admin',
  '/api/admin/funnel': 'funnel',
  '/api/admin/offers': 'admin-offers',
  '/api/post-purchase/offers': 'offers',
  '/api/post-purchase/sign-changeset': 'sign-changeset',
  '/api/post-purchase/events': 'events',
  '/webhooks/app': 'webhooks',
  '/webhooks/compliance': 'webhooks',
  '/webhooks/catalog': 'webhooks',
};
const ALLOW: Record<Route, string> = {
  admin: 'GET, HEAD',
  funnel: 'GET',
  'admin-offers': 'GET, PUT',
  offers: 'POST, OPTIONS',
  'sign-changeset': 'POST, OPTIONS',
  events: 'POST, OPTIONS',
  webhooks: 'POST',
};

export function createHandler(options: HandlerOptions): Handler {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));
  // A secret the library refuses fails the requests that need it (a logged 500), never the server as a whole.
  const hs256 = (options.hs256 ?? webCryptoHs256)(options.apiSecret);
  const shopify = shopifyFor({ apiKey: options.apiKey, apiSecret: options.apiSecret, appUrl: options.appUrl ?? 'http://localhost:3000' });
  const cache = new CatalogCache({ now, ...options.catalogCache });
  const opened = Promise.resolve(options.state);
  // A state that failed to open fails the requests that need it (503); the server keeps answering.
  opened.catch(() => {});
  /** Runs `work` on the state; any fault of the database or counter comes out as a StorageError (503). */
  async function stored<T>(work: (state: BackendState) => Promise<T>): Promise<T> {
    try {
      return await work(await opened);
    } catch (error) {
      if (error instanceof StorageError || error instanceof AdminApiError) throw error;
      throw new StorageError(error instanceof Error ? error.name : 'unknown');
    }
  }

  /** Only a shop that installed the app (and has not uninstalled it) is served: 403 for any other. */
  async function installedShop(shop: string): Promise<InstalledShop | ApiError> {
    const installed = await stored(({ sql }) => loadShop(sql, shop));
    return installed ?? apiError(403, 'shop_not_installed', 'This shop has not installed the app.');
  }

  /**
   * The shop's Admin API with the token its install left, renewed first when it is about to expire
   * (app/admin/tokens.ts), and renewed once more should Shopify refuse it all the same.
   */
  function adminQueryFor(installed: InstalledShop): AdminQuery {
    const renewed = (refused?: InstalledShop) => stored(({ sql }) => usableShop({ shopify, sql, now: now() }, refused ?? installed, refused?.accessToken));
    // One client per token: a request's queries share it, and a renewal makes the next.
    let client: { token: string; query: AdminQuery } | undefined;
    const ask = (shop: InstalledShop): AdminQuery =>
      client?.token === shop.accessToken
        ? client.query
        : (client = {
            token: shop.accessToken,
            query: adminApi(shop.shop, shop.accessToken, { fetch: options.adminFetch, maxThrottleWaitMs: options.maxThrottleWaitMs }),
          }).query;
    /** A token Shopify refuses for good: marked so, so the merchant's next visit exchanges a new one. */
    const refusedFor = async (shop: InstalledShop, error: AdminApiError) => {
      await stored(({ sql }) => tokenRefused(sql, shop.shop, shop.accessToken, now()));
      return error;
    };
    let usable: Promise<InstalledShop> | undefined;
    return async <T>(document: string, variables?: Record<string, unknown>): Promise<T> => {
      const shop = await (usable ??= renewed());
      try {
        return await ask(shop)<T>(document, variables);
      } catch (error) {
        if (!(error instanceof AdminApiError && error.reason === 'unauthorized')) throw error;
        if (shop.refreshToken === null) throw await refusedFor(shop, error);
        const again = await (usable = renewed(shop));
        try {
          return await ask(again)<T>(document, variables);
        } catch (second) {
          throw second instanceof AdminApiError && second.reason === 'unauthorized' ? await refusedFor(again, second) : second;
        }
      }
    };
  }

  /** The shop's stored offers (checked when they were imported), parsed once per instance and version. */
  function shopOffers(installed: InstalledShop): Promise<OfferConfig> {
    const stored = installed.offers;
    if (!stored) return Promise.resolve({ offers: [] });
    return cache.get(`${installed.shop}\noffers\n${stored.updatedAt}`, async () => {
      try {
        return JSON.parse(stored.json) as OfferConfig;
      } catch {
        throw new StorageError('OffersNotJson');
      }
    });
  }

  /** The purchase with its lines' handles, what the shop's catalog says of it, and the offers it qualifies for. */
  async function offersFor(verified: VerifiedPurchase): Promise<{ purchase: Purchase; slice: CatalogSlice; picks: OfferPick[] }> {
    const { installed, inputData } = verified;
    const config = await shopOffers(installed);
    // A shop with no offers is asked nothing.
    if (config.offers.length === 0) return { purchase: verified.purchase, slice: NO_CATALOG, picks: [] };
    const catalog = adminCatalog({
      shop: installed.shop,
      version: `${installed.installedAt}.${installed.catalogVersion}`,
      query: adminQueryFor(installed),
      cache,
    });
    const [slice, facts] = await Promise.all([
      catalog.slice(catalogNeeds(config, verified.purchase.productIds)),
      catalog.purchase(verified.purchase.referenceId, verified.purchase.customerId),
    ]);
    const purchase = purchaseOf(inputData, slice.products)!;
    return { purchase, slice, picks: picksFor(purchase, config, slice, facts) };
  }

  /**
   * The verified purchase behind a body's token, after the rate limit. The limit counts verified purchases only
   * (the token's shop and referenceId, once its signature held), so no variant of a token's text, and no amount of
   * garbage, moves another purchase's count.
   */
  async function verifiedPurchase(body: Record<string, unknown>): Promise<VerifiedPurchase | ApiError> {
    const token = body.token;
    if (typeof token !== 'string' || token === '' || token.length > limits.bodyBytes) {
      return apiError(400, 'invalid_request', '"token" must be the post-purchase inputData.token.');
    }
    const verified = await verifyInputToken(token, { hs256, now: now(), maxAgeSeconds: limits.tokenMaxAgeSeconds });
    if (isApiError(verified)) return verified;
    const shop = myshopifyDomain((verified.inputData.shop as { domain?: unknown } | undefined)?.domain);
    if (!shop) return apiError(401, 'invalid_token', "The token's input names no shop.");
    const count = await stored(({ rate }) => rate.hit(`${shop}\n${verified.referenceId}`, now()));
    if (count > limits.requestsPerPurchase) {
      return apiError(429, 'rate_limited', 'Too many requests for this purchase; wait a minute.');
    }
    const installed = await installedShop(shop);
    if (isApiError(installed)) return installed;
    // Checked for its shape before the shop is asked anything; the lines get their handles from the catalog.
    const purchase = purchaseOf(verified.inputData, []);
    return purchase
      ? { shop, installed, inputData: verified.inputData, purchase }
      : apiError(401, 'invalid_token', "The token's input is not a post-purchase purchase.");
  }

  async function offers(body: Record<string, unknown>): Promise<Response | ApiError> {
    const verified = await verifiedPurchase(body);
    if (isApiError(verified)) return verified;
    const { purchase, slice, picks } = await offersFor(verified);
    return json(200, { offers: offerViews(picks, purchase, slice) } satisfies PostPurchaseOffersAnswer);
  }

  async function sign(body: Record<string, unknown>): Promise<Response | ApiError> {
    const { offerId, variantId, quantity } = body;
    if (typeof offerId !== 'string' || !Number.isSafeInteger(variantId) || typeof quantity !== 'number') {
      return apiError(400, 'invalid_request', 'Send { token, offerId, variantId, quantity } with offerId a string and variantId and quantity numbers.');
    }
    const verified = await verifiedPurchase(body);
    if (isApiError(verified)) return verified;
    const { shop } = verified;
    // The offer is evaluated again from the verified purchase: an id the order does not qualify for is as unknown as a made-up one.
    const { purchase, slice, picks } = await offersFor(verified);
    const pick = picks.find((candidate) => candidate.offer.id === offerId);
    if (!pick) return apiError(404, 'unknown_offer', 'No such offer for this purchase.');
    if (variantId !== pick.variant.id) return apiError(422, 'variant_not_offered', 'That variant is not part of this offer.');
    if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > pick.maxQuantity) {
      return apiError(422, 'quantity_not_offered', `The quantity must be a whole number from 1 to ${pick.maxQuantity}.`);
    }
    const amountCents = offerPrice(pick.price, pick.offer.action.discount) * quantity;
    // Claimed before it is signed, in the database every instance shares: a second signature for the same offer and
    // purchase is refused for as long as the input token or the changeset could be used. A database that cannot
    // answer throws, and nothing is signed. The claim records the funnel's accepted event with it.
    const verdict = await stored(({ sql }) =>
      claimSignature(sql, {
        shop,
        referenceId: purchase.referenceId,
        offerId: pick.offer.id,
        amountCents,
        currency: purchase.shopCurrency,
        now: now(),
        expiresAt: now() + (limits.tokenMaxAgeSeconds + limits.changesetTtlSeconds) * 1000 + limits.windowMs,
        maxSteps: MAX_OFFERS_PER_ORDER,
      }),
    );
    if (verdict === 'replayed') return apiError(429, 'replayed', 'This offer was already signed for this purchase.');
    if (verdict === 'step_limit') return apiError(429, 'step_limit', `At most ${MAX_OFFERS_PER_ORDER} offers can be added to one purchase.`);
    const token = await signChangeset(
      purchase.referenceId,
      [changeFor(pick, quantity, purchase.shopCurrency, offerText(pick.offer.title, purchase.locale, slice.primaryLocale))],
      {
        apiKey: options.apiKey,
        hs256,
        now: now(),
        ttlSeconds: limits.changesetTtlSeconds,
      },
    );
    return json(200, { token });
  }

  /**
   * What the page tells of an offer it showed: shown, declined, or applied (Shopify took the signed change). Only
   * an offer this purchase qualifies for counts, and applied only for an offer the backend signed for it, with
   * the signed change's amount. Each counts once per purchase.
   */
  async function event(body: Record<string, unknown>): Promise<Response | ApiError> {
    const { offerId, event } = body;
    if (typeof offerId !== 'string' || (event !== 'shown' && event !== 'declined' && event !== 'applied')) {
      return apiError(400, 'invalid_request', 'Send { token, offerId, event } with event "shown", "declined" or "applied".');
    }
    const verified = await verifiedPurchase(body);
    if (isApiError(verified)) return verified;
    const { shop, purchase } = verified;
    const record = { shop, referenceId: purchase.referenceId, offerId, event, amountCents: 0, currency: purchase.shopCurrency, at: now() } as const;
    if (event === 'applied') {
      const signed = await stored(({ sql }) => signedAmount(sql, shop, purchase.referenceId, offerId));
      if (!signed) return apiError(409, 'not_signed', 'The backend signed no such offer for this purchase.');
      const recorded = await stored(({ sql }) => recordOfferEvent(sql, { ...record, amountCents: signed.amountCents, currency: signed.currency }));
      return json(200, { recorded });
    }
    const offered = (await offersFor(verified)).picks.some((pick) => pick.offer.id === offerId);
    if (!offered) return apiError(404, 'unknown_offer', 'No such offer for this purchase.');
    return json(200, { recorded: await stored(({ sql }) => recordOfferEvent(sql, record)) });
  }

  /** The installed shop whose admin asks (App Bridge sends the session token as a bearer token). */
  async function adminShop(request: Request): Promise<InstalledShop | ApiError> {
    const bearer = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    if (!bearer) return apiError(401, 'invalid_session_token', 'Send the admin session token: Authorization: Bearer <token>.');
    const shop = await sessionShop(shopify, bearer);
    if (typeof shop !== 'string') return shop;
    return installedShop(shop);
  }

  /** The shop's offers and what in them its catalog lacks now; or, PUT, new offers checked and stored. */
  async function adminOffers(request: Request): Promise<Response | ApiError> {
    if (request.method !== 'GET' && request.method !== 'PUT') return apiError(405, 'method_not_allowed', 'Use GET or PUT.');
    // The body is read (or refused) before anything else, so an early answer never leaves it unread.
    const body = request.method === 'PUT' ? await readJsonObject(request, limits.offersBodyBytes) : null;
    const installed = await adminShop(request);
    if (isApiError(installed)) return installed;
    const query = adminQueryFor(installed);
    if (body === null) {
      const config = await shopOffers(installed);
      const problems = config.offers.length === 0 ? [] : await shopReferenceProblems(config, query);
      return json(200, { shop: installed.shop, updatedAt: installed.offers?.updatedAt ?? null, ...config, problems: problems.map(asProblem) });
    }
    if (isApiError(body)) return body;
    const checked = await checkShopOffers(body, query);
    if (!checked.ok) {
      return json(422, {
        error: { code: 'invalid_offers', message: checked.problems.map(formatProblem).join('\n'), problems: checked.problems.map(asProblem) },
      });
    }
    await stored(({ sql }) => saveOffers(sql, installed.shop, checked.config, now()));
    return json(200, { shop: installed.shop, offers: checked.config.offers.length, updatedAt: now() });
  }

  /** The funnel figures of the shop whose admin asks. */
  async function funnel(request: Request): Promise<Response | ApiError> {
    const installed = await adminShop(request);
    if (isApiError(installed)) return installed;
    const shop = installed.shop;
    const range = dayRange(new URL(request.url).searchParams, now());
    if (isApiError(range)) return range;
    const offers = await stored(({ sql }) => funnelFigures(sql, shop, range.from, range.to));
    return json(200, { shop, ...range, offers });
  }

  async function route(request: Request, name: Route | undefined): Promise<Response | ApiError> {
    if (!name) return apiError(404, 'not_found', 'No such endpoint.');
    if (name === 'admin') {
      if (request.method !== 'GET' && request.method !== 'HEAD') return apiError(405, 'method_not_allowed', 'Use GET.');
      const sql = await stored(async (state) => state.sql);
      return adminHome(request, { shopify, sql, apiKey: options.apiKey, now: now() });
    }
    if (name === 'funnel') return request.method === 'GET' ? funnel(request) : apiError(405, 'method_not_allowed', 'Use GET.');
    if (name === 'admin-offers') return adminOffers(request);
    if (request.method === 'OPTIONS' && name !== 'webhooks') return preflight();
    if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST.');
    if (name === 'webhooks') return webhook(request, { shopify, sql: () => stored(async ({ sql }) => sql), limit: limits.webhookBodyBytes });
    const body = await readJsonObject(request, limits.bodyBytes);
    if (isApiError(body)) return body;
    return name === 'offers' ? offers(body) : name === 'events' ? event(body) : sign(body);
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
        response = errorResponse(result, result.status === 405 && name ? { allow: ALLOW[name] } : {});
      } else response = result;
    } catch (error) {
      // The error's text may hold request data: the log gets its kind, never its message.
      const reason = error instanceof AdminApiError ? { reason: error.reason } : {};
      log(JSON.stringify({ route: name ?? 'unmatched', error: error instanceof Error ? error.name : typeof error, ...reason }));
      if (error instanceof AdminApiError) {
        // The shop's catalog could not be read: nothing is offered or signed from a guess.
        code = 'shop_unavailable';
        response = errorResponse(apiError(503, code, "The shop's Admin API did not answer; the buyer goes on to the thank-you page."), { 'retry-after': '5' });
      } else if (error instanceof StorageError) {
        // Nothing was signed: without the shared record a second signature could not be ruled out.
        code = 'storage_unavailable';
        response = errorResponse(apiError(503, code, 'The backend cannot reach its database; the buyer goes on to the thank-you page.'), {
          'retry-after': '5',
        });
      } else {
        code = 'internal_error';
        response = errorResponse(apiError(500, code, 'Something went wrong; the buyer goes on to the thank-you page.'));
      }
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
