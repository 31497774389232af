import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * `npm run test:fast`: the tests that run in-process on plain data (the engine, the core, the backend, the theme,
 * the store fixtures), without Chromium, CLI processes, Dawn or extension bundles; under a minute on two idle
 * cores. `npm test` runs these and the rest.
 */
export const FAST_TESTS = ['test/engine/**/*.test.ts', 'test/core/**/*.test.ts', 'test/app/**/*.test.ts', 'test/theme/**/*.test.ts', 'test/store/**/*.test.ts'];

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: FAST_TESTS,
    // Starts the generate CLI as a process once; the rest of test/store is in-process.
    exclude: ['test/store/generate.test.ts'],
  },
});
