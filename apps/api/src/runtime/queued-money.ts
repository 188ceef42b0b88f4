import type { HttpUseCases } from '@btg-funds/adapters-http';
import { NO_DEADLINE, type ClientOperationQueue, type Deadline } from '@btg-funds/application';

type MoneyUseCase = HttpUseCases['subscribeToFund'] | HttpUseCases['cancelSubscription'];

/**
 * Runs a money use case through the process's per-client queue (ADR 0002): one client's
 * operations one at a time, at most `maxPendingPerClient` pending (429 beyond), and a waiter
 * whose deadline passes in line leaves without running.
 */
export function queuedPerClient<T extends MoneyUseCase>(
  useCase: T,
  queue: ClientOperationQueue,
): T {
  const execute = (input: {
    readonly clientId: string;
    readonly deadline?: Deadline | undefined;
  }) =>
    queue.run(input.clientId, input.deadline ?? NO_DEADLINE, () => useCase.execute(input as never));
  return { execute } as unknown as T;
}
