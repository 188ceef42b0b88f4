import {
  ExpectedOutcomeError,
  type LedgerEntry,
  type NotificationChannel,
  type TransactionStatus,
  type TransactionType,
} from '@btg-funds/domain';

/** The notification decided at operation time, recorded with the entry (the outbox). */
export interface NotificationIntent {
  readonly channel: NotificationChannel;
  readonly destination: string;
  /**
   * Why it must not be sent (ADR 0405): its record is created failed with this reason. Absent or
   * null: send it.
   */
  readonly withheld?: WithheldReason | null | undefined;
}

/** Why a notification decided at operation time is not sent. */
export type WithheldReason = 'DESTINATION_NOT_VERIFIED' | 'SMS_COUNTRY_NOT_ALLOWED';

export interface LedgerRecord extends LedgerEntry {
  readonly notification: NotificationIntent | null;
}

/**
 * An entry as a history listing shows it: its position and its transaction, without the account
 * state after it (holdings, opening balance) or its notification intent, which no listing shows
 * and which cost a listed entry most of its reading.
 */
export type LedgerListing = Pick<LedgerRecord, 'clientId' | 'seq' | 'transaction'>;

export interface TransactionFilter {
  readonly type?: TransactionType | undefined;
  readonly fundId?: string | undefined;
  readonly status?: TransactionStatus | undefined;
}

/**
 * The append-only, per-client ledger; also the transaction history and the outbox's source.
 * Correctness needs only a unique (clientId, seq) and a unique transaction id: no transactions,
 * no atomic conditional updates (ADR 0002, 0301).
 */
export interface Ledger {
  /** The entry with the highest seq, or null for an account with no entries. */
  latest(clientId: string): Promise<LedgerRecord | null>;
  /**
   * An entry that was the client's latest at some moment, read cheaply (MongoDB: the ledger head
   * by `_id`, or a later entry this process appended; memory: the latest itself): it may be
   * behind the ledger, never ahead of it, and null only if the client had no entries then. A
   * money operation may decide on it because its append at `seq + 1` conflicts when it was
   * behind; a refusal, which appends nothing, checks `hasPosition(seq + 1)` first (ADR 0720).
   */
  latestHint(clientId: string): Promise<LedgerRecord | null>;
  /**
   * Whether the client's entry at `seq` exists (positions have no gaps, so every one below it
   * does too): one key lookup, whatever the length of the history.
   */
  hasPosition(clientId: string, seq: number): Promise<boolean>;
  /**
   * The latest entry of each of `clientIds` (null for a client with no entries), for listings:
   * a constant number of storage round trips, whatever the number of clients or the length of
   * their histories — never one read per client.
   */
  latestOf(clientIds: readonly string[]): Promise<ReadonlyMap<string, LedgerRecord | null>>;
  /**
   * Appends `record` at `record.seq`. Throws LedgerConflict when that seq is taken for the
   * client or the transaction id exists: another operation won, re-read and retry. Throws
   * LedgerSequenceGap, writing nothing, when `seq` is not 1 and the client has no entry at
   * `seq - 1`: positions have no gaps, so "the entry after the one I read" is the only place an
   * append can go and the unique (clientId, seq) decides every race (ADR 0002).
   */
  append(record: LedgerRecord): Promise<void>;
  findByTransactionId(clientId: string, transactionId: string): Promise<LedgerRecord | null>;
  /** Completed entries that created or cancelled `subscriptionId`, oldest first. */
  findBySubscriptionId(clientId: string, subscriptionId: string): Promise<readonly LedgerRecord[]>;
  /**
   * Completed entries that created or cancelled any of `subscriptionIds`, oldest first, in one
   * read whatever the number of ids (a page of subscriptions costs one call, not one per item).
   */
  findBySubscriptionIds(
    clientId: string,
    subscriptionIds: readonly string[],
  ): Promise<readonly LedgerRecord[]>;
  /** Completed subscription and cancellation entries of the client, oldest first. */
  subscriptionHistory(clientId: string): Promise<readonly LedgerRecord[]>;
  /**
   * History, newest first: entries with seq < `beforeSeq` (all when absent), filtered, as
   * listings (a full record, holdings included, is also one).
   */
  list(
    clientId: string,
    filter: TransactionFilter,
    page: { readonly limit: number; readonly beforeSeq?: number | undefined },
  ): Promise<readonly LedgerListing[]>;
  /**
   * Entries carrying a notification intent strictly after `after` in (createdAt, clientId, seq)
   * order, at most `limit`: the outbox recovery pages through its window with this cursor.
   */
  withNotificationsAfter(after: LedgerPosition, limit: number): Promise<readonly LedgerRecord[]>;
}

/** An entry's place in the order the outbox recovery reads the ledger. */
export interface LedgerPosition {
  readonly createdAt: Date;
  readonly clientId: string;
  readonly seq: number;
}

/** The position of `record`; `{ createdAt, clientId: '', seq: 0 }` is before every entry at `createdAt`. */
export const positionOf = (record: LedgerRecord): LedgerPosition => ({
  createdAt: record.transaction.createdAt,
  clientId: record.clientId,
  seq: record.seq,
});

/** Negative, zero or positive as `a` sorts before, with or after `b`. */
export function comparePositions(a: LedgerPosition, b: LedgerPosition): number {
  const byTime = a.createdAt.getTime() - b.createdAt.getTime();
  if (byTime !== 0) return byTime;
  if (a.clientId !== b.clientId) return a.clientId < b.clientId ? -1 : 1;
  return a.seq - b.seq;
}

/**
 * Thrown by Ledger.append when `seq` would leave a gap: the caller did not append after the entry
 * it read (a bug, never a race). Nothing is written.
 */
export class LedgerSequenceGap extends Error {
  override readonly name = 'LedgerSequenceGap';
  constructor(
    readonly clientId: string,
    readonly seq: number,
  ) {
    super(`ledger position ${seq} of client ${clientId} would leave a gap`);
  }
}

/**
 * Thrown by Ledger.append when the position or the transaction id is already taken: a lost race,
 * retried on fresh data, so no stack trace is captured.
 */
export class LedgerConflict extends ExpectedOutcomeError {
  override readonly name = 'LedgerConflict';
  constructor(
    readonly clientId: string,
    readonly seq: number,
  ) {
    super(`ledger position ${seq} of client ${clientId} is taken`);
  }
}
