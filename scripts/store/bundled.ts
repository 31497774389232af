/**
 * The store fixtures that ship with Encore: the default store, then one small
 * shop per currency in `fixtures/`. Customer handles and order names are
 * unique across all of them, so the CLI can find the store a `--customer` or
 * `--order` lives in without being told (`test/store/bundled.test.ts` keeps
 * that true).
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_STORE_FILE, listScenarios, loadStore } from './load.ts';
import { findCustomer, findOrder } from './names.ts';
import type { Store } from './types.ts';
import { besideModule } from '../paths.ts';

const STORE_DIR = besideModule(import.meta.url);
const FIXTURES_DIR = join(STORE_DIR, 'fixtures');

/** Absolute paths of every bundled store, the default store first, then `fixtures/*.json` by name. */
export const BUNDLED_STORE_FILES: readonly string[] = [
  DEFAULT_STORE_FILE,
  // NAME.offers.json beside a store is its post-purchase offers (scripts/offers/load.ts), not a store.
  ...readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.json') && !name.endsWith('.offers.json')).sort().map((name) => join(FIXTURES_DIR, name)),
];

export interface BundledStore {
  /** Absolute path. */
  file: string;
  /** Path relative to scripts/store, e.g. "fixtures/dkk-store.json": what a reader is shown. */
  name: string;
  store: Store;
}

/** Fixtures are read once per process: a lookup may touch every store. */
const loaded = new Map<string, BundledStore>();

function bundled(file: string): BundledStore {
  let found = loaded.get(file);
  if (!found) loaded.set(file, (found = { file, name: relative(STORE_DIR, file).split('\\').join('/'), store: loadStore(file) }));
  return found;
}

/** Every bundled store, loaded and checked, in `BUNDLED_STORE_FILES` order. */
export function loadBundledStores(): BundledStore[] {
  return BUNDLED_STORE_FILES.map(bundled);
}

/**
 * The bundled store holding the customer (by handle) or the order (by name
 * with or without "#", id or token), looking in the default store first;
 * undefined when none does. Given both, the customer decides.
 */
export function findBundledStore(reference: { customer?: string; order?: string }): BundledStore | undefined {
  for (const file of BUNDLED_STORE_FILES) {
    const candidate = bundled(file);
    if (reference.customer !== undefined ? findCustomer(candidate.store, reference.customer) : reference.order !== undefined && findOrder(candidate.store, reference.order)) {
      return candidate;
    }
  }
  return undefined;
}

/**
 * `listScenarios` over every bundled store. Lines of stores other than the
 * default end with `  [fixtures/dkk-store.json]`, so a reader knows where they live.
 */
export function listBundledScenarios(): string[] {
  return loadBundledStores().flatMap(({ file, name, store }) => listScenarios(store, file === DEFAULT_STORE_FILE ? undefined : name));
}
