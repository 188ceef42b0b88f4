import type { Collection, Db } from 'mongodb';
import { byIds } from './by-ids.js';
import { collection, COLLECTIONS } from './collections.js';
import { isDuplicateKeyError, storageCall } from './storage-errors.js';
import type { LedgerDocument } from './ledger-document.js';

/** One per client: a copy of its latest ledger entry as last seen by a writer. */
export interface LedgerHeadDocument {
  /** The client id. */
  _id: string;
  seq: number;
  entry: LedgerDocument;
}

/**
 * Per-client heads of the ledger in a small collection, so a listing reads the latest entry of
 * many clients in one query (ADR 0305). A head is only a hint: it is written after the entry's
 * unique insert, without a transaction, so it may lag behind (a crash in between, two writers
 * racing on FerretDB's non-atomic updates). It never runs ahead of the ledger, and readers check
 * the next position before trusting it; money correctness never reads it.
 */
export class LedgerHeads {
  private readonly heads: Collection<LedgerHeadDocument>;

  constructor(db: Db) {
    this.heads = collection<LedgerHeadDocument>(db, COLLECTIONS.ledgerHeads);
  }

  /** Moves the client's head to `entry` unless it is already at or past it. */
  async advance(entry: LedgerDocument): Promise<void> {
    try {
      await storageCall(() =>
        this.heads.updateOne(
          { _id: entry.clientId, seq: { $lt: entry.seq } },
          { $set: { seq: entry.seq, entry } },
          { upsert: true },
        ),
      );
    } catch (error) {
      // The filter missed because the head is already further on, so the upsert's insert hit
      // the existing _id: nothing to do.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async read(clientIds: readonly string[]): Promise<ReadonlyMap<string, LedgerHeadDocument>> {
    if (clientIds.length === 0) return new Map();
    const found = await storageCall(() => this.heads.find(byIds(clientIds)).toArray());
    return new Map(found.map((head) => [head._id, head]));
  }
}
