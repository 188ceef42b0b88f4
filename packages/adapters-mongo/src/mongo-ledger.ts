import {
  LedgerConflict,
  type Ledger,
  type LedgerPosition,
  type LedgerRecord,
  type TransactionFilter,
} from '@btg-funds/application';
import type { Collection, Db, Filter, WriteConcernSettings } from 'mongodb';
import { collection, COLLECTIONS } from './collections.js';
import { fromLedgerDocument, toLedgerDocument, type LedgerDocument } from './ledger-document.js';
import { isDuplicateKeyError, storageCall } from './storage-errors.js';

/**
 * The append-only ledger. Correctness rests on one insert per operation that fails with E11000
 * when `_id` (= clientId:seq) or the transaction id is taken: no transaction, no conditional
 * update, so it holds on MongoDB, DocumentDB and FerretDB alike (ADR 0300).
 */
export class MongoLedger implements Ledger {
  private readonly entries: Collection<LedgerDocument>;
  /** Server default until `useWriteConcern` (a replica set: majority, journaled; ADR 0304). */
  private writeConcern: WriteConcernSettings | undefined;

  constructor(db: Db) {
    this.entries = collection<LedgerDocument>(db, COLLECTIONS.ledger);
  }

  /** The write concern every append waits for before the use case answers. */
  useWriteConcern(writeConcern: WriteConcernSettings | undefined): void {
    this.writeConcern = writeConcern;
  }

  /** The write concern appends use (undefined: the server's default). */
  get appendWriteConcern(): WriteConcernSettings | undefined {
    return this.writeConcern;
  }

  async latest(clientId: string): Promise<LedgerRecord | null> {
    const found = await storageCall(() =>
      this.entries.find({ clientId }).sort({ seq: -1 }).limit(1).toArray(),
    );
    const doc = found[0];
    return doc === undefined ? null : fromLedgerDocument(doc);
  }

  async append(record: LedgerRecord): Promise<void> {
    try {
      // Acknowledged before the use case answers; on a replica set, by a majority, journaled.
      const options = this.writeConcern === undefined ? {} : { writeConcern: this.writeConcern };
      await storageCall(() => this.entries.insertOne(toLedgerDocument(record), options));
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new LedgerConflict(record.clientId, record.seq);
      throw error;
    }
  }

  async findByTransactionId(clientId: string, transactionId: string): Promise<LedgerRecord | null> {
    const found = await storageCall(() => this.entries.findOne({ transactionId, clientId }));
    return found === null ? null : fromLedgerDocument(found);
  }

  async findBySubscriptionId(
    clientId: string,
    subscriptionId: string,
  ): Promise<readonly LedgerRecord[]> {
    return this.findMany({ clientId, subscriptionId, status: 'completed' }, 1);
  }

  async findBySubscriptionIds(
    clientId: string,
    subscriptionIds: readonly string[],
  ): Promise<readonly LedgerRecord[]> {
    if (subscriptionIds.length === 0) return [];
    // The (clientId, subscriptionId) index serves the $in: one round trip per page.
    const ids = [...new Set(subscriptionIds)];
    return this.findMany({ clientId, subscriptionId: { $in: ids }, status: 'completed' }, 1);
  }

  async subscriptionHistory(clientId: string): Promise<readonly LedgerRecord[]> {
    return this.findMany({ clientId, status: 'completed' }, 1);
  }

  async list(
    clientId: string,
    filter: TransactionFilter,
    page: { readonly limit: number; readonly beforeSeq?: number | undefined },
  ): Promise<readonly LedgerRecord[]> {
    const query: Filter<LedgerDocument> = { clientId };
    if (page.beforeSeq !== undefined) query.seq = { $lt: page.beforeSeq };
    if (filter.type !== undefined) query.type = filter.type;
    if (filter.fundId !== undefined) query.fundId = filter.fundId;
    if (filter.status !== undefined) query.status = filter.status;
    return this.findMany(query, -1, page.limit);
  }

  async withNotificationsAfter(
    after: LedgerPosition,
    limit: number,
  ): Promise<readonly LedgerRecord[]> {
    const { createdAt, clientId, seq } = after;
    // `$type: 'object'` rather than `$ne: null`: both servers agree on it, and it is the same
    // test the outbox applies (an intent is present). The (createdAt, clientId, seq) index
    // serves both the range and the order, so a page costs its own size.
    const found = await storageCall(() =>
      this.entries
        .find({
          createdAt: { $gte: createdAt },
          $or: [
            { createdAt: { $gt: createdAt } },
            { clientId: { $gt: clientId } },
            { clientId, seq: { $gt: seq } },
          ],
          notification: { $type: 'object' },
        })
        .sort({ createdAt: 1, clientId: 1, seq: 1 })
        .limit(limit)
        .toArray(),
    );
    return found.map(fromLedgerDocument);
  }

  private async findMany(
    query: Filter<LedgerDocument>,
    direction: 1 | -1,
    limit?: number,
  ): Promise<readonly LedgerRecord[]> {
    const found = await storageCall(() => {
      const cursor = this.entries.find(query).sort({ seq: direction });
      return (limit === undefined ? cursor : cursor.limit(limit)).toArray();
    });
    return found.map(fromLedgerDocument);
  }
}
