import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Dawn 15.4.1, Shopify's reference theme, beside the repository in ../shared: read in place, never copied in. */
export const DAWN_DIR = fileURLToPath(new URL('../../../shared/themes/dawn-15.4.1', import.meta.url));
export const HAS_DAWN = existsSync(`${DAWN_DIR}/layout/theme.liquid`);
export const dawnPresent = HAS_DAWN;

export const DAWN_SKIP_MESSAGE = `Dawn 15.4.1 is not at ${DAWN_DIR}: put Shopify's Dawn 15.4.1 there (unchanged) to run the tests that hold Encore's theme against it`;

/** A suite title that says why it was skipped when Dawn is absent. */
export function dawnSuite(name: string): string {
  return HAS_DAWN ? name : `${name} (skipped: ${DAWN_SKIP_MESSAGE})`;
}
