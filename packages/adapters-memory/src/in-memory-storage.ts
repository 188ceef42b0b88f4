import { InMemoryClientRepository } from './in-memory-client-repository.js';
import { InMemoryFundRepository } from './in-memory-fund-repository.js';
import { InMemoryIdempotencyStore } from './in-memory-idempotency-store.js';
import { InMemoryLedger } from './in-memory-ledger.js';
import { InMemoryNotificationStore } from './in-memory-notification-store.js';
import { InMemoryRateLimitStore } from './in-memory-rate-limit-store.js';
import { InMemoryRefreshTokenStore } from './in-memory-refresh-token-store.js';
import { InMemoryVerificationChallengeStore } from './in-memory-verification-challenge-store.js';
import { eventLoopTurn, type StorageTurn } from './storage-turn.js';

export interface InMemoryStorageOptions {
  /** What each operation waits for first (default: one event-loop turn, like a round trip). */
  readonly turn?: StorageTurn;
}

/** Every storage port, in memory: what `npm start` and most tests run on. */
export function createInMemoryStorage({ turn = eventLoopTurn }: InMemoryStorageOptions = {}) {
  return {
    clients: new InMemoryClientRepository(turn),
    funds: new InMemoryFundRepository(turn),
    ledger: new InMemoryLedger(turn),
    idempotency: new InMemoryIdempotencyStore(turn),
    refreshTokens: new InMemoryRefreshTokenStore(turn),
    notifications: new InMemoryNotificationStore(undefined, turn),
    rateLimits: new InMemoryRateLimitStore(),
    verifications: new InMemoryVerificationChallengeStore(turn),
  };
}

export type InMemoryStorage = ReturnType<typeof createInMemoryStorage>;
