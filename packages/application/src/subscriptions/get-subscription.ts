import { DomainErrors, type SubscriptionSnapshot } from '@btg-funds/domain';
import type { Ledger } from '../ports/index.js';
import { subscriptionsFromHistory } from './subscription-view.js';

/** One of the caller's subscriptions; someone else's is indistinguishable from a missing one. */
export class GetSubscription {
  constructor(private readonly ledger: Ledger) {}

  async execute(input: {
    clientId: string;
    subscriptionId: string;
  }): Promise<SubscriptionSnapshot> {
    const history = await this.ledger.findBySubscriptionId(input.clientId, input.subscriptionId);
    const [subscription] = subscriptionsFromHistory(input.clientId, history);
    if (subscription === undefined) throw DomainErrors.subscriptionNotFound(input.subscriptionId);
    return subscription;
  }
}
