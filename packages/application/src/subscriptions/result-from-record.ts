import { ApplicationError } from '../errors.js';
import type { Ledger, LedgerRecord } from '../ports/index.js';
import type { OperationResult } from './operation-result.js';
import { subscriptionsFromHistory } from './subscription-view.js';

/**
 * Rebuilds the answer of an operation that an earlier, interrupted attempt already wrote to the
 * ledger (resumed Idempotency-Key), so the client gets the answer instead of a second debit.
 */
export async function resultFromRecord(
  ledger: Ledger,
  record: LedgerRecord,
): Promise<OperationResult> {
  const tx = record.transaction;
  if (tx.status === 'failed' || tx.subscriptionId === null) {
    throw new ApplicationError(
      (tx.reason?.code ?? 'VALIDATION_ERROR') as ApplicationError['code'],
      tx.reason?.message ?? 'La operación fue rechazada.',
    );
  }
  const history = await ledger.findBySubscriptionId(record.clientId, tx.subscriptionId);
  const [subscription] = subscriptionsFromHistory(
    record.clientId,
    history.filter((entry) => entry.seq <= record.seq),
  );
  if (subscription === undefined) throw new Error(`ledger entry ${tx.id} has no subscription`);
  return { subscription, transaction: tx, balance: tx.balanceAfter };
}
