import { LedgerConflict, type Ledger, type LedgerRecord } from '@btg-funds/application';
import type { AppMetrics, MoneyOperation } from './app-metrics.js';

/**
 * The ledger, counting from the outside every append that lost an optimistic-concurrency race
 * (ADR 0601): the use cases retry without knowing anything is counted. The operation is the
 * entry's own type, so subscriptions and cancellations are told apart without a hook inside them.
 */
export function countingConflicts(ledger: Ledger, metrics: AppMetrics): Ledger {
  const append = async (record: LedgerRecord): Promise<void> => {
    try {
      await ledger.append(record);
    } catch (error) {
      if (error instanceof LedgerConflict) {
        metrics.ledgerConflicts.labels(operationOf(record)).inc();
      }
      throw error;
    }
  };
  return new Proxy(ledger, {
    get(target, property, receiver) {
      if (property === 'append') return append;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

const operationOf = (record: LedgerRecord): MoneyOperation =>
  record.transaction.type === 'subscription' ? 'subscribe' : 'cancel';
