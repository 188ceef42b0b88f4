import {
  activeSubscription,
  cancelledSubscription,
  type SubscriptionSnapshot,
} from '@btg-funds/domain';
import type { LedgerRecord } from '../ports/index.js';

/**
 * Subscriptions are not stored separately: they are read off the ledger (the entry that created
 * one holds it; a cancellation entry closes it), so they can never disagree with the money.
 */
export function subscriptionsFromHistory(
  clientId: string,
  records: readonly LedgerRecord[],
): SubscriptionSnapshot[] {
  const byId = new Map<string, SubscriptionSnapshot>();
  for (const record of [...records].sort((a, b) => a.seq - b.seq)) {
    const tx = record.transaction;
    if (tx.status !== 'completed' || tx.subscriptionId === null) continue;
    if (tx.type === 'subscription') {
      const holding = record.holdings.find((h) => h.subscriptionId === tx.subscriptionId);
      if (holding !== undefined) byId.set(tx.subscriptionId, activeSubscription(clientId, holding));
    } else {
      const opened = byId.get(tx.subscriptionId);
      if (opened !== undefined) {
        const holding = { ...opened, subscriptionId: opened.id };
        byId.set(tx.subscriptionId, cancelledSubscription(clientId, holding, tx.createdAt));
      }
    }
  }
  return [...byId.values()];
}
