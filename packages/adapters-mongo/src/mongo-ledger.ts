import {
  LedgerConflict,
  LedgerSequenceGap,
  type Ledger,
  type LedgerListing,
  type LedgerPosition,
  type LedgerRecord,
  type TransactionFilter,
} from '@btg-funds/application';
import type { Collection, Db, Filter, WriteConcernSettings } from 'mongodb';
import { byIds } from './by-ids.js';
import { collection, COLLECTIONS } from './collections.js';
import {
  fromLedgerDocument,
  LISTING_PROJECTION,
  listingFromDocument,
  ledgerId,
  toLedgerDocument,
  type LedgerDocument,
  type ListingDocument,
} from './ledger-document.js';
import { KnownPositions } from './known-positions.js';
import { LedgerHeads } from './ledger-heads.js';
import { isDuplicateKeyError, storageCall } from './storage-errors.js';

/** Large enough that the server's 16 MB reply limit, not a document count, ends a batch. */
const WHOLE_BATCH = 100_000;

/**
 * The append-only ledger. Correctness rests on one insert per operation that fails with E11000
 * when `_id` (= clientId:seq) or the transaction id is taken: no transaction, no conditional
 * update, so it holds on MongoDB, DocumentDB and FerretDB alike (ADR 0300). An append that would
 * leave a gap is refused before the insert (ADR 0002): the position before it must exist, which
 * the entry the caller just read usually proves without a round trip (KnownPositions). Money
 * operations decide on a hint, the head (ADR 0720); their unique insert proves it was current.
 */
export class MongoLedger implements Ledger {
  private readonly entries: Collection<LedgerDocument>;
  /** Server default until `useWriteConcern` (a replica set: majority, journaled; ADR 0304). */
  private writeConcern: WriteConcernSettings | undefined;
  private readonly heads: LedgerHeads;
  private readonly known = new KnownPositions();

  constructor(db: Db) {
    this.entries = collection<LedgerDocument>(db, COLLECTIONS.ledger);
    this.heads = new LedgerHeads(db);
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
    if (doc === undefined) return null;
    const latest = fromLedgerDocument(doc);
    this.known.sawEntry(latest);
    return latest;
  }

  /**
   * The head by `_id` (one seek, never a sort of the client's history: FerretDB v1 scans for
   * that), or the entry this process appended after it if the head's move has not landed yet —
   * whichever is further. If this process knows of a later position it never saw (it lost a race
   * there), the hint would only lose again: the latest entry is read instead (ADR 0720).
   */
  async latestHint(clientId: string): Promise<LedgerRecord | null> {
    const head = (await this.heads.read([clientId])).get(clientId);
    const known = this.known.highestOf(clientId);
    if (head !== undefined && head.seq >= known.seq) {
      const entry = fromLedgerDocument(head.entry);
      this.known.sawEntry(entry);
      return entry;
    }
    if (known.entry !== undefined) return known.entry;
    return known.seq === 0 ? null : this.latest(clientId);
  }

  /** Known to this process (no round trip), else one `_id` lookup on the primary. */
  async hasPosition(clientId: string, seq: number): Promise<boolean> {
    if (!Number.isSafeInteger(seq) || seq < 1) return false;
    if (this.known.has(clientId, seq)) return true;
    const found = await storageCall(() =>
      this.entries.findOne(
        { _id: ledgerId(clientId, seq) },
        { projection: { _id: 1 }, readPreference: 'primary' },
      ),
    );
    if (found !== null) this.known.saw(clientId, seq);
    return found !== null;
  }

  /**
   * Two round trips whatever the number of clients: their heads, then one probe for the
   * position after each head. A head whose next position is taken is stale (its writer died
   * between the entry and the head, or lost a race): that client alone is read the slow way and
   * its head repaired. A client with no head and no entry 1 has no entries.
   */
  async latestOf(clientIds: readonly string[]): Promise<ReadonlyMap<string, LedgerRecord | null>> {
    const ids = [...new Set(clientIds)];
    if (ids.length === 0) return new Map();
    const heads = await this.heads.read(ids);
    const next = ids.map((id) => ledgerId(id, (heads.get(id)?.seq ?? 0) + 1));
    const taken = await storageCall(() =>
      this.entries.find(byIds(next), { projection: { _id: 1, clientId: 1 } }).toArray(),
    );
    const stale = new Set(taken.map((doc) => doc.clientId));
    const entries = await Promise.all(
      ids.map(async (id): Promise<[string, LedgerRecord | null]> => {
        if (stale.has(id)) return [id, await this.latestRepairingHead(id)];
        const head = heads.get(id);
        if (head === undefined) return [id, null];
        const entry = fromLedgerDocument(head.entry);
        this.known.sawEntry(entry);
        return [id, entry];
      }),
    );
    return new Map(entries);
  }

