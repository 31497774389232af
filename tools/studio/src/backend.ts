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
import { nodeHs256 } from '../../../app/node/hs256.ts';
import { appSecrets, appUrlFrom, defaultSecretsWarning, SecretsError } from '../../../app/secrets.ts';
import { routeShop } from '../../../app/shopify/api.ts';
import { fixtureShopify, remoteStandIn, sessionTokenFor } from '@encore/fixtures/shopify-stand-in.ts';
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
  const env = options.env ?? process.env;
  const secrets = appSecrets(env, { development: options.development });
  const appUrl = appUrlFrom(env);
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const warning = defaultSecretsWarning(secrets);
  if (warning) warn(warning);
  if (!options.development) {
    // A deployed backend serves the shops that install it, each with the offers it imported.
    return createHandler({
      apiKey: secrets.apiKey,
      apiSecret: secrets.apiSecret,
      appUrl,
      hs256: nodeHs256,
      log: options.log,
      limits: options.limits,
      state: options.state,
    });
  }
  const store = options.store ?? loadStore();
  // Checked against the fixture at start, every fault with its file and JSON path.
  const offers = options.offers ?? loadOffers(options.offersFile ?? DEFAULT_OFFERS_FILE, store);
  const domain = store.shop.permanent_domain;
  const standIn = shopifyFor(env, secrets, store);
  const adminFetch = (input: RequestInfo | URL, init?: RequestInit) =>
    new URL(input instanceof Request ? input.url : String(input)).hostname === domain ? standIn(input, init) : fetch(input, init);
  const handlerWith = (log: HandlerOptions['log']) =>
    createHandler({
      apiKey: secrets.apiKey,
      apiSecret: secrets.apiSecret,
      appUrl,
      adminFetch,
      hs256: nodeHs256,
      log,
      limits: options.limits,
      state: options.state,
    });
  const handler = handlerWith(options.log);
  // The install is the studio's doing, not a request: it goes unlogged.
  const installed = installFixtureShop(
    handlerWith(() => {}),
    domain,
    secrets,
    standIn,
    offers,
  );
  installed.catch((error: Error) => warn(error.message));
  // Requests wait for the install: until then the shop is not installed and would be refused.
  return async (request) => {
    await installed.catch(() => {});
    return handler(request);
  };
}

/**
 * The fixture shop's Shopify: this process's own stand-in, or the one ENCORE_SHOPIFY_STAND_IN names (`npm run
 * shopify-stand-in`, shared by several processes).
 */
function shopifyFor(env: Record<string, string | undefined>, app: { apiKey: string; apiSecret: string }, store: Store): typeof fetch {
  const remote = env.ENCORE_SHOPIFY_STAND_IN?.trim();
  if (!remote) return fixtureShopify(app, [store], { bucket: null }).fetch;
  let base: URL;
  try {
    base = new URL(remote.endsWith('/') ? remote : `${remote}/`);
  } catch {
    throw new SecretsError(`ENCORE_SHOPIFY_STAND_IN=${remote}: not a URL; use what npm run shopify-stand-in prints, e.g. http://127.0.0.1:4100/`);
  }
  return remoteStandIn(base);
}

/**
 * Offline, the fixture's shop installs the app as a real shop does: Shopify's stand-in (tools/fixtures/src/
 * shopify-stand-in.ts) answers for its domain, the admin opens the app with a session token, and the backend
 * exchanges that token for an offline access token and stores the shop. Then the merchant imports the offers
 * from the admin (PUT /api/admin/offers), checked against the shop's catalog through the stand-in Admin API; that
 * also spares the first buyer's request the warming of the GraphQL machinery (the page gives the backend 1.5 s).
 */
async function installFixtureShop(
  handler: Handler,
  shop: string,
  app: { apiKey: string; apiSecret: string },
  standIn: typeof fetch,
  offers: OfferConfig,
): Promise<void> {
  routeShop(shop, standIn);
  const install = async () => {
    const installed = await handler(new Request(`http://backend.invalid/?shop=${encodeURIComponent(shop)}&id_token=${await sessionTokenFor(shop, app)}`));
    if (!installed.ok) throw new Error(`The backend did not install the fixture's shop ${shop}: HTTP ${installed.status}.`);
    return handler(
      new Request('http://backend.invalid/api/admin/offers', {
        method: 'PUT',
        headers: { authorization: `Bearer ${await sessionTokenFor(shop, app)}`, 'content-type': 'application/json' },
        body: JSON.stringify(offers),
      }),
    );
  };
  let imported = await install();
  // A database kept from a run with another app secret holds tokens this Shopify refuses: refused once, they are
  // marked so, and opening the app again exchanges a new pair.
  if (imported.status === 503) imported = await install();
  if (!imported.ok) {
    const error = ((await imported.json()) as { error?: { message?: string } }).error;
    throw new Error(`The backend did not import the offers of ${shop}: HTTP ${imported.status}${error?.message ? `\n${error.message}` : ''}`);
  }
}

/** The paths the backend answers beside the preview. */
export function isBackendPath(url: string | undefined): boolean {
  return url !== undefined && (url.startsWith('/api/') || url.startsWith('/webhooks/'));
}
