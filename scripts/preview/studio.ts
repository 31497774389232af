/**
 * The studio `npm start` runs: the theme's customer pages, the extension previews and the backend, for one store
 * fixture, on one port. Tests and the browser suite start it in-process with `port: 0`.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { Storefront } from '../storefront.ts';
import { backendFromEnvironment, isBackendPath, nodeListener } from '../offers/backend.ts';
import { OffersError, parseOffers } from '../offers/load.ts';
import { serveStorefront } from './server.ts';
import { LiveReload } from './live-reload.ts';
import { besideModule } from '../paths.ts';
import { DEFAULT_STORE_FILE } from '../store/load.ts';
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
  /** Where the backend's line per request goes (JSON: route, status, ms). Default: stdout. */
  log?: (line: string) => void;
}

export interface Studio extends Listening {
  readonly storefront: Storefront;
}

/** Where extension sources and translations live: edits there reload the previews. */
const EXTENSIONS_DIR = besideModule(import.meta.url, '../../extensions');

export interface StudioHandler {
  listener: http.RequestListener;
  /** The storefront now serving: a new one after each fixture edit. */
  storefront(): Storefront;
  close(): void;
}

/**
 * The studio's request listener: backend paths to the backend, everything else to the preview; and the watcher
 * that reloads the store when the fixture changes and tells open pages to reload on any edit.
 */
export function studioListener(options: StudioOptions = {}): StudioHandler {
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  let storefront = studioStorefront(options);
  let backend = nodeListener(studioBackend(storefront, warn, options.log));
  const reload = new LiveReload();
  const preview = serveStorefront(() => storefront, { reload });
  const storeFile = path.resolve(options.storeFile ?? DEFAULT_STORE_FILE);
  reload.watch([
    { dir: storefront.theme.dir },
    { dir: path.dirname(storeFile), file: storeFile, onChange: () => {
      // A fixture saved half-way is invalid for a moment: keep serving the last good store and say why.
      try {
        storefront = studioStorefront(options);
        backend = nodeListener(studioBackend(storefront, () => {}, options.log));
      } catch (error) {
        warn(`${(error as Error).message}\nThe studio keeps the last store that loaded.`);
      }
    } },
    ...extensionFolders().map((dir) => ({ dir })),
  ]);
  const listener: http.RequestListener = (request, response) => (isBackendPath(request.url) ? backend(request, response) : preview(request, response));
  return { listener, storefront: () => storefront, close: () => reload.close() };
}

/** `extensions/NAME/src` and `extensions/NAME/locales` of every extension. */
function extensionFolders(): string[] {
  if (!fs.existsSync(EXTENSIONS_DIR)) return [];
  return fs.readdirSync(EXTENSIONS_DIR).flatMap((name) => ['src', 'locales'].map((folder) => path.join(EXTENSIONS_DIR, name, folder))).filter((dir) => fs.existsSync(dir));
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
  let handler: StudioHandler | undefined;
  const listening = await listenFirst(options.port ?? studioPort(undefined, process.env.PORT), options.host ?? '127.0.0.1', async () => {
    handler = studioListener(options);
    return handler.listener;
  });
  const close = async () => {
    handler?.close();
    await listening.close();
  };
  try {
    await listening.ready;
  } catch (error) {
    await close();
    throw error;
  }
  return {
    server: listening.server,
    url: listening.url,
    ready: listening.ready,
    close,
    get storefront() { return handler!.storefront(); },
  };
}

/**
 * The backend over the studio's own store, so post-purchase offers name its products. app/offers.json is written
 * for the default store; another fixture (`--fixtures`) usually lacks its products, and then the backend answers
 * with no offers rather than the studio refusing to start.
 */
function studioBackend(storefront: Storefront, warn: (line: string) => void, log?: (line: string) => void) {
  const store = storefront.store;
  try {
    return backendFromEnvironment({ store, warn, log });
  } catch (error) {
    if (!(error instanceof OffersError)) throw error;
    warn(`${error.message}\nThe backend serves no post-purchase offers for this store.`);
    return backendFromEnvironment({ store, warn: () => {}, log, offers: parseOffers({ offers: [] }, 'no offers') });
  }
}
