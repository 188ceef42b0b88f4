import type { TransactionSnapshot } from '@btg-funds/domain';
import { isoTimestamp } from './iso-timestamp.js';

/** clientId stays internal: the caller knows who they are. */
export function presentTransaction(tx: TransactionSnapshot) {
  return {
    id: tx.id,
    type: tx.type,
    status: tx.status,
    fundId: tx.fundId,
    fundName: tx.fundName,
    subscriptionId: tx.subscriptionId,
    amount: tx.amount.toDecimalString(),
    balanceAfter: tx.balanceAfter.toDecimalString(),
    reason: tx.reason === null ? null : { code: tx.reason.code, message: tx.reason.message },
    createdAt: isoTimestamp(tx.createdAt),
  };
}
