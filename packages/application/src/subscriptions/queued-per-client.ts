import type { ClientOperationQueue } from '../shared/client-operation-queue.js';
import { NO_DEADLINE, type Deadline } from '../shared/deadline.js';

type MoneyUseCase<I, O> = { execute(input: I): Promise<O> };

/**
 * Runs a money use case through the process's per-client queue (ADR 0002): one client's
 * operations one at a time, at most `maxPendingPerClient` pending (429 beyond), and a waiter
 * whose deadline passes in line leaves without running.
 */
export function queuedPerClient<
  I extends { readonly clientId: string; readonly deadline?: Deadline | undefined },
  O,
>(useCase: MoneyUseCase<I, O>, queue: ClientOperationQueue): MoneyUseCase<I, O> {
  return {
    execute: (input) =>
      queue.run(input.clientId, input.deadline ?? NO_DEADLINE, () => useCase.execute(input)),
  };
}
