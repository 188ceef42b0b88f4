import type { Client } from '@btg-funds/domain';
import { SEEDED_FUNDS } from '../funds/seeded-funds.js';
import { createUseCases } from '../composition/create-use-cases.js';
import type { UseCaseStorage } from '../composition/use-case-ports.js';
import type { Clock, IdGenerator } from '../ports/index.js';
import type { RetryPolicy } from '../shared/retry-policy.js';
import { aClient, registered } from './builders.js';
import { testPorts } from './test-ports.js';

/** The storage ports the money use cases need. */
export type MoneyStorage = Pick<
  UseCaseStorage,
  'clients' | 'funds' | 'ledger' | 'idempotency' | 'notifications'
>;

/**
 * SubscribeToFund and CancelSubscription on `storage`, from `createUseCases` as production builds
 * them (per-client queue included). Each call is one process: racers that should really race on
 * the ledger (several instances) each take their own.
 */
export function moneyUseCases(
  storage: MoneyStorage,
  options: { clock?: Clock; ids?: IdGenerator; retry?: RetryPolicy } = {},
) {
  const useCases = createUseCases(
    testPorts({
      ...storage,
      ...(options.clock !== undefined && { clock: options.clock }),
      ...(options.ids !== undefined && { ids: options.ids }),
    }),
    { retry: options.retry },
  );
  return { subscribe: useCases.subscribeToFund, cancel: useCases.cancelSubscription };
}

/** A registered client on `storage` with the seeded funds present. */
export async function givenClientWithFunds(storage: MoneyStorage): Promise<Client> {
  await storage.funds.seed(SEEDED_FUNDS);
  const client = aClient();
  await storage.clients.add(registered(client));
  return client;
}
