import {
  comparePositions,
  LedgerConflict,
  LedgerSequenceGap,
  positionOf,
  type Ledger,
  type LedgerPosition,
  type LedgerRecord,
  type TransactionFilter,
} from '@btg-funds/application';
import { eventLoopTurn, type StorageTurn } from './storage-turn.js';

/**
 * The reference ledger. Same guarantees a database gives with unique indexes: one entry per
 * (clientId, seq), one entry per transaction id; nothing more (no conditional updates).
 */
export class InMemoryLedger implements Ledger {
  constructor(private readonly turn: StorageTurn = eventLoopTurn) {}

  private readonly entriesByClient = new Map<string, LedgerRecord[]>();
  private readonly byTransactionId = new Map<string, LedgerRecord>();
  /** Entries with a notification intent in (createdAt, clientId, seq) order (an index). */
  private readonly withNotification: LedgerRecord[] = [];
  /** Per client, its completed subscription/cancellation entries in seq order (an index). */
  private readonly completedByClient = new Map<string, LedgerRecord[]>();
  /** Per client and subscription id, the same entries (an index: lookups stay O(1)). */
  private readonly bySubscription = new Map<string, Map<string, LedgerRecord[]>>();

  async latest(clientId: string): Promise<LedgerRecord | null> {
    await this.turn();
    return this.entriesByClient.get(clientId)?.at(-1) ?? null;
  }

  async latestOf(clientIds: readonly string[]): Promise<ReadonlyMap<string, LedgerRecord | null>> {
    await this.turn();
    return new Map(clientIds.map((id) => [id, this.entriesByClient.get(id)?.at(-1) ?? null]));
  }

  async append(given: LedgerRecord): Promise<void> {
    await this.turn();
    const record = stored(given);
    const entries = this.entriesByClient.get(record.clientId) ?? [];
    if (!Number.isSafeInteger(record.seq) || record.seq < 1) {
      throw new LedgerSequenceGap(record.clientId, record.seq);
    }
    // Entries are stored at index seq - 1, so "seq taken" is "seq <= length".
    if (record.seq <= entries.length || this.byTransactionId.has(record.transaction.id)) {
      throw new LedgerConflict(record.clientId, record.seq);
    }
    if (record.seq !== entries.length + 1) {
      // A gap would mean a caller skipped the read; refuse it rather than store a broken chain.
      throw new LedgerSequenceGap(record.clientId, record.seq);
    }
    entries.push(record);
    this.entriesByClient.set(record.clientId, entries);
    this.byTransactionId.set(record.transaction.id, record);
    if (record.notification !== null) {
      // Appends arrive nearly in createdAt order: the insertion point is at or near the end.
      this.withNotification.splice(this.firstAfter(positionOf(record)), 0, record);
    }
    this.index(record);
  }

  async findByTransactionId(clientId: string, transactionId: string): Promise<LedgerRecord | null> {
    await this.turn();
    const record = this.byTransactionId.get(transactionId);
    return record?.clientId === clientId ? record : null;
  }

  async findBySubscriptionId(
    clientId: string,
    subscriptionId: string,
  ): Promise<readonly LedgerRecord[]> {
    await this.turn();
    return [...(this.bySubscription.get(clientId)?.get(subscriptionId) ?? [])];
  }

  async findBySubscriptionIds(
    clientId: string,
    subscriptionIds: readonly string[],
  ): Promise<readonly LedgerRecord[]> {
    await this.turn();
    const subscriptions = this.bySubscription.get(clientId);
    return [...new Set(subscriptionIds)]
      .flatMap((id) => subscriptions?.get(id) ?? [])
      .sort((a, b) => a.seq - b.seq);
  }

  async subscriptionHistory(clientId: string): Promise<readonly LedgerRecord[]> {
    await this.turn();
    return [...(this.completedByClient.get(clientId) ?? [])];
  }

  async list(
    clientId: string,
    filter: TransactionFilter,
    page: { limit: number; beforeSeq?: number | undefined },
  ): Promise<readonly LedgerRecord[]> {
    await this.turn();
    const entries = this.entriesByClient.get(clientId) ?? [];
    const result: LedgerRecord[] = [];
    const start = Math.min(entries.length, (page.beforeSeq ?? Infinity) - 1);
    for (let i = start - 1; i >= 0 && result.length < page.limit; i -= 1) {
      const record = entries[i]!;
      if (matches(record, filter)) result.push(record);
    }
    return result;
  }

  async withNotificationsAfter(
    after: LedgerPosition,
    limit: number,
  ): Promise<readonly LedgerRecord[]> {
    await this.turn();
    const start = this.firstAfter(after);
    return this.withNotification.slice(start, start + limit);
  }

  /** Binary search: index of the first entry with an intent strictly after `position`. */
  private firstAfter(position: LedgerPosition): number {
    let low = 0;
    let high = this.withNotification.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (comparePositions(positionOf(this.withNotification[middle]!), position) <= 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** Appends only ever add at the end of a client's chain, so the indexes stay in seq order. */
  private index(record: LedgerRecord): void {
    const { status, subscriptionId } = record.transaction;
    if (status !== 'completed' || subscriptionId === null) return;
    const completed = this.completedByClient.get(record.clientId) ?? [];
    completed.push(record);
    this.completedByClient.set(record.clientId, completed);
    const subscriptions =
      this.bySubscription.get(record.clientId) ?? new Map<string, LedgerRecord[]>();
    const history = subscriptions.get(subscriptionId) ?? [];
    history.push(record);
    subscriptions.set(subscriptionId, history);
    this.bySubscription.set(record.clientId, subscriptions);
  }
}

/**
 * The record as a fresh literal: callers build records with object spread, which V8 may turn into
 * dictionary-mode objects with a hidden class each (~500 bytes per entry, measured with a heap
 * snapshot); a literal of a fixed shape shares one. The ledger keeps every entry, so it counts.
 */
function stored(record: LedgerRecord): LedgerRecord {
  return {
    clientId: record.clientId,
    seq: record.seq,
    transaction: record.transaction,
    holdings: record.holdings,
    openingBalance: record.openingBalance,
    notification: record.notification,
  };
}

function matches(record: LedgerRecord, filter: TransactionFilter): boolean {
  const tx = record.transaction;
  return (
    (filter.type === undefined || tx.type === filter.type) &&
    (filter.fundId === undefined || tx.fundId === filter.fundId) &&
    (filter.status === undefined || tx.status === filter.status)
  );
}
