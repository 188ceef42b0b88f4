import type { OperationResult } from '@btg-funds/application';
import type { SubscriptionSnapshot } from '@btg-funds/domain';
import { presentTransaction } from './present-transaction.js';
import { isoTimestamp } from './iso-timestamp.js';

export function presentSubscription(subscription: SubscriptionSnapshot) {
  return {
    id: subscription.id,
    fundId: subscription.fundId,
    fundName: subscription.fundName,
    amount: subscription.amount.toDecimalString(),
    status: subscription.status,
    subscribedAt: isoTimestamp(subscription.subscribedAt),
    cancelledAt: subscription.cancelledAt == null ? null : isoTimestamp(subscription.cancelledAt),
  };
}

/** The answer of subscribing or cancelling. */
export function presentOperation(result: OperationResult) {
  return {
    subscription: presentSubscription(result.subscription),
    transaction: presentTransaction(result.transaction),
    balance: result.balance.toDecimalString(),
  };
}
