/**
 * The backend (app/handler.ts) on Node, for `npm run serve` and `npm start`:
 * the handler built from the environment's secrets, app/offers.json (checked
 * at start against the store: every fault listed with its JSON path) and the
 * default store fixture standing in for the shop's catalog and customers.
 * The node:http listener is the app's own (app/node/listener.ts).
 */
import { createHandler, DEFAULT_LIMITS, type Handler, type HandlerOptions } from '../../../app/handler.ts';
import { openBackendState, type NodeBackendState } from '../../../app/node/state.ts';
import { appSecrets, defaultSecretsWarning } from '../../../app/secrets.ts';
import { loadStore } from '@encore/fixtures/load.ts';
import type { Store } from '@encore/fixtures/types.ts';
import { fixtureShop } from '@encore/fixtures/offers/fixture-shop.ts';
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
  /** Development mode: missing credentials fall back to the development default (with a warning) instead of refusing to start. */
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
  const warning = defaultSecretsWarning(secrets);
  if (warning) (options.warn ?? ((line) => process.stderr.write(`${line}\n`)))(warning);
  const store = options.store ?? loadStore();
  return createHandler({
    apiKey: secrets.apiKey,
    apiSecret: secrets.apiSecret,
    offers: options.offers ?? loadOffers(options.offersFile ?? DEFAULT_OFFERS_FILE, store),
    shop: fixtureShop(store),
    log: options.log,
    limits: options.limits,
    state: options.state,
  });
}

/** The paths the backend answers beside the preview. */
export function isBackendPath(url: string | undefined): boolean {
  return url !== undefined && (url.startsWith('/api/') || url.startsWith('/webhooks/'));
}
