/**
 * @packageDocumentation
 * In-memory implementations of every btg-funds port: real implementations with the same
 * guarantees a database gives (unique keys, conflicts, ordering), for tests and local runs.
 */
export { InMemoryClientRepository } from './in-memory-client-repository.js';
export { InMemoryFundRepository } from './in-memory-fund-repository.js';
export { InMemoryLedger } from './in-memory-ledger.js';
export { InMemoryIdempotencyStore } from './in-memory-idempotency-store.js';
export { InMemoryRefreshTokenStore } from './in-memory-refresh-token-store.js';
export { InMemoryNotificationStore } from './in-memory-notification-store.js';
export { InMemoryRateLimitStore } from './in-memory-rate-limit-store.js';
export { InMemoryVerificationChallengeStore } from './in-memory-verification-challenge-store.js';
export {
  createInMemoryStorage,
  type InMemoryStorage,
  type InMemoryStorageOptions,
} from './in-memory-storage.js';
export { eventLoopTurn, microtaskTurn, type StorageTurn } from './storage-turn.js';
