import type { Collection, Db, Document } from 'mongodb';

/** Collection names: one place, so indexes, adapters and tests cannot disagree. */
export const COLLECTIONS = {
  clients: 'clients',
  funds: 'funds',
  ledger: 'ledger',
  ledgerHeads: 'ledger_heads',
  idempotencyKeys: 'idempotency_keys',
  refreshTokens: 'refresh_tokens',
  refreshTokenUses: 'refresh_token_uses',
  revokedFamilies: 'revoked_families',
  notifications: 'notifications',
  notificationAttempts: 'notification_attempts',
  outboxCheckpoints: 'outbox_checkpoints',
  rateLimitHits: 'rate_limit_hits',
  verificationChallenges: 'verification_challenges',
  verificationUses: 'verification_uses',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/**
 * Opens a collection for the adapters. Int64 values come back as bigint (not silently promoted
 * to a JS number), so money stays exact and a raw read shows what was stored.
 */
export function collection<T extends Document>(db: Db, name: CollectionName): Collection<T> {
  return db.collection<T>(name, { useBigInt64: true });
}
