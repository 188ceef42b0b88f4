import type { LedgerRecord } from '@btg-funds/application';
import type { LedgerRow } from './ledger-row.js';

/** One client's entries in the in-memory ledger, and the indexes over them. */
export class ClientLedger {
  /** Every entry, at index seq - 1. */
  readonly rows: LedgerRow[] = [];
  /** The completed subscription and cancellation entries, in seq order. */
  readonly completed: LedgerRow[] = [];
  /** Per subscription id, its newest completed entry; older ones follow `prior`. */
  readonly subscriptions = new Map<string, LedgerRow>();
  /** The newest entry as it was appended: the account every operation reads, never rebuilt. */
  head: LedgerRecord | null = null;

  constructor(readonly clientId: string) {}

  /** The completed entries of `subscriptionId`, oldest first. */
  subscriptionRows(subscriptionId: string): LedgerRow[] {
    const rows: LedgerRow[] = [];
    for (let row = this.subscriptions.get(subscriptionId) ?? null; row !== null; row = row.prior) {
      rows.push(row);
    }
    return rows.reverse();
  }
}
