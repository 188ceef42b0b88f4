import {
  LedgerConflict,
  LedgerSequenceGap,
  type Ledger,
  type LedgerListing,
  type LedgerPosition,
  type LedgerRecord,
  type TransactionFilter,
} from '@btg-funds/application';
import { ClientLedger } from './client-ledger.js';
import { listingOf, recordOf, rowOf, type LedgerRow } from './ledger-row.js';
import { RowFundsKept } from './row-fund.js';
import { RowTraitsKept } from './row-traits.js';
import { RowsByPosition } from './rows-by-position.js';
import { eventLoopTurn, type StorageTurn } from './storage-turn.js';

/**
 * The reference ledger. Same guarantees a database gives with unique indexes: one entry per
 * (clientId, seq), one entry per transaction id; nothing more (no conditional updates).
 *
 * The ledger is history, kept whole, so each entry is kept compact (ADR 0714): a `LedgerRow`
 * (centavos, epoch milliseconds, the ids as given) from which a read rebuilds only the records it
 * returns. Each client's newest entry is also kept as appended, for the reads of every operation.
 */
export class InMemoryLedger implements Ledger {
  constructor(private readonly turn: StorageTurn = eventLoopTurn) {}

  private readonly clients = new Map<string, ClientLedger>();
  private readonly byTransactionId = new Map<string, LedgerRow>();
  /** Entries with a notification intent, in the order outbox recovery reads them. */
  private readonly withNotification = new RowsByPosition();
  private readonly traits = new RowTraitsKept();
  private readonly funds = new RowFundsKept();

  async latest(clientId: string): Promise<LedgerRecord | null> {
    await this.turn();
    return this.clients.get(clientId)?.head ?? null;
  }

  /** One process holds every entry, so the hint is the latest itself (ADR 0720). */
  async latestHint(clientId: string): Promise<LedgerRecord | null> {
    return this.latest(clientId);
  }

  async hasPosition(clientId: string, seq: number): Promise<boolean> {
    await this.turn();
    return seq >= 1 && seq <= (this.clients.get(clientId)?.rows.length ?? 0);
  }

  async latestOf(clientIds: readonly string[]): Promise<ReadonlyMap<string, LedgerRecord | null>> {
    await this.turn();
    return new Map(clientIds.map((id) => [id, this.clients.get(id)?.head ?? null]));
  }

  async append(record: LedgerRecord): Promise<void> {
    await this.turn();
    const { clientId, seq, transaction: tx } = record;
    const known = this.clients.get(clientId);
    const length = known?.rows.length ?? 0;
    if (!Number.isSafeInteger(seq) || seq < 1) throw new LedgerSequenceGap(clientId, seq);
    // Entries are stored at index seq - 1, so "seq taken" is "seq <= length".
    if (seq <= length || this.byTransactionId.has(tx.id)) throw new LedgerConflict(clientId, seq);
    // A gap would mean a caller skipped the read; refuse it rather than store a broken chain.
    if (seq !== length + 1) throw new LedgerSequenceGap(clientId, seq);
    const client = known ?? new ClientLedger(clientId);
    if (known === undefined) this.clients.set(clientId, client);
    // The subscription's newest completed row, looked up once: on a large client map each lookup
    // is a few cache misses (measured as the largest part of an append under load).
    const newest =
      tx.subscriptionId === null ? undefined : client.subscriptions.get(tx.subscriptionId);
    const subscriptionId = newest?.subscriptionId ?? tx.subscriptionId;
    const row = rowOf(
      record,
      { clientId: client.clientId, subscriptionId, traits: this.traits, funds: this.funds },
      client.rows.at(-1),
    );
    client.rows.push(row);
    client.head = asAppended(record);
    this.byTransactionId.set(tx.id, row);
    if (row.traits.notification !== null) this.withNotification.add(row);
    if (tx.status === 'completed' && subscriptionId !== null) {
      client.completed.push(row);
      row.prior = newest ?? null;
      client.subscriptions.set(subscriptionId, row);
    }
  }

  async findByTransactionId(clientId: string, transactionId: string): Promise<LedgerRecord | null> {
    await this.turn();
    const row = this.byTransactionId.get(transactionId);
    return row?.clientId === clientId ? recordOf(row) : null;
  }

  async findBySubscriptionId(
    clientId: string,
    subscriptionId: string,
  ): Promise<readonly LedgerRecord[]> {
    await this.turn();
    return (this.clients.get(clientId)?.subscriptionRows(subscriptionId) ?? []).map(recordOf);
  }

  async findBySubscriptionIds(
    clientId: string,
    subscriptionIds: readonly string[],
  ): Promise<readonly LedgerRecord[]> {
    await this.turn();
    const client = this.clients.get(clientId);
    if (client === undefined) return [];
    return [...new Set(subscriptionIds)]
      .flatMap((id) => client.subscriptionRows(id))
      .sort((a, b) => a.seq - b.seq)
      .map(recordOf);
  }

  async subscriptionHistory(clientId: string): Promise<readonly LedgerRecord[]> {
    await this.turn();
    return (this.clients.get(clientId)?.completed ?? []).map(recordOf);
  }

  async list(
    clientId: string,
    filter: TransactionFilter,
    page: { limit: number; beforeSeq?: number | undefined },
  ): Promise<readonly LedgerListing[]> {
    await this.turn();
    const rows = this.clients.get(clientId)?.rows ?? [];
    const result: LedgerListing[] = [];
    const start = Math.min(rows.length, (page.beforeSeq ?? Infinity) - 1);
    for (let i = start - 1; i >= 0 && result.length < page.limit; i -= 1) {
      const row = rows[i]!;
      if (matches(row, filter)) result.push(listingOf(row));
    }
    return result;
  }

  async withNotificationsAfter(
    after: LedgerPosition,
    limit: number,
  ): Promise<readonly LedgerRecord[]> {
    await this.turn();
    const { createdAt, clientId, seq } = after;
    return this.withNotification.after(createdAt.getTime(), clientId, seq, limit).map(recordOf);
  }
}

/**
 * The record as a fresh literal of one fixed shape: callers build records with object spread,
 * which V8 may turn into dictionary-mode objects (~500 bytes each, measured with a heap snapshot).
 */
function asAppended(record: LedgerRecord): LedgerRecord {
  return {
    clientId: record.clientId,
    seq: record.seq,
    transaction: record.transaction,
    holdings: record.holdings,
    openingBalance: record.openingBalance,
    notification: record.notification,
  };
}

function matches(row: LedgerRow, filter: TransactionFilter): boolean {
  return (
    (filter.type === undefined || row.traits.type === filter.type) &&
    (filter.fundId === undefined || row.fundId === filter.fundId) &&
    (filter.status === undefined || row.traits.status === filter.status)
  );
}
