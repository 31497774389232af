/**
 * `waitFor` from Testing Library, waiting for its condition for as long as a busy machine needs: its own default
 * (1 s) turns a slow render into a failure. Time limits the extensions own are tested on a faked clock instead.
 */
import { configure } from '@testing-library/preact';

export { waitFor } from '@testing-library/preact';

/** Only a safety net: a condition that holds is seen at once, one that never does fails after this. */
export const WAIT_LIMIT_MS = 15_000;

configure({ asyncUtilTimeout: WAIT_LIMIT_MS });
