export type { Clock } from './clock.js';
export type { IdGenerator } from './id-generator.js';
export type { PasswordHasher } from './password-hasher.js';
export type {
  AccessTokenClaims,
  IssuedAccessToken,
  SecretTokens,
  TokenIssuer,
} from './token-issuer.js';
export type { AccessTokenVerifier } from './access-token-verifier.js';
export { ROLES, type AuthRecord, type Role } from './auth-record.js';
export type { ClientRecord, ClientRepository } from './client-repository.js';
export { DuplicateEmail, DuplicateFundId, HashingNotStarted, NotFound } from './port-errors.js';
export type { FundRepository } from './fund-repository.js';
export {
  comparePositions,
  LedgerConflict,
  LedgerSequenceGap,
  positionOf,
  type Ledger,
  type LedgerListing,
  type LedgerPosition,
  type LedgerRecord,
  type NotificationIntent,
  type WithheldReason,
  type TransactionFilter,
} from './ledger.js';
export type { IdempotencyRecord, IdempotencyStore, StoredOutcome } from './idempotency-store.js';
export type { RefreshTokenRecord, RefreshTokenStore } from './refresh-token-store.js';
export type {
  AttemptClaim,
  ClaimOutcome,
  NotificationReason,
  NotificationRecord,
  NotificationStatus,
  NotificationStore,
} from './notification-store.js';
export {
  NotificationDeliveryError,
  type NotificationSender,
  type OutgoingNotification,
} from './notification-sender.js';
export { StorageUnavailable } from './storage-unavailable.js';
export type { RateLimitStore, RateWindow } from './rate-limit-store.js';
export type { BreachedPasswords } from './breached-passwords.js';
export type {
  VerificationChallenge,
  VerificationChallengeStore,
} from './verification-challenge-store.js';
export type { OneTimeCodes } from './one-time-codes.js';
