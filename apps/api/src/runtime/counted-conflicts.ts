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
  // Plain delegation, bound once: a Proxy paid a trap and a fresh bound function on every method
  // read, i.e. several times per request. The compiler names any method the port gains.
  return {
    append,
    latest: (clientId) => ledger.latest(clientId),
    latestHint: (clientId) => ledger.latestHint(clientId),
    hasPosition: (clientId, seq) => ledger.hasPosition(clientId, seq),
    latestOf: (clientIds) => ledger.latestOf(clientIds),
    findByTransactionId: (clientId, transactionId) =>
      ledger.findByTransactionId(clientId, transactionId),
    findBySubscriptionId: (clientId, subscriptionId) =>
      ledger.findBySubscriptionId(clientId, subscriptionId),
    findBySubscriptionIds: (clientId, subscriptionIds) =>
      ledger.findBySubscriptionIds(clientId, subscriptionIds),
    subscriptionHistory: (clientId) => ledger.subscriptionHistory(clientId),
    list: (clientId, filter, page) => ledger.list(clientId, filter, page),
    withNotificationsAfter: (after, limit) => ledger.withNotificationsAfter(after, limit),
  };
}

const operationOf = (record: LedgerRecord): MoneyOperation =>
  record.transaction.type === 'subscription' ? 'subscribe' : 'cancel';
