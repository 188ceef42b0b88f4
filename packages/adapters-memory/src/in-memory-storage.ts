import { InMemoryClientRepository } from './in-memory-client-repository.js';
import { InMemoryFundRepository } from './in-memory-fund-repository.js';
import { InMemoryIdempotencyStore } from './in-memory-idempotency-store.js';
import { InMemoryLedger } from './in-memory-ledger.js';
import { InMemoryNotificationStore } from './in-memory-notification-store.js';
import { InMemoryRateLimitStore } from './in-memory-rate-limit-store.js';
import { InMemoryRefreshTokenStore } from './in-memory-refresh-token-store.js';
import { InMemoryVerificationChallengeStore } from './in-memory-verification-challenge-store.js';

/** Every storage port, in memory: what `npm start` and most tests run on. */
export function createInMemoryStorage() {
  return {
    clients: new InMemoryClientRepository(),
    funds: new InMemoryFundRepository(),
    ledger: new InMemoryLedger(),
    idempotency: new InMemoryIdempotencyStore(),
    refreshTokens: new InMemoryRefreshTokenStore(),
    notifications: new InMemoryNotificationStore(),
    rateLimits: new InMemoryRateLimitStore(),
    verifications: new InMemoryVerificationChallengeStore(),
  };
}

export type InMemoryStorage = ReturnType<typeof createInMemoryStorage>;
