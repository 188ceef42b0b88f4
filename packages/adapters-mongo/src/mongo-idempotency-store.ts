import type { IdempotencyRecord, IdempotencyStore, StoredOutcome } from '@btg-funds/application';
import type { Collection, Db } from 'mongodb';
import { collection, COLLECTIONS } from './collections.js';
import { isDuplicateKeyError, storageCall } from './storage-errors.js';

export interface IdempotencyDocument {
  clientId: string;
  key: string;
  fingerprint: string;
  transactionId: string;
  state: IdempotencyRecord['state'];
  /**
   * The outcome as a JSON string: it round-trips exactly (numbers, key names with "." or "$",
   * key order), whatever the server's BSON quirks.
   */
  outcome: string | null;
  createdAt: Date;
  expiresAt: Date;
  lockedUntil: Date;
}

/**
 * Idempotency keys, unique per (clientId, key). No TTL index (FerretDB has none): expiry is
 * honoured on read by the IdempotencyGuard and old records are purged by deleteExpired (ADR 0302).
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  private readonly keys: Collection<IdempotencyDocument>;

  constructor(db: Db) {
    this.keys = collection<IdempotencyDocument>(db, COLLECTIONS.idempotencyKeys);
  }

  async insertIfAbsent(record: IdempotencyRecord): Promise<IdempotencyRecord | null> {
    // Insert first, read on conflict: the unique index decides the race, never a read.
    for (let pass = 0; pass < 3; pass += 1) {
      try {
        await storageCall(() => this.keys.insertOne(toDocument(record)));
        return null;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const existing = await storageCall(() =>
        this.keys.findOne({ clientId: record.clientId, key: record.key }),
      );
      // Removed between our insert and our read: try to insert again.
      if (existing !== null) return fromDocument(existing);
    }
    throw new Error('idempotency key kept changing while it was being claimed');
  }

  async remove(record: IdempotencyRecord): Promise<void> {
    await storageCall(() =>
      this.keys.deleteOne({
        clientId: record.clientId,
        key: record.key,
        transactionId: record.transactionId,
        state: record.state,
      }),
    );
  }

  async relock(record: IdempotencyRecord, lockedUntil: Date): Promise<void> {
    // A plain update: last writer wins, and every writer holds the same transaction id.
    await storageCall(() =>
      this.keys.updateOne(
        {
          clientId: record.clientId,
          key: record.key,
          transactionId: record.transactionId,
          state: 'in-flight',
        },
        { $set: { lockedUntil } },
      ),
    );
  }

  async complete(record: IdempotencyRecord, outcome: StoredOutcome): Promise<void> {
    await storageCall(() =>
      this.keys.updateOne(
        { clientId: record.clientId, key: record.key, transactionId: record.transactionId },
        { $set: { state: 'completed', outcome: JSON.stringify(outcome) } },
      ),
    );
  }

  /** Purges records whose replay window has closed; run periodically. Returns the count. */
  async deleteExpired(now: Date): Promise<number> {
    const result = await storageCall(() => this.keys.deleteMany({ expiresAt: { $lte: now } }));
    return result.deletedCount;
  }
}

function toDocument(record: IdempotencyRecord): IdempotencyDocument {
  return {
    clientId: record.clientId,
    key: record.key,
    fingerprint: record.fingerprint,
    transactionId: record.transactionId,
    state: record.state,
    outcome: record.outcome === null ? null : JSON.stringify(record.outcome),
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    lockedUntil: record.lockedUntil,
  };
}

function fromDocument(doc: IdempotencyDocument): IdempotencyRecord {
  return {
    clientId: doc.clientId,
    key: doc.key,
    fingerprint: doc.fingerprint,
    transactionId: doc.transactionId,
    state: doc.state,
    outcome: doc.outcome === null ? null : (JSON.parse(doc.outcome) as StoredOutcome),
    createdAt: doc.createdAt,
    expiresAt: doc.expiresAt,
    lockedUntil: doc.lockedUntil,
  };
}
