import { Account, type AccountChange } from '@btg-funds/domain';
import { ApplicationError } from '../errors.js';
import {
  LedgerConflict,
  type Ledger,
  type LedgerRecord,
  type NotificationIntent,
} from '../ports/index.js';
import { backoffDelay, sleep, type RetryPolicy } from './retry-policy.js';

export interface LedgerOperation {
  readonly clientId: string;
  readonly transactionId: string;
  /** Applies the rules to the current account; may throw a business error. */
  decide(account: Account): AccountChange;
  /** The notification to record with a completed change (the outbox). */
  notification(change: AccountChange): NotificationIntent | null;
}

export type LedgerOperationResult =
  | { readonly kind: 'applied'; readonly change: AccountChange; readonly record: LedgerRecord }
  | { readonly kind: 'already-applied'; readonly record: LedgerRecord };

/**
 * Optimistic concurrency without transactions (ADR 0002): read the latest entry, decide, and
 * append entry seq + 1. The store's unique (clientId, seq) lets exactly one competitor win; a
 * loser re-reads and decides again on the new state, so no rule is ever checked on stale data.
 */
export async function runLedgerOperation(
  ledger: Ledger,
  policy: RetryPolicy,
  operation: LedgerOperation,
  onConflict: () => void = () => undefined,
): Promise<LedgerOperationResult> {
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt += 1) {
    const latest = await ledger.latest(operation.clientId);
    let change: AccountChange;
    try {
      change = operation.decide(Account.fromLatestEntry(operation.clientId, latest));
    } catch (error) {
      // A resumed attempt sees the state its own committed transaction produced, and the rules
      // refuse to repeat it (already subscribed, nothing to cancel): answer with that entry.
      const existing = await ledger.findByTransactionId(
        operation.clientId,
        operation.transactionId,
      );
      if (existing !== null) return { kind: 'already-applied', record: existing };
      throw error;
    }
    const record: LedgerRecord = {
      ...change.entry,
      notification: change.rejection === null ? operation.notification(change) : null,
    };
    try {
      await ledger.append(record);
      return { kind: 'applied', change, record };
    } catch (error) {
      if (!(error instanceof LedgerConflict)) throw error;
      onConflict();
      // The conflict may be our own transaction, written by an attempt that died after the
      // append (resumed Idempotency-Key): then the operation is done, not to be redone.
      const existing = await ledger.findByTransactionId(
        operation.clientId,
        operation.transactionId,
      );
      if (existing !== null) return { kind: 'already-applied', record: existing };
      await sleep(backoffDelay(policy, attempt));
    }
  }
  throw new ApplicationError(
    'CONCURRENT_MODIFICATION',
    'La cuenta está recibiendo muchas operaciones simultáneas. Intente de nuevo.',
  );
}
