import type { Money } from './money.js';

export type SubscriptionStatus = 'active' | 'cancelled';

/** A subscription the account currently holds (part of every ledger entry). */
export interface Holding {
  readonly subscriptionId: string;
  readonly fundId: string;
  readonly fundName: string;
  readonly amount: Money;
  readonly subscribedAt: Date;
}

export interface SubscriptionSnapshot {
  readonly id: string;
  readonly clientId: string;
  readonly fundId: string;
  readonly fundName: string;
  readonly amount: Money;
  readonly status: SubscriptionStatus;
  readonly subscribedAt: Date;
  readonly cancelledAt: Date | null;
}

export function activeSubscription(clientId: string, holding: Holding): SubscriptionSnapshot {
  return {
    id: holding.subscriptionId,
    clientId,
    fundId: holding.fundId,
    fundName: holding.fundName,
    amount: holding.amount,
    status: 'active',
    subscribedAt: holding.subscribedAt,
    cancelledAt: null,
  };
}

export function cancelledSubscription(
  clientId: string,
  holding: Holding,
  cancelledAt: Date,
): SubscriptionSnapshot {
  return { ...activeSubscription(clientId, holding), status: 'cancelled', cancelledAt };
}
