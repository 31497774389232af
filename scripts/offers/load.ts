/**
 * Reading the merchant's offer config: JSON → shape check → (given a store)
 * reference check → `OfferConfig`. Every problem is reported at once, each as
 * `FILE: JSON-PATH: message`, so a bad config fails when it is loaded with all
 * its faults listed, never while an offer is being shown.
 */
import path from 'node:path';
import { FileProblems, readJsonFile } from '../json-file.ts';
import {
  formatProblem,
  offerReferenceProblems,
  parseOfferConfig,
  type ConfigProblem,
  type OfferConfig,
} from '../../extensions/core/src/offer-config.ts';
import type { Store } from '../store/types.ts';
import { besideModule } from '../paths.ts';

export type { OfferConfig } from '../../extensions/core/src/offer-config.ts';

/** What the offers are checked against: the catalog, and the shop's primary language that texts fall back on. */
type OfferStore = Pick<Store, 'products' | 'collections'> & { shop?: Pick<Store['shop'], 'primary_locale'> };

/** The default store's offers. */
export const DEFAULT_OFFERS_FILE = besideModule(import.meta.url, '../../app/offers.json');

/** `NAME.offers.json` beside the store fixture `NAME.json`: the offers written for that store (each bundled store has its own). */
export function offersFileBeside(storeFile: string): string {
  return path.join(path.dirname(storeFile), `${path.basename(storeFile, path.extname(storeFile))}.offers.json`);
}

/** Thrown by `loadOffers`/`parseOffers`; `problems` holds one line per fault. */
export class OffersError extends FileProblems {
  override name = 'OffersError';
}

/**
 * Reads and checks an offer config. With `store`, every variant, product and
 * collection the offers name must exist in it.
 */
export function loadOffers(file: string = DEFAULT_OFFERS_FILE, store?: OfferStore): OfferConfig {
  const { label, data } = readJsonFile(file, (name, problems) => new OffersError(name, problems));
  return parseOffers(data, label, store);
}

/** Checks already-parsed JSON; `file` only labels the messages. */
export function parseOffers(data: unknown, file: string, store?: OfferStore): OfferConfig {
  const fail = (problems: ConfigProblem[]) => new OffersError(file, problems.map((problem) => `${file}: ${formatProblem(problem)}`));
  const result = parseOfferConfig(data);
  if (!result.ok) throw fail(result.problems);
  // References are checked only on a well-formed config: on a malformed one they would only add noise.
  if (store) {
    const problems = offerReferenceProblems(result.config, store);
    if (problems.length > 0) throw fail(problems);
  }
  return result.config;
}

