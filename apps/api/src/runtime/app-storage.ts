import type {
  ClientRepository,
  FundRepository,
  IdempotencyStore,
  Ledger,
  NotificationStore,
  RateLimitStore,
  RefreshTokenStore,
  VerificationChallengeStore,
} from '@btg-funds/application';

/**
 * What a storage module provides: every storage port plus the two operations the process
 * needs (readiness and shutdown). Memory and Mongo modules each bind one.
 */
export interface AppStorage {
  readonly kind: string;
  readonly clients: ClientRepository;
  readonly funds: FundRepository;
  readonly ledger: Ledger;
  readonly idempotency: IdempotencyStore;
  readonly refreshTokens: RefreshTokenStore;
  readonly notifications: NotificationStore;
  /** Rate-limit counters: shared by every instance on the same store (ADR 0203). */
  readonly rateLimits: RateLimitStore;
  /** One-time verification codes (hashed) of e-mail addresses and phones (ADR 0405). */
  readonly verifications: VerificationChallengeStore;
  /** Resolves when storage answers; rejects otherwise (GET /health/ready). */
  ping(): Promise<void>;
  /** Start-up work before first use (e.g. indexes); absent when there is none. */
  prepare?(): Promise<void>;
  close(): Promise<void>;
}
