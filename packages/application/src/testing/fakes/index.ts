export { FakeClientRepository } from './fake-client-repository.js';
export { FakeFundRepository } from './fake-fund-repository.js';
export { FakeIdempotencyStore } from './fake-idempotency-store.js';
export { FakeLedger } from './fake-ledger.js';
export { FakeNotificationStore } from './fake-notification-store.js';
export { FakeRateLimitStore } from './fake-rate-limit-store.js';
export { FakeRefreshTokenStore } from './fake-refresh-token-store.js';
export { FakeVerificationChallengeStore } from './fake-verification-challenge-store.js';
export { createFakeStorage, type FakeStorage } from './fake-storage.js';
