import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // The extension tester ships TypeScript sources, and the post-purchase React packages must share one React
    // with the tests: Vite transforms them rather than leaving them to Node.
    server: { deps: { inline: ['@shopify/ui-extensions-tester', '@shopify/post-purchase-ui-extensions-react', '@remote-ui/react'] } },
    testTimeout: 30_000,
    // CI reads the JSON report to print its closing "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
  },
});
