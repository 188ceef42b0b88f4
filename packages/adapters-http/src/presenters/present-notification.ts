import { maskDestination, type NotificationRecord } from '@btg-funds/application';

/** The destination is masked: a leaked response must not leak an address book. */
export function presentNotification(record: NotificationRecord) {
  return {
    id: record.id,
    transactionId: record.transactionId,
    channel: record.channel,
    destination: maskDestination(record.destination),
    status: record.status,
    attempts: record.attempts,
    createdAt: record.createdAt.toISOString(),
    sentAt: record.sentAt?.toISOString() ?? null,
  };
}
