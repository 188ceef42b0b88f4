import type { Holding } from './subscription.js';
import type { TransactionSnapshot } from './transaction.js';

/**
 * One append-only entry of a client's ledger. `seq` starts at 1 and has no gaps; each entry
 * carries the state *after* it (balance in `transaction.balanceAfter`, and the holdings), so
 * the latest entry alone is the account.
 */
export interface LedgerEntry {
  readonly clientId: string;
  readonly seq: number;
  readonly transaction: TransactionSnapshot;
  readonly holdings: readonly Holding[];
}
