import type { Money, NotificationChannel, TransactionType } from '@btg-funds/domain';
import type { WithheldReason } from './ledger.js';

export type NotificationStatus = 'pending' | 'sent' | 'failed';

/** Why a notification was never sent (status `failed` with no delivery attempt behind it). */
export type NotificationReason = WithheldReason | 'DAILY_LIMIT_REACHED';

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
  /** Set when the notification was deliberately not sent (ADR 0405); null otherwise. */
  readonly reason: NotificationReason | null;
}

/** One attempt to deliver a notification, claimed by one dispatcher until `leaseUntil`. */
export interface AttemptClaim {
  readonly notificationId: string;
  /** 1 for the first delivery attempt, then 2, 3, … (the record's `attempts` + 1). */
  readonly attempt: number;
  readonly claimedAt: Date;
  readonly leaseUntil: Date;
}

/**
 * `claimed`: this dispatcher owns the attempt. `held`: another one does and its lease runs.
 * `abandoned`: another one claimed it and its lease ran out (it died or stalled, maybe after
 * sending).
 */
export type ClaimOutcome = 'claimed' | 'held' | 'abandoned';

/**
 * Delivery state of the outbox. Dispatchers in any number of processes share it: each delivery
 * attempt is claimed with a unique insert, so exactly one of them makes it (ADR 0400).
 */
export interface NotificationStore {
  /** Creates the record unless one exists for its transaction; true when created. */
  ensure(record: NotificationRecord): Promise<boolean>;
  /** Pending records due at `now`, oldest first. */
  due(now: Date, limit: number): Promise<readonly NotificationRecord[]>;
  /** Claims one attempt with a unique insert of `notificationId:attempt` (atomic everywhere). */
  claimAttempt(claim: AttemptClaim): Promise<ClaimOutcome>;
  /**
   * Records the outcome of attempt `record.attempts` (status, attempts, sentAt, nextAttemptAt,
   * lastError, reason), only while the stored record is pending with fewer attempts: a late or stale
   * writer never overwrites a later attempt, nor `sent` or `failed`.
   */
  update(record: NotificationRecord): Promise<void>;
  /** Which of these transactions already have a delivery record (one round trip). */
  knownTransactionIds(transactionIds: readonly string[]): Promise<ReadonlySet<string>>;
  /**
   * The outbox recovery's durable checkpoint: every intent created before it has a delivery
   * record. Null until a first recovery pass saved one.
   */
  recoveryCheckpoint(): Promise<Date | null>;
  /** Moves the checkpoint forward to `to`; never backward (concurrent passes may race). */
  advanceRecoveryCheckpoint(to: Date): Promise<void>;
  /** The client's notifications, newest first. */
  listByClient(clientId: string, limit: number): Promise<readonly NotificationRecord[]>;
  findByTransactionId(transactionId: string): Promise<NotificationRecord | null>;
  countByStatus(status: NotificationStatus): Promise<number>;
}
