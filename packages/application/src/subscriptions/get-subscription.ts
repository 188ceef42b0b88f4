import type { SubscriptionSnapshot } from '@btg-funds/domain';
import { ApplicationError } from '../errors.js';
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
    if (subscription === undefined) {
      throw new ApplicationError('SUBSCRIPTION_NOT_FOUND', 'La suscripción no existe.', {
        subscriptionId: input.subscriptionId,
      });
    }
    return subscription;
  }
}
