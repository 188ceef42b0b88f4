import {
  comparePositions,
  LedgerConflict,
  LedgerSequenceGap,
  positionOf,
  type Ledger,
  type LedgerPosition,
  type LedgerRecord,
  type TransactionFilter,
} from '../../ports/index.js';
import { tick } from './tick.js';

/**
 * Each client's chain in an array at index seq - 1: one entry per (clientId, seq) and per
 * transaction id, no gap; every query scans (a fake for use-case tests, not an adapter).
 */
export class FakeLedger implements Ledger {
  private readonly chains = new Map<string, LedgerRecord[]>();

  async latest(clientId: string): Promise<LedgerRecord | null> {
    await tick();
    return this.chain(clientId).at(-1) ?? null;
  }

  /** Exact, like the memory adapter's; tests of a lagging hint wrap this fake. */
  async latestHint(clientId: string): Promise<LedgerRecord | null> {
    return this.latest(clientId);
  }

  async hasPosition(clientId: string, seq: number): Promise<boolean> {
    await tick();
    return seq >= 1 && seq <= this.chain(clientId).length;
  }

  async latestOf(clientIds: readonly string[]): Promise<ReadonlyMap<string, LedgerRecord | null>> {
    await tick();
    return new Map(clientIds.map((id) => [id, this.chain(id).at(-1) ?? null]));
  }

  async append(record: LedgerRecord): Promise<void> {
    await tick();
    const chain = this.chain(record.clientId);
    if (!Number.isSafeInteger(record.seq) || record.seq < 1) {
      throw new LedgerSequenceGap(record.clientId, record.seq);
    }
    const taken = this.all().some((r) => r.transaction.id === record.transaction.id);
    if (record.seq <= chain.length || taken) throw new LedgerConflict(record.clientId, record.seq);
    if (record.seq !== chain.length + 1) throw new LedgerSequenceGap(record.clientId, record.seq);
    this.chains.set(record.clientId, [...chain, record]);
  }

  async findByTransactionId(clientId: string, transactionId: string) {
    await tick();
    return this.chain(clientId).find((r) => r.transaction.id === transactionId) ?? null;
  }

  async findBySubscriptionId(clientId: string, subscriptionId: string) {
    await tick();
    return this.completed(clientId).filter((r) => r.transaction.subscriptionId === subscriptionId);
  }

  async findBySubscriptionIds(clientId: string, subscriptionIds: readonly string[]) {
    await tick();
    return this.completed(clientId).filter((r) =>
      subscriptionIds.includes(r.transaction.subscriptionId ?? ''),
    );
  }

  async subscriptionHistory(clientId: string): Promise<readonly LedgerRecord[]> {
    await tick();
    return this.completed(clientId);
  }

  async list(
    clientId: string,
    filter: TransactionFilter,
    page: { limit: number; beforeSeq?: number | undefined },
  ): Promise<readonly LedgerRecord[]> {
    await tick();
    return this.chain(clientId)
      .filter((r) => r.seq < (page.beforeSeq ?? Infinity) && matches(r, filter))
      .reverse()
      .slice(0, page.limit);
  }

  async withNotificationsAfter(after: LedgerPosition, limit: number) {
    await tick();
    return this.all()
      .filter((r) => r.notification !== null && comparePositions(positionOf(r), after) > 0)
      .sort((a, b) => comparePositions(positionOf(a), positionOf(b)))
      .slice(0, limit);
  }

  private chain(clientId: string): readonly LedgerRecord[] {
    return this.chains.get(clientId) ?? [];
  }

  private all(): LedgerRecord[] {
    return [...this.chains.values()].flat();
  }

  /** Completed subscription and cancellation entries, in seq order. */
  private completed(clientId: string): LedgerRecord[] {
    return this.chain(clientId).filter(
      (r) => r.transaction.status === 'completed' && r.transaction.subscriptionId !== null,
    );
  }
}

function matches(record: LedgerRecord, filter: TransactionFilter): boolean {
  const tx = record.transaction;
  return (
    (filter.type === undefined || tx.type === filter.type) &&
    (filter.fundId === undefined || tx.fundId === filter.fundId) &&
    (filter.status === undefined || tx.status === filter.status)
  );
}
