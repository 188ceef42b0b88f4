import type {
  AttemptClaim,
  ClaimOutcome,
  NotificationRecord,
  NotificationStatus,
  NotificationStore,
} from '@btg-funds/application';
import type { Collection, Db } from 'mongodb';
import { collection, COLLECTIONS } from './collections.js';
import { fromDocument, toDocument, type NotificationDocument } from './notification-document.js';
import { isDuplicateKeyError, storageCall } from './storage-errors.js';

interface AttemptDocument {
  _id: string;
  notificationId: string;
  attempt: number;
  claimedAt: Date;
  leaseUntil: Date;
}

interface CheckpointDocument {
  _id: string;
  at: Date;
}

const RECOVERY = 'recovery';

/**
 * The outbox's delivery records; a unique transactionId makes `ensure` de-duplicate, and a
 * unique `notificationId:attempt` lets one dispatcher, in any process, make each attempt.
 */
export class MongoNotificationStore implements NotificationStore {
  private readonly notifications: Collection<NotificationDocument>;
  private readonly attempts: Collection<AttemptDocument>;
  private readonly checkpoints: Collection<CheckpointDocument>;

  constructor(db: Db) {
    this.checkpoints = collection<CheckpointDocument>(db, COLLECTIONS.outboxCheckpoints);
    this.notifications = collection<NotificationDocument>(db, COLLECTIONS.notifications);
    this.attempts = collection<AttemptDocument>(db, COLLECTIONS.notificationAttempts);
  }

  async ensure(record: NotificationRecord): Promise<boolean> {
    try {
      await storageCall(() => this.notifications.insertOne(toDocument(record)));
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async due(now: Date, limit: number): Promise<readonly NotificationRecord[]> {
    const found = await storageCall(() =>
      this.notifications
        .find({ status: 'pending', nextAttemptAt: { $lte: now } })
        .sort({ nextAttemptAt: 1, createdAt: 1, _id: 1 })
        .limit(limit)
        .toArray(),
    );
    return found.map(fromDocument);
  }

  async claimAttempt(claim: AttemptClaim): Promise<ClaimOutcome> {
    const _id = `${claim.notificationId}:${claim.attempt}`;
    try {
      await storageCall(() => this.attempts.insertOne({ _id, ...claim }));
      return 'claimed';
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await storageCall(() => this.attempts.findOne({ _id }));
    // Gone already (purged): say "held", so this dispatcher just leaves it for now.
    if (existing === null || existing.leaseUntil > claim.claimedAt) return 'held';
    return 'abandoned';
  }

  async update(record: NotificationRecord): Promise<void> {
    // The filter keeps late and stale writers out: only a later attempt of a pending record.
    await storageCall(() =>
      this.notifications.updateOne(
        { _id: record.id, status: 'pending', attempts: { $lt: record.attempts } },
        {
          $set: {
            status: record.status,
            attempts: record.attempts,
            sentAt: record.sentAt,
            nextAttemptAt: record.nextAttemptAt,
            lastError: record.lastError,
            reason: record.reason,
          },
        },
      ),
    );
  }

  async knownTransactionIds(transactionIds: readonly string[]): Promise<ReadonlySet<string>> {
    if (transactionIds.length === 0) return new Set();
    const found = await storageCall(() =>
      this.notifications
        .find({ transactionId: { $in: [...transactionIds] } })
        .project<{ transactionId: string }>({ _id: 0, transactionId: 1 })
        .toArray(),
    );
    return new Set(found.map((doc) => doc.transactionId));
  }

  async recoveryCheckpoint(): Promise<Date | null> {
    const found = await storageCall(() => this.checkpoints.findOne({ _id: RECOVERY }));
    return found?.at ?? null;
  }

  async advanceRecoveryCheckpoint(to: Date): Promise<void> {
    // `$max` keeps the later instant whoever writes last; the upsert creates it the first time.
    const advance = () =>
      storageCall(() =>
        this.checkpoints.updateOne({ _id: RECOVERY }, { $max: { at: to } }, { upsert: true }),
      );
    try {
      await advance();
    } catch (error) {
      // Two first upserts raced and one lost on _id: the document exists now, so update it.
      if (!isDuplicateKeyError(error)) throw error;
      await advance();
    }
  }

  async listByClient(clientId: string, limit: number): Promise<readonly NotificationRecord[]> {
    const found = await storageCall(() =>
      this.notifications.find({ clientId }).sort({ createdAt: -1, _id: -1 }).limit(limit).toArray(),
    );
    return found.map(fromDocument);
  }

  async findByTransactionId(transactionId: string): Promise<NotificationRecord | null> {
    const found = await storageCall(() => this.notifications.findOne({ transactionId }));
    return found === null ? null : fromDocument(found);
  }

  async countByStatus(status: NotificationStatus): Promise<number> {
    // Number(): the count may come back as an Int64 (bigint) through useBigInt64.
    return Number(await storageCall(() => this.notifications.countDocuments({ status })));
  }

  /** Forgets claims older than `cutoff` (no TTL index on FerretDB); run periodically. */
  async deleteClaimsBefore(cutoff: Date): Promise<number> {
    const result = await storageCall(() =>
      this.attempts.deleteMany({ claimedAt: { $lt: cutoff } }),
    );
    return result.deletedCount;
  }
}
