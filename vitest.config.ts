import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // The extension tester ships TypeScript sources, and the post-purchase React packages must share one React
    // with the tests: Vite transforms them rather than leaving them to Node.
    server: { deps: { inline: ['@shopify/ui-extensions-tester', '@shopify/post-purchase-ui-extensions-react', '@remote-ui/react'] } },
    testTimeout: 30_000,
    // vitest's default (cores - 1) runs one file at a time on two cores, while much of the suite waits on
    // Chromium, the studio or a bundle build rather than on its own core: one worker per core.
    maxWorkers: os.availableParallelism(),
    // A worker keeps its modules from one file to the next (the store fixtures, the engine, the tester), which
    // spares a fresh process per file; so each file must close what it starts (servers, browsers, temp folders,
    // fake timers).
    isolate: false,
    // CI reads the JSON report to print its closing "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
  },
});
