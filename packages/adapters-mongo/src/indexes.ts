import type { Db, IndexDescription } from 'mongodb';
import { COLLECTIONS, type CollectionName } from './collections.js';

/**
 * Every index the adapters rely on. Only plain and unique indexes: TTL, partial and sparse
 * indexes are missing on FerretDB v1 (ADR 0302). Unique fields are always filled, because
 * FerretDB lets many documents lack a unique-indexed field.
 */
export const INDEXES: Readonly<Record<CollectionName, readonly IndexDescription[]>> = {
  [COLLECTIONS.clients]: [
    { key: { email: 1 }, name: 'email_unique', unique: true },
    { key: { createdAt: 1, _id: 1 }, name: 'created_at_id' },
  ],
  // _id is the fund id.
  [COLLECTIONS.funds]: [],
  // _id is `${clientId}:${seq}`: the unique (clientId, seq) by construction.
  [COLLECTIONS.ledger]: [
    { key: { transactionId: 1 }, name: 'transaction_id_unique', unique: true },
    { key: { clientId: 1, seq: -1 }, name: 'client_seq' },
    { key: { clientId: 1, subscriptionId: 1 }, name: 'client_subscription' },
    // The outbox recovery's paging order (ADR 0004).
    { key: { createdAt: 1, clientId: 1, seq: 1 }, name: 'created_at_client_seq' },
  ],
  // _id is the client id: a head is read by _id only (ADR 0305).
  [COLLECTIONS.ledgerHeads]: [],
  [COLLECTIONS.idempotencyKeys]: [
    { key: { clientId: 1, key: 1 }, name: 'client_key_unique', unique: true },
    { key: { expiresAt: 1 }, name: 'expires_at' },
  ],
  // _id is the token digest (unique); the family index serves revocation clean-up.
  [COLLECTIONS.refreshTokens]: [
    { key: { expiresAt: 1 }, name: 'expires_at' },
    { key: { familyId: 1 }, name: 'family' },
  ],
  // _id is the digest of the used token: consuming is a unique insert.
  [COLLECTIONS.refreshTokenUses]: [],
  // _id is the family id.
  [COLLECTIONS.revokedFamilies]: [],
  [COLLECTIONS.notifications]: [
    { key: { transactionId: 1 }, name: 'transaction_id_unique', unique: true },
    { key: { status: 1, nextAttemptAt: 1 }, name: 'status_next_attempt' },
    { key: { clientId: 1, createdAt: -1 }, name: 'client_created_at' },
  ],
  // _id is `${notificationId}:${attempt}`: claiming a delivery attempt is a unique insert.
  [COLLECTIONS.notificationAttempts]: [{ key: { claimedAt: 1 }, name: 'claimed_at' }],
  // _id is the checkpoint's name ("recovery"): one small document.
  [COLLECTIONS.outboxCheckpoints]: [],
  // _id is `windowStart:n:key`: one unique insert per hit (ADR 0203).
  // Only the newest challenge of a client and channel is read (ADR 0405).
  [COLLECTIONS.verificationChallenges]: [
    { key: { clientId: 1, channel: 1, createdAt: -1, _id: -1 }, name: 'client_channel_newest' },
    { key: { expiresAt: 1 }, name: 'expires_at' },
  ],
  // _id is the challenge id: using a code is a unique insert.
  [COLLECTIONS.verificationUses]: [],
  [COLLECTIONS.rateLimitHits]: [
    { key: { key: 1, windowStart: 1, n: -1 }, name: 'key_window_n' },
    { key: { expiresAt: 1 }, name: 'expires_at' },
  ],
};

/**
 * Creates collections and indexes; safe to run at every start-up and from several processes at
 * once (createIndexes with an identical spec is a no-op on every supported server).
 */
export async function ensureIndexes(db: Db): Promise<void> {
  const existing = new Set(
    (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name),
  );
  for (const [name, indexes] of Object.entries(INDEXES)) {
    if (!existing.has(name)) await createCollectionIfAbsent(db, name);
    // One index per createIndexes call: FerretDB v1.24 panics (drops the connection) when
    // one call repeats two or more existing indexes (ADR 0302).
    for (const index of indexes) await db.collection(name).createIndexes([index]);
  }
}

async function createCollectionIfAbsent(db: Db, name: string): Promise<void> {
  try {
    await db.createCollection(name);
  } catch (error) {
    // NamespaceExists (48): another process created it first.
    if ((error as { code?: unknown }).code !== 48) throw error;
  }
}
