import type { LedgerListing, LedgerRecord, NotificationIntent } from '@btg-funds/application';
import {
  DomainErrors,
  isRejectionCode,
  Money,
  type Holding,
  type RejectionReason,
  type TransactionStatus,
  type TransactionType,
} from '@btg-funds/domain';
import type { Long } from 'mongodb';
import { moneyFromStored, moneyToLong } from './money-codec.js';

type StoredMoney = Long | bigint;

interface HoldingDocument {
  subscriptionId: string;
  fundId: string;
  fundName: string;
  amount: StoredMoney;
  subscribedAt: Date;
}

/**
 * One ledger entry, flattened so history filters (type, fundId, status) and the outbox scan
 * (createdAt, notification) are plain indexed fields.
 */
export interface LedgerDocument {
  /** `${clientId}:${seq}`: the (clientId, seq) uniqueness the optimistic append relies on. */
  _id: string;
  clientId: string;
  seq: number;
  transactionId: string;
  type: TransactionType;
  status: TransactionStatus;
  fundId: string;
  fundName: string;
  subscriptionId: string | null;
  amount: StoredMoney;
  balanceAfter: StoredMoney;
  /** Stored as written; the code is checked when read back (never cast). */
  reason: { code: string; message: string } | null;
  createdAt: Date;
  holdings: HoldingDocument[];
  /** Absent on entries written before it was recorded: LEGACY_OPENING_BALANCE. */
  openingBalance?: StoredMoney;
  notification: NotificationIntent | null;
}

/**
 * The opening balance of entries written before entries recorded it: every account then was
 * opened with COP 500.000 (the only value this product ever used). A fact about old data, so it
 * stays fixed here whatever the product's opening balance becomes.
 */
const LEGACY_OPENING_BALANCE = Money.parse('500000');

export function ledgerId(clientId: string, seq: number): string {
  return `${clientId}:${seq}`;
}

export function toLedgerDocument(record: LedgerRecord): LedgerDocument {
  const tx = record.transaction;
  return {
    _id: ledgerId(record.clientId, record.seq),
    clientId: record.clientId,
    seq: record.seq,
    transactionId: tx.id,
    type: tx.type,
    status: tx.status,
    fundId: tx.fundId,
    fundName: tx.fundName,
    subscriptionId: tx.subscriptionId,
    amount: moneyToLong(tx.amount),
    balanceAfter: moneyToLong(tx.balanceAfter),
    reason: tx.reason === null ? null : { code: tx.reason.code, message: tx.reason.message },
    createdAt: tx.createdAt,
    holdings: record.holdings.map((h) => ({
      subscriptionId: h.subscriptionId,
      fundId: h.fundId,
      fundName: h.fundName,
      amount: moneyToLong(h.amount),
      subscribedAt: h.subscribedAt,
    })),
    openingBalance: moneyToLong(record.openingBalance),
    notification: intentDocument(record.notification),
  };
}

/** Written as before for a notification to send; `withheld` only when it must not be sent. */
function intentDocument(intent: NotificationIntent | null): NotificationIntent | null {
  if (intent === null) return null;
  const { channel, destination } = intent;
  const withheld = intent.withheld ?? null;
  return withheld === null ? { channel, destination } : { channel, destination, withheld };
}

export function fromLedgerDocument(doc: LedgerDocument): LedgerRecord {
  const holdings: Holding[] = doc.holdings.map((h) => ({
    subscriptionId: h.subscriptionId,
    fundId: h.fundId,
    fundName: h.fundName,
    amount: moneyFromStored(h.amount),
    subscribedAt: h.subscribedAt,
  }));
  return {
    ...listingFromDocument(doc),
    holdings,
    openingBalance:
      doc.openingBalance === undefined
        ? LEGACY_OPENING_BALANCE
        : moneyFromStored(doc.openingBalance),
    notification: intentDocument(doc.notification),
  };
}

/** What a history listing reads of an entry: not the state after it, nor its intent. */
export type ListingDocument = Omit<LedgerDocument, 'holdings' | 'openingBalance' | 'notification'>;

/** The projection that reads a `ListingDocument`: the holdings are most of an entry's bytes. */
export const LISTING_PROJECTION = { holdings: 0, openingBalance: 0, notification: 0 } as const;

export function listingFromDocument(doc: ListingDocument): LedgerListing {
  return {
    clientId: doc.clientId,
    seq: Number(doc.seq),
    transaction: {
      id: doc.transactionId,
      clientId: doc.clientId,
      type: doc.type,
      status: doc.status,
      fundId: doc.fundId,
      fundName: doc.fundName,
      subscriptionId: doc.subscriptionId,
      amount: moneyFromStored(doc.amount),
      balanceAfter: moneyFromStored(doc.balanceAfter),
      reason: reasonFrom(doc),
      createdAt: doc.createdAt,
    },
  };
}

/** A stored reason whose code no rule gives is corrupt data, never passed on as a code. */
function reasonFrom(doc: ListingDocument): RejectionReason | null {
  if (doc.reason === null) return null;
  const { code, message } = doc.reason;
  if (!isRejectionCode(code)) {
    throw DomainErrors.ledgerInvariantBroken({ clientId: doc.clientId, seq: doc.seq, code });
  }
  return { code, message };
}
