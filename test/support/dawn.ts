import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Dawn 15.4.1, Shopify's reference theme, beside the repository in ../shared: read in place, never copied in. */
export const DAWN_DIR = fileURLToPath(new URL('../../../shared/themes/dawn-15.4.1', import.meta.url));
export const HAS_DAWN = existsSync(DAWN_DIR);

/** A suite title that says why it was skipped when Dawn is absent. */
export function dawnSuite(name: string): string {
  return HAS_DAWN ? name : `${name} (skipped: Dawn 15.4.1 is not at ${DAWN_DIR}; it comes with ../shared)`;
}
