/**
 * Reading a store fixture: JSON → schema check → referential checks → `Store`.
 * Every problem is reported up front, each as `FILE: JSON-PATH: message`, so a
 * bad fixture fails at load time with all its faults listed, never halfway
 * through a render.
 */
import { FileProblems, readJsonFile } from '../json-file.ts';
import { checkReferences, type Problem } from './references.ts';
import { orderIdOf } from './names.ts';
import type { Store } from './types.ts';
import { schemaProblems } from './validate.ts';
import { besideModule } from '../paths.ts';

export type { Store } from './types.ts';
export { orderIdOf } from './names.ts';

/** The fixture used when the CLI is given none. */
export const DEFAULT_STORE_FILE = besideModule(import.meta.url, 'default-store.json');

/** Thrown by `loadStore`/`parseStore`; `problems` holds one line per fault. */
export class StoreError extends FileProblems {
  override name = 'StoreError';
}

export function loadStore(file: string = DEFAULT_STORE_FILE): Store {
  const { label, data } = readJsonFile(file, (name, problems) => new StoreError(name, problems));
  return parseStore(data, label);
}

/** Validates already-parsed JSON; `file` only labels the messages. */
export function parseStore(data: unknown, file: string): Store {
  const fail = (problems: Problem[]) => new StoreError(file, problems.map((problem) => `${file}: ${problem.path}: ${problem.message}`));
  const shapeProblems = schemaProblems(data);
  // Referential checks assume the shape is right; running them on a malformed store would only add noise.
  if (shapeProblems.length > 0) throw fail(shapeProblems);
  const store = data as Store;
  const referenceProblems = checkReferences(store);
  if (referenceProblems.length > 0) throw fail(referenceProblems);
  fillDefaults(store);
  return store;
}

/** Fields a fixture may leave out take the value Shopify would have recorded. */
function fillDefaults(store: Store): void {
  const variants = new Map(store.products.flatMap((product) => product.variants.map((variant) => [variant.id, variant] as const)));
  for (const customer of store.customers) {
    for (const order of customer.orders) {
      for (const line of order.line_items) {
        // The checked references guarantee the variant exists.
        line.requires_shipping ??= variants.get(line.variant_id)!.requires_shipping;
      }
    }
  }
}

/**
 * One line per renderable scenario, for `npm run render -- --list`:
 * `customer HANDLE  description`, then that customer's orders as
 * `order ID  description` where ID is the order name without "#".
 * `where`, when given, ends every line as `  [where]`: the store's file for
 * listings that span several stores.
 */
export function listScenarios(store: Store, where?: string): string[] {
  const suffix = where === undefined ? '' : `  [${where}]`;
  return store.customers.flatMap((customer) => [
    `customer ${customer.handle}  ${customer.description}${suffix}`,
    ...customer.orders.map((order) => `order ${orderIdOf(order.name)}  ${order.description}${suffix}`),
  ]);
}
