import type { Holding } from '@btg-funds/domain';
import { moneyOf, sameMoney, storedMoney, type StoredMoney } from './stored-money.js';

/** What a holding is rebuilt from; the row of the entry that opened it has every field. */
export interface HoldingRow {
  readonly subscriptionId: string | null;
  readonly fundId: string;
  readonly fundName: string;
  readonly amount: StoredMoney;
  /** Epoch milliseconds: when the subscription was made. */
  readonly createdAt: number;
}

/** The holdings after an entry: one row alone (the common case) or a list, `[]` for none. */
export type HoldingRows = HoldingRow | readonly HoldingRow[];

export const NO_HOLDINGS: readonly HoldingRow[] = Object.freeze([]);

/** A holding no row of its client describes (only a record built by hand has one). */
class HoldingOnly implements HoldingRow {
  constructor(
    readonly subscriptionId: string,
    readonly fundId: string,
    readonly fundName: string,
    readonly amount: StoredMoney,
    readonly createdAt: number,
  ) {}
}

/**
 * Each holding as the row that describes it: the new entry's own row (the subscription it opens)
 * or one the previous entry already held; a new object only for a holding no row describes.
 */
export function holdingRowsOf(
  holdings: readonly Holding[],
  own: HoldingRow,
  previous: { readonly holdings: HoldingRows } | undefined,
): HoldingRows {
  const before = previous === undefined ? NO_HOLDINGS : listOf(previous.holdings);
  const rows = holdings.map(
    (h) =>
      (describes(own, h) ? own : before.find((known) => describes(known, h))) ??
      new HoldingOnly(
        h.subscriptionId,
        h.fundId,
        h.fundName,
        storedMoney(h.amount),
        h.subscribedAt.getTime(),
      ),
  );
  if (rows.length === 0) return NO_HOLDINGS;
  if (rows.length === 1) return rows[0]!;
  // The same holdings as the entry before (a failed attempt, say): share its list.
  const same = rows.length === before.length && rows.every((r, i) => r === before[i]);
  return same && previous !== undefined ? previous.holdings : rows;
}

export function holdingsOf(rows: HoldingRows): Holding[] {
  return listOf(rows).map((row) => ({
    // Only a row whose subscription id equals a holding's ever stands for it (`describes`).
    subscriptionId: row.subscriptionId!,
    fundId: row.fundId,
    fundName: row.fundName,
    amount: moneyOf(row.amount),
    subscribedAt: new Date(row.createdAt),
  }));
}

const isList = (rows: HoldingRows): rows is readonly HoldingRow[] => Array.isArray(rows);
const listOf = (rows: HoldingRows): readonly HoldingRow[] => (isList(rows) ? rows : [rows]);

function describes(row: HoldingRow, holding: Holding): boolean {
  return (
    row.subscriptionId === holding.subscriptionId &&
    row.fundId === holding.fundId &&
    row.fundName === holding.fundName &&
    row.createdAt === holding.subscribedAt.getTime() &&
    sameMoney(row.amount, holding.amount)
  );
}
