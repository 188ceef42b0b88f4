import {
  maskDestination,
  NOTIFICATION_REASON_MESSAGES,
  type NotificationRecord,
} from '@btg-funds/application';
import { isoTimestamp } from './iso-timestamp.js';

/** The destination is masked: a leaked response must not leak an address book. */
export function presentNotification(record: NotificationRecord) {
  return {
    id: record.id,
    transactionId: record.transactionId,
    channel: record.channel,
    destination: maskDestination(record.destination),
    status: record.status,
    attempts: record.attempts,
    createdAt: isoTimestamp(record.createdAt),
    sentAt: record.sentAt == null ? null : isoTimestamp(record.sentAt),
    // Why it was deliberately not sent (unverified destination, country, daily cap; ADR 0405).
    reason:
      record.reason === null
        ? null
        : { code: record.reason, message: NOTIFICATION_REASON_MESSAGES[record.reason] },
  };
}
