import type { Money, NotificationChannel, TransactionType } from '@btg-funds/domain';

export type NotificationStatus = 'pending' | 'sent' | 'failed';

export interface NotificationRecord {
  readonly id: string;
  readonly clientId: string;
  /** Unique: one notification per transaction (de-duplication of the outbox). */
  readonly transactionId: string;
  readonly transactionType: TransactionType;
  readonly fundName: string;
  readonly amount: Money;
  readonly occurredAt: Date;
  readonly channel: NotificationChannel;
  readonly destination: string;
  readonly status: NotificationStatus;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
}

/** Delivery state of the outbox. One dispatcher owns a record while it sends it. */
export interface NotificationStore {
  /** Creates the record unless one exists for its transaction; true when created. */
  ensure(record: NotificationRecord): Promise<boolean>;
  /** Pending records due at `now`, oldest first. */
  due(now: Date, limit: number): Promise<readonly NotificationRecord[]>;
  /** Writes the delivery fields (status, attempts, sentAt, nextAttemptAt, lastError). */
  update(record: NotificationRecord): Promise<void>;
  /** The client's notifications, newest first. */
  listByClient(clientId: string, limit: number): Promise<readonly NotificationRecord[]>;
  findByTransactionId(transactionId: string): Promise<NotificationRecord | null>;
  countByStatus(status: NotificationStatus): Promise<number>;
}
