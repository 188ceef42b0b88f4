import type { DispatchReport } from '@btg-funds/application';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { NotificationDispatcher } from '../src/runtime/notification-dispatcher.js';
import { WakeSignal } from '../src/runtime/wake-signal.js';

const BATCH = 50;
const silent = pino({ level: 'silent' });

/** An outbox of `backlog` due notifications, `heldElsewhere` of them claimed by another process. */
function outbox(backlog: number, heldElsewhere = 0) {
  let left = backlog;
  const batches: number[] = [];
  return {
    batches,
    left: () => left,
    execute({ limit }: { limit: number }): Promise<DispatchReport> {
      const handled = Math.min(limit, Math.max(0, left - heldElsewhere));
      left -= handled;
      batches.push(handled);
      return Promise.resolve({ sent: handled, retried: 0, failed: 0 });
    },
  };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

describe('NotificationDispatcher (ADR 0723)', () => {
  let dispatcher: NotificationDispatcher | undefined;
  afterEach(() => dispatcher?.stop());

  it('drains a backlog batch after batch, without waiting for the interval', async () => {
    const store = outbox(4 * BATCH + 7);
    // An hour between ticks: only the drain itself can empty the backlog within the test.
    dispatcher = new NotificationDispatcher(store, new WakeSignal(), silent, 3_600_000, BATCH);
    dispatcher.start();
    await until(() => store.left() === 0);
    expect(store.left()).toBe(0);
    // The last batch was not full: the dispatcher stops there and waits for the next ring.
    expect(store.batches).toEqual([BATCH, BATCH, BATCH, BATCH, 7]);
  });

  it('does not spin on records it cannot take (held by another dispatcher)', async () => {
    const store = outbox(BATCH, BATCH);
    dispatcher = new NotificationDispatcher(store, new WakeSignal(), silent, 3_600_000, BATCH);
    dispatcher.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.batches).toEqual([0]);
  });

  it('lets other work run between two batches', async () => {
    const store = outbox(20 * BATCH);
    dispatcher = new NotificationDispatcher(store, new WakeSignal(), silent, 3_600_000, BATCH);
    let batchesWhenOtherWorkRan: number | undefined;
    // Work queued for the event loop's next turn (as a request's I/O callback would be).
    setImmediate(() => (batchesWhenOtherWorkRan = store.batches.length));
    dispatcher.start();
    await until(() => store.left() === 0);
    // It ran after the first batch, while the backlog was still being drained, not after it.
    expect(batchesWhenOtherWorkRan).toBe(1);
  });
});
