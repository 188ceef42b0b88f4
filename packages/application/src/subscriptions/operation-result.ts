import type { Money, SubscriptionSnapshot, TransactionSnapshot } from '@btg-funds/domain';

/** What subscribing or cancelling answers: the subscription, its transaction, the new balance. */
export interface OperationResult {
  readonly subscription: SubscriptionSnapshot;
  readonly transaction: TransactionSnapshot;
  readonly balance: Money;
}
