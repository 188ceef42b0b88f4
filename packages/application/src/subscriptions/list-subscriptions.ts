import {
  activeSubscription,
  type SubscriptionSnapshot,
  type SubscriptionStatus,
} from '@btg-funds/domain';
import type { Ledger } from '../ports/index.js';
import { subscriptionsFromHistory } from './subscription-view.js';

/** The caller's subscriptions, newest first, optionally only active or only cancelled. */
export class ListSubscriptions {
  constructor(private readonly ledger: Ledger) {}

  async execute(input: {
    clientId: string;
    status?: SubscriptionStatus | undefined;
  }): Promise<SubscriptionSnapshot[]> {
    return (await this.read(input.clientId, input.status))
      .filter((s) => input.status === undefined || s.status === input.status)
      .sort((a, b) => b.subscribedAt.getTime() - a.subscribedAt.getTime());
  }

  private async read(
    clientId: string,
    status: SubscriptionStatus | undefined,
  ): Promise<SubscriptionSnapshot[]> {
    // The active ones are the holdings of the latest entry: one small read, however long the
    // history (the money audit and most callers ask for these).
    if (status === 'active') {
      const latest = await this.ledger.latest(clientId);
      return (latest?.holdings ?? []).map((holding) => activeSubscription(clientId, holding));
    }
    return subscriptionsFromHistory(clientId, await this.ledger.subscriptionHistory(clientId));
  }
}
