import { defineConfig } from 'vitest/config';

// Workspace packages are tested from their TypeScript sources through the "source" export
// condition, so a test run never depends on a stale dist/.
// No bundler-only "module" condition: tests run on Node, and with it @opentelemetry/* resolve
// to builds whose extensionless imports Node cannot load.
const conditions = ['source', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'postman/test/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.CI_REPORT
      ? ['default', ['json', { outputFile: process.env.CI_REPORT }]]
      : ['default'],
  },
});
