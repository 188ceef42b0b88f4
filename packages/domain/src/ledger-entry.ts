import type { Money } from './money.js';
import type { Holding } from './subscription.js';
import type { TransactionSnapshot } from './transaction.js';

/**
 * One append-only entry of a client's ledger. `seq` starts at 1 and has no gaps (a ledger refuses
 * an entry that would leave one). Each entry carries the state *after* it (balance in
 * `transaction.balanceAfter`, and the holdings) and the balance the account was opened with, so
 * the latest entry alone is the account and can be checked on its own.
 */
export interface LedgerEntry {
  readonly clientId: string;
  readonly seq: number;
  readonly transaction: TransactionSnapshot;
  readonly holdings: readonly Holding[];
  /** The balance the account opened with: balance + Σ holdings equals it at every entry. */
  readonly openingBalance: Money;
}
