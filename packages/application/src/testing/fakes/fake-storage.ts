import { FakeClientRepository } from './fake-client-repository.js';
import { FakeFundRepository } from './fake-fund-repository.js';
import { FakeIdempotencyStore } from './fake-idempotency-store.js';
import { FakeLedger } from './fake-ledger.js';
import { FakeNotificationStore } from './fake-notification-store.js';
import { FakeRateLimitStore } from './fake-rate-limit-store.js';
import { FakeRefreshTokenStore } from './fake-refresh-token-store.js';
import { FakeVerificationChallengeStore } from './fake-verification-challenge-store.js';

/**
 * Every storage port as a small fake, for the application's own tests (ADR 0009): they pass the
 * same contract suites as the adapters (fakes.test.ts), so a use-case test on them means what it
 * would mean on a real store, without the application depending on an adapter package.
 */
export function createFakeStorage() {
  return {
    clients: new FakeClientRepository(),
    funds: new FakeFundRepository(),
    ledger: new FakeLedger(),
    idempotency: new FakeIdempotencyStore(),
    refreshTokens: new FakeRefreshTokenStore(),
    notifications: new FakeNotificationStore(),
    rateLimits: new FakeRateLimitStore(),
    verifications: new FakeVerificationChallengeStore(),
  };
}

export type FakeStorage = ReturnType<typeof createFakeStorage>;
