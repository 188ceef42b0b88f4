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

  /** Per client, the last head move sent and not yet answered. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(db: Db) {
    this.heads = collection<LedgerHeadDocument>(db, COLLECTIONS.ledgerHeads);
  }

  /**
   * Moves the head without the caller waiting; failures are ignored (a hint). One client's
   * moves go out one after the other: FerretDB applies an update as read-modify-write, so two
   * moves in flight together could leave the lower one last (harmless, but a stale head costs
   * its next reader the slow path).
   */
  advanceInTurn(entry: LedgerDocument): void {
    const clientId = entry.clientId;
    const previous = this.inFlight.get(clientId);
    const move = (
      previous === undefined ? this.advance(entry) : previous.then(() => this.advance(entry))
    )
      .catch(() => undefined)
      .finally(() => {
        if (this.inFlight.get(clientId) === move) this.inFlight.delete(clientId);
      });
    this.inFlight.set(clientId, move);
  }

  /** Resolves once every move sent so far has been answered. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight.values());
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
