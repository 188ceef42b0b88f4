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
export { createInMemoryStorage, type InMemoryStorage } from './in-memory-storage.js';
export { SystemClock } from './system-clock.js';
export { FixedClock } from './fixed-clock.js';
export { RandomIdGenerator } from './random-id-generator.js';
export { SequentialIdGenerator } from './sequential-id-generator.js';
