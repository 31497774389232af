/**
 * The backend (app/handler.ts) on Node, for `npm run serve` and `npm start`: the handler built from the
 * environment's secrets and app/offers.json (checked at start against the store: every fault listed with its JSON
 * path). Each installed shop's catalog and buyers come from its Admin API.
 *
 * In development (the studio, `npm run serve -- --development`), the store fixture's shop is Shopify's stand-in
 * (tools/fixtures/src/shopify-stand-in.ts): it installs the app at start as a real shop does (session token, token
 * exchange), and its Admin API answers from the fixture. Any other shop goes to Shopify. Outside development nothing
 * is installed by the backend itself: shops install from their admin.
 * The node:http listener is the app's own (app/node/listener.ts).
 */
import { createHandler, DEFAULT_LIMITS, type Handler, type HandlerOptions } from '../../../app/handler.ts';
import { openBackendState, type NodeBackendState } from '../../../app/node/state.ts';
import { appSecrets, defaultSecretsWarning } from '../../../app/secrets.ts';
import { routeShop } from '../../../app/shopify/api.ts';
import { fixtureShopify, sessionTokenFor, type FixtureShopify } from '@encore/fixtures/shopify-stand-in.ts';
import { adminApi } from '../../../app/catalog/admin-api.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import type { Store } from '@encore/fixtures/types.ts';
import { DEFAULT_OFFERS_FILE, loadOffers, type OfferConfig } from '@encore/fixtures/offers/load.ts';

export interface NodeBackendOptions {
  env?: Record<string, string | undefined>;
  offersFile?: string;
  /** An already-checked offer config, instead of reading `offersFile` (the studio's store may not hold app/offers.json's products). */
  offers?: OfferConfig;
  store?: Store;
  /** Where the one warning about development secrets goes. */
  warn?: (line: string) => void;
  log?: HandlerOptions['log'];
  limits?: HandlerOptions['limits'];
  /**
   * Development mode: missing credentials fall back to the development default (with a warning) instead of refusing
   * to start, and the store fixture's shop is installed and answered by Shopify's stand-in.
   */
  development?: boolean;
  /** The database and rate counter (`backendState`), opened once and kept across the handlers a process builds. */
  state: HandlerOptions['state'];
}

/** The backend's state from the environment (DATABASE_URL, REDIS_URL), with the handler's rate window. */
export function backendState(env: Record<string, string | undefined> = process.env, limits: HandlerOptions['limits'] = {}): Promise<NodeBackendState> {
  return openBackendState({ env, windowMs: limits.windowMs ?? DEFAULT_LIMITS.windowMs });
}

export function backendFromEnvironment(options: NodeBackendOptions): Handler {
  const secrets = appSecrets(options.env ?? process.env, { development: options.development });
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const warning = defaultSecretsWarning(secrets);
  if (warning) warn(warning);
  const store = options.store ?? loadStore();
  const offers = options.offers ?? loadOffers(options.offersFile ?? DEFAULT_OFFERS_FILE, store);
  const domain = store.shop.permanent_domain;
  const standIn = options.development ? fixtureShopify(secrets, [store], { bucket: null }) : null;
  const adminFetch = (input: RequestInfo | URL, init?: RequestInit) =>
    standIn && new URL(input instanceof Request ? input.url : String(input)).hostname === domain ? standIn.fetch(input, init) : fetch(input, init);
  const handlerWith = (log: HandlerOptions['log']) =>
    createHandler({
      apiKey: secrets.apiKey,
      apiSecret: secrets.apiSecret,
      offers,
      adminFetch,
      log,
      limits: options.limits,
      state: options.state,
    });
  const handler = handlerWith(options.log);
  if (!standIn) return handler;
  // The install is the studio's doing, not a request: it goes unlogged.
  const installed = installFixtureShop(
    handlerWith(() => {}),
    domain,
    secrets,
    standIn,
  );
  installed.catch((error: Error) => warn(error.message));
  // Requests wait for the install: until then the shop is not installed and would be refused.
  return async (request) => {
    await installed.catch(() => {});
    return handler(request);
  };
}

/**
 * Offline, the fixture's shop installs the app as a real shop does: Shopify's stand-in (tools/fixtures/src/
 * shopify-stand-in.ts) answers for its domain, the admin opens the app with a session token, and the backend
 * exchanges that token for an offline access token and stores the shop.
 */
async function installFixtureShop(handler: Handler, shop: string, app: { apiKey: string; apiSecret: string }, standIn: FixtureShopify): Promise<void> {
  routeShop(shop, standIn.fetch);
  const sessionToken = await sessionTokenFor(shop, app);
  const answer = await handler(new Request(`http://backend.invalid/?shop=${encodeURIComponent(shop)}&id_token=${sessionToken}`));
  if (!answer.ok) throw new Error(`The backend did not install the fixture's shop ${shop}: HTTP ${answer.status}.`);
  // One query through the stand-in Admin API with the token the install stored: it answers, and the first buyer's
  // request does not pay for warming the GraphQL machinery (the page gives the backend 1.5 s).
  await adminApi(shop, standIn.issued.get(shop)!, { fetch: standIn.fetch })('query EncoreStudioCheck { shop { currencyCode } }');
}

/** The paths the backend answers beside the preview. */
export function isBackendPath(url: string | undefined): boolean {
  return url !== undefined && (url.startsWith('/api/') || url.startsWith('/webhooks/'));
}
