import { Money, type SubscriptionSnapshot, type TransactionSnapshot } from '@btg-funds/domain';
import type { OutcomeCodec } from '../shared/idempotency-guard.js';

/** What subscribing or cancelling answers: the subscription, its transaction, the new balance. */
export interface OperationResult {
  readonly subscription: SubscriptionSnapshot;
  readonly transaction: TransactionSnapshot;
  readonly balance: Money;
}

type Json = Record<string, unknown>;

/** Stores results as plain JSON (money as decimal strings, dates as ISO) for replays. */
export const operationResultCodec: OutcomeCodec<OperationResult> = {
  serialize: (result) => ({
    subscription: {
      ...result.subscription,
      amount: result.subscription.amount.toDecimalString(),
      subscribedAt: result.subscription.subscribedAt.toISOString(),
      cancelledAt: result.subscription.cancelledAt?.toISOString() ?? null,
    },
    transaction: {
      ...result.transaction,
      amount: result.transaction.amount.toDecimalString(),
      balanceAfter: result.transaction.balanceAfter.toDecimalString(),
      createdAt: result.transaction.createdAt.toISOString(),
    },
    balance: result.balance.toDecimalString(),
  }),
  deserialize: (value) => {
    const json = value as { subscription: Json; transaction: Json; balance: string };
    const s = json.subscription;
    const t = json.transaction;
    return {
      subscription: {
        ...(s as unknown as SubscriptionSnapshot),
        amount: Money.parse(s.amount),
        subscribedAt: new Date(s.subscribedAt as string),
        cancelledAt: s.cancelledAt === null ? null : new Date(s.cancelledAt as string),
      },
      transaction: {
        ...(t as unknown as TransactionSnapshot),
        amount: Money.parse(t.amount),
        balanceAfter: Money.parse(t.balanceAfter),
        createdAt: new Date(t.createdAt as string),
      },
      balance: Money.parse(json.balance),
    };
  },
};
