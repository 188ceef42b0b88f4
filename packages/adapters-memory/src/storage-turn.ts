import { setImmediate } from 'node:timers/promises';

/**
 * What an in-memory operation waits for before it touches the data: a database round trip
 * always lets other work run in between, so these stores never answer synchronously.
 */
export type StorageTurn = () => Promise<void>;

/**
 * One event-loop turn (a macrotask): I/O, timers and every other request run in between, like a
 * real round trip. The default, and what the contract suites and concurrency proofs run on.
 */
export const eventLoopTurn: StorageTurn = () => setImmediate().then(() => undefined);

/**
 * One microtask: the other requests' continuations still interleave between a read and a write
 * (every guarantee of the contract suites holds, and they run on it too), but an operation no
 * longer waits for a whole loop iteration — what a served in-memory app needs (ADR 0708).
 */
export const microtaskTurn: StorageTurn = () => Promise.resolve();
