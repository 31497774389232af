import { readFileSync } from 'node:fs';
import { DEFAULT_STORE_FILE, parseStore, StoreError } from '@encore/fixtures/load.ts';

/** A fresh, mutable copy of the default store's JSON. */
export function defaultStoreJson(): any {
  return JSON.parse(readFileSync(DEFAULT_STORE_FILE, 'utf8'));
}

export const LABEL = 'tools/fixtures/stores/default-store.json';

/** The problem lines reported for the default store after `mutate`. */
export function problemsAfter(mutate: (json: any) => void): string[] {
  const json = defaultStoreJson();
  mutate(json);
  try {
    parseStore(json, LABEL);
  } catch (error) {
    if (error instanceof StoreError) return error.problems;
    throw error;
  }
  throw new Error('expected the store to be rejected');
}

/** casey is the third customer; these are the paths the messages name. */
export const CASEY = 2;