  async append(record: LedgerRecord): Promise<void> {
    await this.assertNoGap(record.clientId, record.seq);
    const doc = toLedgerDocument(record);
    try {
      // Acknowledged before the use case answers; on a replica set, by a majority, journaled.
      const options = this.writeConcern === undefined ? {} : { writeConcern: this.writeConcern };
      await storageCall(() => this.entries.insertOne(doc, options));
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        // Taken: so it exists, and so does everything before it.
        this.known.saw(record.clientId, record.seq);
        throw new LedgerConflict(record.clientId, record.seq);
      }
      throw error;
    }
    this.known.sawEntry(record);
    // The entry is durable: the operation has happened. The head is a hint that readers verify
    // (ADR 0305, 0707), so it is moved without holding the caller: the use case's next write
    // (the outbox record) goes out alongside it instead of after it (ADR 0715).
    this.heads.advanceInTurn(doc);
  }

  /** Resolves once every head move this process sent has been answered (tests, shutdown). */
  headsSettled(): Promise<void> {
    return this.heads.settled();
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
  ): Promise<readonly LedgerListing[]> {
    const query: Filter<LedgerDocument> = { clientId };
    if (page.beforeSeq !== undefined) query.seq = { $lt: page.beforeSeq };
    if (filter.type !== undefined) query.type = filter.type;
    if (filter.fundId !== undefined) query.fundId = filter.fundId;
    if (filter.status !== undefined) query.status = filter.status;
    // Without the holdings, opening balance and intent no listing shows (ADR 0735).
    const found = await this.findDocuments(query, -1, page.limit, LISTING_PROJECTION);
    return found.map(listingFromDocument);
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

  /**
   * Positions start at 1 and have no gaps: `seq` may be written only when `seq - 1` exists. Known
   * from the read the caller made before deciding (the usual case: no round trip), else probed by
   * `_id`. Entries are never removed, so the check cannot be outdated by the time of the insert.
   */
  private async assertNoGap(clientId: string, seq: number): Promise<void> {
    if (!Number.isSafeInteger(seq) || seq < 1) throw new LedgerSequenceGap(clientId, seq);
    // From the primary: a lagging secondary must not make a real predecessor look absent.
    if (seq === 1 || (await this.hasPosition(clientId, seq - 1))) return;
    throw new LedgerSequenceGap(clientId, seq);
  }

  private async latestRepairingHead(clientId: string): Promise<LedgerRecord | null> {
    const latest = await this.latest(clientId);
    if (latest !== null) await this.heads.advance(toLedgerDocument(latest)).catch(() => undefined);
    return latest;
  }

  private async findMany(
    query: Filter<LedgerDocument>,
    direction: 1 | -1,
    limit?: number,
  ): Promise<readonly LedgerRecord[]> {
    return (await this.findDocuments(query, direction, limit)).map(fromLedgerDocument);
  }

  /** The documents matching `query` in `seq` order: whole, or as listings (the projection). */
  private findDocuments(
    query: Filter<LedgerDocument>,
    direction: 1 | -1,
    limit?: number,
  ): Promise<LedgerDocument[]>;
  private findDocuments(
    query: Filter<LedgerDocument>,
    direction: 1 | -1,
    limit: number,
    projection: typeof LISTING_PROJECTION,
  ): Promise<ListingDocument[]>;
  private findDocuments(
    query: Filter<LedgerDocument>,
    direction: 1 | -1,
    limit?: number,
    projection?: typeof LISTING_PROJECTION,
  ): Promise<ListingDocument[]> {
    return storageCall(() => {
      // One batch, so one round trip: unbounded reads (a client's subscription history) up to
      // 16 MB instead of the driver's default 101 documents then getMore; bounded ones with
      // batchSize = limit, which also closes the cursor (no killCursors at 101 on FerretDB).
      const cursor = this.entries
        .find(query, { batchSize: limit ?? WHOLE_BATCH, ...(projection && { projection }) })
        .sort({ seq: direction });
      return (limit === undefined ? cursor : cursor.limit(limit)).toArray();
    });
  }
}
