import { setImmediate } from 'node:timers/promises';

/**
 * Every fake operation yields to the event loop once, like a round trip to a store, so
 * concurrent use cases really interleave between their reads and writes.
 */
export const tick = (): Promise<void> => setImmediate().then(() => undefined);
