import type { ClientOperationQueue } from '../shared/client-operation-queue.js';
import { NO_DEADLINE, type Deadline } from '../shared/deadline.js';

interface MoneyUseCase<I, O> {
  execute(input: I): Promise<O>;
}

/**
 * A money use case run through the process's per-client queue (ADR 0002): one client's
 * operations one at a time, at most `maxPendingPerClient` pending (429 beyond), and a waiter
 * whose deadline passes in line leaves without running.
 */
export class QueuedPerClient<
  I extends { readonly clientId: string; readonly deadline?: Deadline | undefined },
  O,
> implements MoneyUseCase<I, O> {
  constructor(
    /** The use case in line (what the queue runs). */
    readonly useCase: MoneyUseCase<I, O>,
    private readonly queue: ClientOperationQueue,
  ) {}

  execute(input: I): Promise<O> {
    return this.queue.run(input.clientId, input.deadline ?? NO_DEADLINE, () =>
      this.useCase.execute(input),
    );
  }
}
