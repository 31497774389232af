/**
 * Shopify's own app library (`@shopify/shopify-api`) for what it does for every app: session tokens, token exchange
 * and webhook validation. It runs on web APIs (its web-api adapter), like the rest of app/.
 *
 * The library sends its requests (token exchange, Admin GraphQL) through one fetch shared by every app instance. Encore's
 * goes to Shopify, except for a shop domain a stand-in answers: the studio and the tests route their fixture shops
 * to an offline Shopify (`routeShop`). A deployed app routes nothing.
 */
import '@shopify/shopify-api/adapters/web-api';
import { ApiVersion, LogSeverity, shopifyApi, type Shopify } from '@shopify/shopify-api';
import { setAbstractFetchFunc } from '@shopify/shopify-api/runtime';

/** The Admin API version the backend reads, as shopify.app.toml's webhooks and extensions use. */
export const ADMIN_API_VERSION = ApiVersion.October26;

const standIns = new Map<string, typeof fetch>();

setAbstractFetchFunc((input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const standIn = standIns.get(new URL(url).hostname);
  return standIn ? standIn(input, init) : fetch(input, init);
});

/** Sends what the library asks of `shop` (its *.myshopify.com domain) to `standIn` until the returned function is called. */
export function routeShop(shop: string, standIn: typeof fetch): () => void {
  standIns.set(shop, standIn);
  return () => {
    if (standIns.get(shop) === standIn) standIns.delete(shop);
  };
}

export interface AppConfig {
  apiKey: string;
  apiSecret: string;
  /** The app's public URL (SHOPIFY_APP_URL, which shopify app dev sets); its host is the library's hostName. */
  appUrl: string;
}

export function shopifyFor(config: AppConfig): Shopify {
  const url = new URL(config.appUrl);
  return shopifyApi({
    apiKey: config.apiKey,
    apiSecretKey: config.apiSecret,
    hostName: url.host,
    hostScheme: url.protocol === 'http:' ? 'http' : 'https',
    apiVersion: ADMIN_API_VERSION,
    isEmbeddedApp: true,
    // Its own log lines can hold a session token; Encore logs one JSON line per request instead.
    logger: { level: LogSeverity.Error, log: async () => {} },
  });
}
