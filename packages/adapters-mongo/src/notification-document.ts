import type {
  NotificationReason,
  NotificationRecord,
  NotificationStatus,
} from '@btg-funds/application';
import type { NotificationChannel, TransactionType } from '@btg-funds/domain';
import type { Long } from 'mongodb';
import { moneyFromStored, moneyToLong } from './money-codec.js';

/** A delivery record as stored: `_id` is the notification id, money an Int64 of centavos. */
export interface NotificationDocument {
  _id: string;
  clientId: string;
  transactionId: string;
  transactionType: TransactionType;
  fundName: string;
  amount: Long | bigint;
  occurredAt: Date;
  channel: NotificationChannel;
  destination: string;
  status: NotificationStatus;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
  lastError: string | null;
  /** Absent on records stored before reasons existed. */
  reason?: NotificationReason | null;
}

export function toDocument(record: NotificationRecord): NotificationDocument {
  const { id, amount, ...fields } = record;
  return { _id: id, amount: moneyToLong(amount), ...fields };
}

export function fromDocument(doc: NotificationDocument): NotificationRecord {
  const { _id, amount, attempts, reason, ...fields } = doc;
  return {
    id: _id,
    amount: moneyFromStored(amount),
    attempts: Number(attempts),
    ...fields,
    reason: reason ?? null,
  };
}
