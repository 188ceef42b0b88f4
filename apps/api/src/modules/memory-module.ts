import { createInMemoryStorage, microtaskTurn } from '@btg-funds/adapters-memory';
import { ContainerModule } from 'inversify';
import type { AppStorage } from '../runtime/app-storage.js';
import { TOKENS } from '../tokens.js';

/** Storage in process memory: `npm start` with no database (data dies with the process). */
export const memoryModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Storage).toDynamicValue((): AppStorage => ({
    kind: 'memory',
    // Served: a microtask per operation, not a loop iteration (ADR 0708).
    ...createInMemoryStorage({ turn: microtaskTurn }),
    ping: () => Promise.resolve(),
    close: () => Promise.resolve(),
  }));
});
