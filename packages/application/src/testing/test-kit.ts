import type { Client } from '@btg-funds/domain';
import { SEEDED_FUNDS } from '../funds/seeded-funds.js';
import { CancelSubscription } from '../subscriptions/cancel-subscription.js';
import { Outbox } from '../notifications/outbox.js';
import type {
  ClientRepository,
  Clock,
  FundRepository,
  IdempotencyStore,
  IdGenerator,
  Ledger,
  NotificationStore,
} from '../ports/index.js';
import { IdempotencyGuard } from '../shared/idempotency-guard.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../shared/retry-policy.js';
import { SubscribeToFund } from '../subscriptions/subscribe-to-fund.js';
import { aClient, registered, uniqueId } from './builders.js';

/** The storage ports the money use cases need. */
export interface MoneyStorage {
  readonly clients: ClientRepository;
  readonly funds: FundRepository;
  readonly ledger: Ledger;
  readonly idempotency: IdempotencyStore;
  readonly notifications: NotificationStore;
}

export const testClock = (): Clock => ({ now: () => new Date() });
export const testIds = (): IdGenerator => ({ next: () => uniqueId('id') });

/** SubscribeToFund and CancelSubscription wired on `storage`, as the composition root does. */
export function moneyUseCases(
  storage: MoneyStorage,
  options: { clock?: Clock; ids?: IdGenerator; retry?: RetryPolicy } = {},
) {
  const clock = options.clock ?? testClock();
  const ids = options.ids ?? testIds();
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const outbox = new Outbox(storage.notifications, () => ids.next());
  const idempotency = new IdempotencyGuard(storage.idempotency, clock, ids);
  const common = {
    ledger: storage.ledger,
    clients: storage.clients,
    outbox,
    idempotency,
    clock,
    retry,
  };
  return {
    subscribe: new SubscribeToFund({ ...common, funds: storage.funds, ids }),
    cancel: new CancelSubscription(common),
  };
}

/** A registered client on `storage` with the seeded funds present. */
export async function givenClientWithFunds(storage: MoneyStorage): Promise<Client> {
  await storage.funds.seed(SEEDED_FUNDS);
  const client = aClient();
  await storage.clients.add(registered(client));
  return client;
}
