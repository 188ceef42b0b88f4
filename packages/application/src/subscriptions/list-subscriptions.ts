import type { SubscriptionSnapshot, SubscriptionStatus } from '@btg-funds/domain';
import type { Ledger } from '../ports/index.js';
import { subscriptionsFromHistory } from './subscription-view.js';

/** The caller's subscriptions, newest first, optionally only active or only cancelled. */
export class ListSubscriptions {
  constructor(private readonly ledger: Ledger) {}

  async execute(input: {
    clientId: string;
    status?: SubscriptionStatus | undefined;
  }): Promise<SubscriptionSnapshot[]> {
    const history = await this.ledger.subscriptionHistory(input.clientId);
    return subscriptionsFromHistory(input.clientId, history)
      .filter((s) => input.status === undefined || s.status === input.status)
      .sort((a, b) => b.subscribedAt.getTime() - a.subscribedAt.getTime());
  }
}
