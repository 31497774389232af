/**
 * The studio `npm start` runs: the theme's customer pages, the extension previews and the backend, for one store
 * fixture, on one port. Tests and the browser suite start it in-process with `port: 0`.
 */
import type http from 'node:http';
import path from 'node:path';
import { Storefront } from '../storefront.ts';
import { backendFromEnvironment, isBackendPath, nodeListener } from '../offers/backend.ts';
import { OffersError, parseOffers } from '../offers/load.ts';
import { serveStorefront } from './server.ts';
import { listenFirst, studioPort, type Listening } from './listen.ts';

export { DEFAULT_PORT, studioPort } from './listen.ts';

export interface StudioOptions {
  /** 0 picks a free port. Default: `PORT`, else 3000. */
  port?: number;
  host?: string;
  themeDir?: string;
  storeFile?: string;
  /** Where warnings go (development secrets, offers the store cannot honour). */
  warn?: (line: string) => void;
}

export interface Studio extends Listening {
  readonly storefront: Storefront;
}

/** The studio's request listener: backend paths to the backend, everything else to the preview. */
export function studioListener(options: StudioOptions = {}): { listener: http.RequestListener; storefront: Storefront } {
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const storefront = studioStorefront(options);
  const backend = nodeListener(studioBackend(storefront, warn));
  const preview = serveStorefront(storefront);
  const listener: http.RequestListener = (request, response) => (isBackendPath(request.url) ? backend(request, response) : preview(request, response));
  return { listener, storefront };
}

/**
 * The storefront with the store publishing every language the theme ships besides its own: the studio is for
 * previewing each translation, and a fixture usually publishes only one or two (the default store: en, fr).
 */
export function studioStorefront(options: Pick<StudioOptions, 'themeDir' | 'storeFile'>): Storefront {
  const themeDir = options.themeDir ? path.resolve(options.themeDir) : undefined;
  const loaded = new Storefront({ themeDir, storeFile: options.storeFile ? path.resolve(options.storeFile) : undefined });
  const published = [...new Set([...loaded.store.shop.published_locales, ...loaded.theme.locales()])];
  const store = { ...loaded.store, shop: { ...loaded.store.shop, published_locales: published } };
  return new Storefront({ themeDir, store, watch: true });
}

/** A studio that has loaded and is listening. */
export async function startStudio(options: StudioOptions = {}): Promise<Studio> {
  let storefront: Storefront | undefined;
  const listening = await listenFirst(options.port ?? studioPort(undefined, process.env.PORT), options.host ?? '127.0.0.1', async () => {
    const built = studioListener(options);
    storefront = built.storefront;
    return built.listener;
  });
  try {
    await listening.ready;
  } catch (error) {
    await listening.close();
    throw error;
  }
  return Object.assign(listening, { storefront: storefront! });
}

/**
 * The backend over the studio's own store, so post-purchase offers name its products. app/offers.json is written
 * for the default store; another fixture (`--fixtures`) usually lacks its products, and then the backend answers
 * with no offers rather than the studio refusing to start.
 */
function studioBackend(storefront: Storefront, warn: (line: string) => void) {
  const store = storefront.store;
  try {
    return backendFromEnvironment({ store, warn });
  } catch (error) {
    if (!(error instanceof OffersError)) throw error;
    warn(`${error.message}\nThe backend serves no post-purchase offers for this store.`);
    return backendFromEnvironment({ store, warn: () => {}, offers: parseOffers({ offers: [] }, 'no offers') });
  }
}
