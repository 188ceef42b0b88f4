import type { LedgerRecord, NotificationRecord, NotificationStore } from '../ports/index.js';
import { NOTIFICATION_REASON_MESSAGES } from './notification-reasons.js';

/**
 * Turns a committed ledger entry's notification intent into its delivery record: pending, or
 * failed at once with the reason when the intent says it must not be sent (ADR 0405).
 */
export function pendingNotification(record: LedgerRecord, id: string): NotificationRecord | null {
  const intent = record.notification;
  if (intent === null || record.transaction.status !== 'completed') return null;
  const tx = record.transaction;
  const withheld = intent.withheld ?? null;
  return {
    id,
    clientId: record.clientId,
    transactionId: tx.id,
    transactionType: tx.type,
    fundName: tx.fundName,
    amount: tx.amount,
    occurredAt: tx.createdAt,
    channel: intent.channel,
    destination: intent.destination,
    status: withheld === null ? 'pending' : 'failed',
    attempts: 0,
    createdAt: tx.createdAt,
    sentAt: null,
    nextAttemptAt: tx.createdAt,
    lastError: withheld === null ? null : NOTIFICATION_REASON_MESSAGES[withheld],
    reason: withheld,
  };
}

/**
 * The outbox's fast path: right after a money operation is durable, its notification becomes a
 * pending record and the dispatcher is woken. If this step is lost (crash, outage), the intent
 * is still in the ledger entry and RecoverOutbox re-creates the record; `ensure` de-duplicates.
 */
export class Outbox {
  constructor(
    private readonly store: NotificationStore,
    private readonly newId: () => string,
    private readonly wake: () => void = () => undefined,
    private readonly reportError: (error: unknown) => void = () => undefined,
  ) {}

  async enqueue(record: LedgerRecord): Promise<void> {
    const pending = pendingNotification(record, this.newId());
    if (pending === null) return;
    try {
      await this.store.ensure(pending);
      if (pending.status === 'pending') this.wake();
    } catch (error) {
      // Never undo or fail a committed operation because of its notification.
      this.reportError(error);
    }
  }
}
