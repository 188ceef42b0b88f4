import {
  concurrentModification as busy,
  tooManyPendingOperations as tooManyPending,
} from '../application-errors.js';
import { hasPassed, type Deadline } from './deadline.js';

interface Waiter {
  start(): void;
}

interface Line {
  running: boolean;
  readonly waiting: Waiter[];
}

/**
 * One client's money operations, one at a time per process (ADR 0002). They would serialize on
 * the client's ledger anyway; queueing them here turns a burst of n requests into n appends
 * instead of n racing readers that each retry up to 64 times, and it leaves the store's
 * capacity to other clients. Across processes the ledger's unique insert still decides.
 *
 * `maxPendingPerClient` (running + waiting; 0 = no cap) refuses a request beyond it at once
 * (429), and a waiter whose deadline passes in line leaves it without running (409: nothing
 * was applied). Idle clients leave no state behind.
 */
export class ClientOperationQueue {
  private readonly lines = new Map<string, Line>();

  constructor(private readonly maxPendingPerClient = 0) {}

  /** Operations running or waiting for `clientId` (diagnostics and tests). */
  pending(clientId: string): number {
    const line = this.lines.get(clientId);
    return line === undefined ? 0 : (line.running ? 1 : 0) + line.waiting.length;
  }

  run<T>(clientId: string, deadline: Deadline, task: () => Promise<T>): Promise<T> {
    const line = this.lines.get(clientId) ?? { running: false, waiting: [] };
    this.lines.set(clientId, line);
    if (this.maxPendingPerClient > 0 && this.pending(clientId) >= this.maxPendingPerClient) {
      return Promise.reject(tooManyPending());
    }
    if (!line.running) {
      line.running = true;
      return this.execute(clientId, line, task);
    }
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waiter: Waiter = {
        start: () => {
          if (timer !== undefined) clearTimeout(timer);
          // Its turn came too late: the caller is answering; start nothing.
          if (hasPassed(deadline)) {
            this.next(clientId, line);
            reject(busy());
            return;
          }
          this.execute(clientId, line, task).then(resolve, reject);
        },
      };
      line.waiting.push(waiter);
      const remaining = deadline.remainingMs();
      if (Number.isFinite(remaining)) {
        timer = setTimeout(
          () => {
            const index = line.waiting.indexOf(waiter);
            if (index < 0) return;
            line.waiting.splice(index, 1);
            reject(busy());
          },
          Math.max(0, remaining),
        );
      }
    });
  }

  private async execute<T>(clientId: string, line: Line, task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } finally {
      this.next(clientId, line);
    }
  }

  private next(clientId: string, line: Line): void {
    const waiter = line.waiting.shift();
    if (waiter !== undefined) {
      waiter.start();
      return;
    }
    line.running = false;
    this.lines.delete(clientId);
  }
}
