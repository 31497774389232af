/**
 * The studio `npm start` runs: the theme's customer pages, the extension previews and the backend, for one store
 * fixture, on one port. Tests and the browser suite start it in-process with `port: 0`.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { Storefront } from './storefront.ts';
import { backendFromEnvironment, backendState, isBackendPath } from './backend.ts';
import { nodeListener } from '../../../app/node/listener.ts';
import type { NodeBackendState } from '../../../app/node/state.ts';
import { DEFAULT_OFFERS_FILE, loadOffers, offersFileBeside, OffersError, parseOffers } from '@encore/fixtures/offers/load.ts';
import { serveStorefront } from './server.ts';
import { frontDoor } from './front-door.ts';
import { RenderPool } from './render-pool.ts';
import { LiveReload } from './live-reload.ts';
import { besideModule } from '@encore/liquid/paths.ts';
import { DEFAULT_STORE_FILE } from '@encore/fixtures/load.ts';
import { listenFirst, studioPort, type Listening } from './listen.ts';

export { DEFAULT_PORT, studioPort } from './listen.ts';

export interface StudioOptions {
  /** 0 picks a free port. Default: `PORT`, else 3000. */
  port?: number;
  host?: string;
  themeDir?: string;
  storeFile?: string;
  /** The backend's offer config; default: `studioOffersFile`. */
  offersFile?: string;
  /** Where warnings go (development secrets, offers the store cannot honour). */
  warn?: (line: string) => void;
  /** Where the backend's line per request goes (JSON: route, status, ms). Default: stdout. */
  log?: (line: string) => void;
  /** The extensions whose `src` and `locales` edits reload open pages. Default: the repository's `extensions/`. */
  extensionsDir?: string;
}

export interface Studio extends Listening {
  readonly storefront: Storefront;
}

/** Where extension sources and translations live: edits there reload the previews. */
const EXTENSIONS_DIR = besideModule(import.meta.url, '../../../extensions');

export interface StudioHandler {
  listener: http.RequestListener;
  /** The storefront now serving: a new one after each fixture edit. */
  storefront(): Storefront;
  close(): Promise<void>;
}

/**
 * The studio's request listener: backend paths to the backend, everything else to the preview; and the watcher
 * that reloads the store when the fixture changes and tells open pages to reload on any edit.
 */
export function studioListener(options: StudioOptions = {}): StudioHandler {
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const offers = studioOffersFile(options);
  let storefront = studioStorefront(options);
  // One database for the studio's life: a fixture or offer edit builds a new backend over the same record of what
  // was signed.
  const state = backendState(process.env);
  const backendLog = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  state.catch((error: Error) => warn(`The backend's database did not open: ${error.message}`));
  const backendFor = (next: Storefront, quiet = false) =>
    nodeListener(studioBackend(next, offers, quiet ? () => {} : warn, options.log, state, { quiet }), backendLog);
  let backend = backendFor(storefront);
  const reload = new LiveReload();
  // A fixture edit that did not load: open pages reload and show it until an edit loads again.
  let storeProblem: string | undefined;
  // Pages render on worker threads: a slow one holds a worker, never the server (render-pool.ts).
  const renderer = new RenderPool(storefront.theme.dir, () => storefront, warn);
  const preview = serveStorefront(() => storefront, { reload, storeProblem: () => storeProblem, renderer });
  const storeFile = path.resolve(options.storeFile ?? DEFAULT_STORE_FILE);
  reload.watch([
    { dir: storefront.theme.dir },
    {
      dir: path.dirname(storeFile),
      file: storeFile,
      onChange: () => {
        // A fixture saved half-way is invalid for a moment: keep serving the last good store and say why.
        try {
          const next = studioStorefront(options);
          backend = backendFor(next, true);
          storefront = next;
          renderer.setStore(next.store);
          storeProblem = undefined;
        } catch (error) {
          storeProblem = `${(error as Error).message}\nThe studio keeps the last store that loaded.`;
          warn(storeProblem);
        }
      },
    },
    {
      dir: path.dirname(offers.file),
      file: offers.file,
      onChange: () => {
        try {
          backend = nodeListener(studioBackend(storefront, offers, warn, options.log, state, { quiet: true }), backendLog);
        } catch (error) {
          warn(`${(error as Error).message}\nThe backend keeps the last offers that loaded.`);
        }
      },
    },
    ...extensionFolders(options.extensionsDir ?? EXTENSIONS_DIR).map((dir) => ({ dir })),
  ]);
  const listener = frontDoor((request, response) => (isBackendPath(request.url) ? backend(request, response) : preview(request, response)), warn);
  return {
    listener,
    storefront: () => storefront,
    close: async () => {
      reload.close();
      await renderer.close();
      await state.then((opened) => opened.close()).catch(() => {});
    },
  };
}

/** Which offer config the studio's backend serves, and whether it was chosen for this store. */
export interface StudioOffers {
  file: string;
  /** `--offers`, or the file beside the fixture: written for this store, so a fault in it stops the studio. */
  chosen: boolean;
}

/**
 * `--offers FILE`; else `NAME.offers.json` beside a `--fixtures` store `NAME.json` (each bundled store has one, so
 * its post-purchase page offers its own products); else app/offers.json, written for the default store.
 */
export function studioOffersFile(options: Pick<StudioOptions, 'storeFile' | 'offersFile'>): StudioOffers {
  if (options.offersFile !== undefined) return { file: path.resolve(options.offersFile), chosen: true };
  if (options.storeFile !== undefined) {
    const beside = offersFileBeside(path.resolve(options.storeFile));
    if (fs.existsSync(beside)) return { file: beside, chosen: true };
  }
  return { file: DEFAULT_OFFERS_FILE, chosen: false };
}

/** `extensions/NAME/src` and `extensions/NAME/locales` of every extension. */
function extensionFolders(extensionsDir: string): string[] {
  if (!fs.existsSync(extensionsDir)) return [];
  return fs
    .readdirSync(extensionsDir)
    .flatMap((name) => ['src', 'locales'].map((folder) => path.join(extensionsDir, name, folder)))
    .filter((dir) => fs.existsSync(dir));
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
    await handler?.close();
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
    get storefront() {
      return handler!.storefront();
    },
  };
}

/**
 * The backend over the studio's own store, so post-purchase offers name its products. An offer config chosen for
 * this store must hold: its faults stop the studio, as the fixture's do. app/offers.json is written for the
 * default store; another fixture without offers of its own usually lacks its products, and then the backend
 * answers with no offers rather than the studio refusing to start.
 */
function studioBackend(
  storefront: Storefront,
  offers: StudioOffers,
  warn: (line: string) => void,
  log: ((line: string) => void) | undefined,
  state: Promise<NodeBackendState>,
  options: { quiet?: boolean } = {},
) {
  const store = storefront.store;
  // The warning about development secrets is said once, at start.
  const secretsWarning = options.quiet ? () => {} : warn;
  let config;
  try {
    config = loadOffers(offers.file, store);
  } catch (error) {
    if (offers.chosen || !(error instanceof OffersError)) throw error;
    warn(
      `${error.message}\nThe backend serves no post-purchase offers for this store: give it its own with --offers FILE, or as NAME.offers.json beside the fixture NAME.json.`,
    );
    config = parseOffers({ offers: [] }, 'no offers');
  }
  // The studio is development mode by definition: it runs offline, with no app to take credentials from.
  return backendFromEnvironment({ store, warn: secretsWarning, log, offers: config, state, development: true });
}
