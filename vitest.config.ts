import { availableParallelism } from 'node:os';
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
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine.
    // Much of the suite waits (on Chromium, spawned services, FerretDB, timers), so a second
    // worker fills the idle core: the gate's run went from ~465 s to ~357 s on 2 cores.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.CI_REPORT
      ? ['default', ['json', { outputFile: process.env.CI_REPORT }]]
      : ['default'],
  },
});
