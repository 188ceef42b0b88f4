import { setImmediate } from 'node:timers/promises';

/**
 * Every in-memory operation yields to the event loop once, like a round trip to a database,
 * so concurrent use cases really interleave between their reads and writes in tests.
 */
export const yieldToOthers = (): Promise<void> => setImmediate().then(() => undefined);
