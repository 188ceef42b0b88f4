import type { LedgerRecord } from '@btg-funds/application';
import type { RejectionReason } from '@btg-funds/domain';
import {
  holdingRowsOf,
  holdingsOf,
  NO_HOLDINGS,
  type HoldingRow,
  type HoldingRows,
} from './holding-rows.js';
import type { RowTraits, RowTraitsKept } from './row-traits.js';
import { moneyOf, storedMoney, type StoredMoney } from './stored-money.js';

/**
 * One ledger entry as the in-memory ledger keeps it (ADR 0714): amounts as centavos, instants as
 * epoch milliseconds, the ids as given, the holdings as references to the rows that opened them.
 * A LedgerRecord (Money, Date) is rebuilt from it on read by `recordOf`.
 */
export class LedgerRow implements HoldingRow {
  /** Set once, right after the row is made: the row itself may be one of them. */
  holdings: HoldingRows = NO_HOLDINGS;
  /** The previous completed entry of the same subscription (the subscription index's chain). */
  prior: LedgerRow | null = null;

  constructor(
    readonly clientId: string,
    readonly seq: number,
    readonly id: string,
    readonly traits: RowTraits,
    readonly fundId: string,
    readonly fundName: string,
    readonly subscriptionId: string | null,
    readonly amount: StoredMoney,
    readonly balanceAfter: StoredMoney,
    readonly reason: RejectionReason | null,
    readonly createdAt: number,
    readonly openingBalance: StoredMoney,
  ) {}
}

/**
 * The row for `record`, appended after `previous` (the client's latest row). `clientId` and
 * `subscriptionId` are the strings the client's rows already hold, so a request's own copies of
 * them are not kept.
 */
export function rowOf(
  record: LedgerRecord,
  kept: {
    readonly clientId: string;
    readonly subscriptionId: string | null;
    readonly traits: RowTraitsKept;
  },
  previous: LedgerRow | undefined,
): LedgerRow {
  const tx = record.transaction;
  const row = new LedgerRow(
    kept.clientId,
    record.seq,
    tx.id,
    kept.traits.of(tx.type, tx.status, record.notification),
    tx.fundId,
    tx.fundName,
    kept.subscriptionId,
    storedMoney(tx.amount),
    storedMoney(tx.balanceAfter),
    tx.reason,
    tx.createdAt.getTime(),
    storedMoney(record.openingBalance),
  );
  row.holdings = holdingRowsOf(record.holdings, row, previous);
  return row;
}

export function recordOf(row: LedgerRow): LedgerRecord {
  const { type, status, notification } = row.traits;
  return {
    clientId: row.clientId,
    seq: row.seq,
    transaction: {
      id: row.id,
      clientId: row.clientId,
      type,
      status,
      fundId: row.fundId,
      fundName: row.fundName,
      subscriptionId: row.subscriptionId,
      amount: moneyOf(row.amount),
      balanceAfter: moneyOf(row.balanceAfter),
      reason: row.reason,
      createdAt: new Date(row.createdAt),
    },
    holdings: holdingsOf(row.holdings),
    openingBalance: moneyOf(row.openingBalance),
    notification,
  };
}
