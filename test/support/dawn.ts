import fs from 'node:fs';
import { besideModule } from '../../scripts/paths.ts';

/**
 * Dawn 15.4.1, Shopify's reference theme, as it sits beside the repository (`../shared/themes/dawn-15.4.1`).
 * Tests read it in place and never copy its files into the project; where it is absent they skip and say so.
 */
export const DAWN_DIR = besideModule(import.meta.url, '../../../shared/themes/dawn-15.4.1');

export const dawnPresent = fs.existsSync(`${DAWN_DIR}/layout/theme.liquid`);

export const DAWN_SKIP_MESSAGE = `Dawn 15.4.1 is not at ${DAWN_DIR}: put Shopify's Dawn 15.4.1 there (unchanged) to run the tests that hold Encore's theme against it`;
