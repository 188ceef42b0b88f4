import {
  concurrentModification as busy,
  tooManyPendingOperations as tooManyPending,
} from '../application-errors.js';
import { hasPassed, type Deadline } from './deadline.js';

/** Idle lines kept for reuse: ~100 bytes each, more clients than one process serves at once. */
export const IDLE_LINES_KEPT = 1024;

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
 * was applied).
 *
 * An idle client's line is kept for its next operation, up to `IDLE_LINES_KEPT` of them; past
 * that every idle line is dropped in one pass. Dropping each line as it went idle wrote the
 * long-lived map twice per operation (a new entry, then a deleted one), and every few dozen
 * operations V8 rebuilt its table: old-generation garbage that, until the next full collection,
 * kept the lines and waiters it pointed at alive through young collections (ADR 0730).
 */
export class ClientOperationQueue {
  private readonly lines = new Map<string, Line>();
  /** Lines in `lines` with nothing running or waiting. */
  private idleLines = 0;

  constructor(private readonly maxPendingPerClient = 0) {}

  /** Lines held, idle ones included (diagnostics and tests). */
  get linesHeld(): number {
    return this.lines.size;
  }

  /** Operations running or waiting for `clientId` (diagnostics and tests). */
  pending(clientId: string): number {
    const line = this.lines.get(clientId);
    return line === undefined ? 0 : (line.running ? 1 : 0) + line.waiting.length;
  }

  run<T>(clientId: string, deadline: Deadline, task: () => Promise<T>): Promise<T> {
    let line = this.lines.get(clientId);
    if (line === undefined) {
      line = { running: false, waiting: [] };
      this.lines.set(clientId, line);
      this.idleLines += 1;
    }
    if (this.maxPendingPerClient > 0 && this.pending(clientId) >= this.maxPendingPerClient) {
      return Promise.reject(tooManyPending());
    }
    if (!line.running) {
      line.running = true;
      this.idleLines -= 1;
      return this.execute(line, task);
    }
    const busyLine = line;
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waiter: Waiter = {
        start: () => {
          if (timer !== undefined) clearTimeout(timer);
          // Its turn came too late: the caller is answering; start nothing.
          if (hasPassed(deadline)) {
            this.next(busyLine);
            reject(busy());
            return;
          }
          this.execute(busyLine, task).then(resolve, reject);
        },
      };
      busyLine.waiting.push(waiter);
      const remaining = deadline.remainingMs();
      if (Number.isFinite(remaining)) {
        timer = setTimeout(
          () => {
            const index = busyLine.waiting.indexOf(waiter);
            if (index < 0) return;
            busyLine.waiting.splice(index, 1);
            reject(busy());
          },
          Math.max(0, remaining),
        );
      }
    });
  }

  private async execute<T>(line: Line, task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } finally {
      this.next(line);
    }
  }

  private next(line: Line): void {
    const waiter = line.waiting.shift();
    if (waiter !== undefined) {
      waiter.start();
      return;
    }
    line.running = false;
    this.idleLines += 1;
    if (this.idleLines > IDLE_LINES_KEPT) this.dropIdleLines();
  }

  private dropIdleLines(): void {
    for (const [clientId, line] of this.lines) {
      if (!line.running) this.lines.delete(clientId);
    }
    this.idleLines = 0;
  }
}
