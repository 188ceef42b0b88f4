import type { LedgerListing, LedgerRecord } from '@btg-funds/application';
import type { TransactionSnapshot } from '@btg-funds/domain';
import {
  holdingRowsOf,
  holdingsOf,
  NO_HOLDINGS,
  type HoldingRow,
  type HoldingRows,
} from './holding-rows.js';
import type { RowFund, RowFundsKept } from './row-fund.js';
import { ownerFor, type RowOwner } from './row-owner.js';
import type { RowTraits, RowTraitsKept } from './row-traits.js';
import { moneyOf, storedMoney, type StoredMoney } from './stored-money.js';

/**
 * One ledger entry as the in-memory ledger keeps it (ADR 0714, 0731): amounts as centavos, the
 * time as a small integer from the owner's epoch, the ids as given, what repeats from entry to
 * entry (client and opening balance, fund, type/status/reason/intent) as references to objects
 * kept once, and the holdings as references to the rows that opened them. A LedgerRecord (Money,
 * Date) is rebuilt from it on read by `recordOf`.
 */
export class LedgerRow implements HoldingRow {
  /** Set once, right after the row is made: the row itself may be one of them. */
  holdings: HoldingRows = NO_HOLDINGS;
  /** The previous completed entry of the same subscription (the subscription index's chain). */
  prior: LedgerRow | null = null;

  constructor(
    readonly owner: RowOwner,
    readonly seq: number,
    readonly id: string,
    readonly traits: RowTraits,
    readonly fund: RowFund,
    readonly subscriptionId: string | null,
    readonly amount: StoredMoney,
    readonly balanceAfter: StoredMoney,
    /** Milliseconds since `owner.epoch`. */
    readonly sinceEpoch: number,
  ) {}

  get clientId(): string {
    return this.owner.clientId;
  }

  get fundId(): string {
    return this.fund.id;
  }

  get fundName(): string {
    return this.fund.name;
  }

  /** Epoch milliseconds. */
  get createdAt(): number {
    return this.owner.epoch + this.sinceEpoch;
  }
}

/** What a new row takes from its ledger rather than from the record. */
export interface RowsKept {
  /** The string the client's rows hold for the client id. */
  readonly clientId: string;
  /** The string the client's rows already hold for this subscription id, if any. */
  readonly subscriptionId: string | null;
  readonly traits: RowTraitsKept;
  readonly funds: RowFundsKept;
}

/**
 * The row for `record`, appended after `previous` (the client's latest row), whose owner it shares
 * when it can. The client id and `subscriptionId` are the strings the client's rows already hold,
 * so a request's own copies of them are not kept.
 */
export function rowOf(
  record: LedgerRecord,
  kept: RowsKept,
  previous: LedgerRow | undefined,
): LedgerRow {
  const tx = record.transaction;
  const createdAt = tx.createdAt.getTime();
  const owner = ownerFor(previous?.owner ?? null, kept.clientId, record.openingBalance, createdAt);
  const row = new LedgerRow(
    owner,
    record.seq,
    tx.id,
    kept.traits.of(tx.type, tx.status, tx.reason, record.notification),
    kept.funds.of(tx.fundId, tx.fundName),
    kept.subscriptionId,
    storedMoney(tx.amount),
    storedMoney(tx.balanceAfter),
    createdAt - owner.epoch,
  );
  row.holdings = holdingRowsOf(record.holdings, row, previous);
  return row;
}

export function recordOf(row: LedgerRow): LedgerRecord {
  return {
    clientId: row.owner.clientId,
    seq: row.seq,
    transaction: transactionOf(row),
    holdings: holdingsOf(row.holdings),
    openingBalance: moneyOf(row.owner.openingBalance),
    notification: row.traits.notification,
  };
}

/** The row as a history listing shows it: no holdings, opening balance or intent are rebuilt. */
export function listingOf(row: LedgerRow): LedgerListing {
  return { clientId: row.owner.clientId, seq: row.seq, transaction: transactionOf(row) };
}

function transactionOf(row: LedgerRow): TransactionSnapshot {
  const { type, status, reason } = row.traits;
  const { owner, fund } = row;
  return {
    id: row.id,
    clientId: owner.clientId,
    type,
    status,
    fundId: fund.id,
    fundName: fund.name,
    subscriptionId: row.subscriptionId,
    amount: moneyOf(row.amount),
    balanceAfter: moneyOf(row.balanceAfter),
    reason,
    createdAt: new Date(row.createdAt),
  };
}
