import { describe, expect, it, vi } from 'vitest';
import { ClientOperationQueue, IDLE_LINES_KEPT } from './client-operation-queue.js';
import { NO_DEADLINE, type Deadline } from './deadline.js';

/** A task that runs until the test lets it finish, recording how many run at once. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const expired: Deadline = { remainingMs: () => 0 };

describe('ClientOperationQueue', () => {
  it("runs one client's operations one at a time, in arrival order", async () => {
    const queue = new ClientOperationQueue();
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string) => async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      order.push(name);
      running -= 1;
      return name;
    };
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((name) => queue.run('client-1', NO_DEADLINE, task(name))),
    );
    expect(results).toEqual(['a', 'b', 'c', 'd']);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect(most).toBe(1);
    expect(queue.pending('client-1')).toBe(0);
  });

  it('lets different clients run at the same time', async () => {
    const queue = new ClientOperationQueue();
    const first = gate();
    const blocked = queue.run('client-1', NO_DEADLINE, () => first.opened.then(() => 1));
    const other = await queue.run('client-2', NO_DEADLINE, () => Promise.resolve(2));
    expect(other).toBe(2);
    first.open();
    expect(await blocked).toBe(1);
  });

  it('refuses beyond the cap with TOO_MANY_PENDING_OPERATIONS, without running it', async () => {
    const queue = new ClientOperationQueue(2);
    const first = gate();
    let ran = 0;
    const task = () => {
      ran += 1;
      return first.opened;
    };
    const admitted = [queue.run('c', NO_DEADLINE, task), queue.run('c', NO_DEADLINE, task)];
    await expect(queue.run('c', NO_DEADLINE, task)).rejects.toMatchObject({
      code: 'TOO_MANY_PENDING_OPERATIONS',
    });
    first.open();
    await Promise.all(admitted);
    expect(ran).toBe(2);
    // The line drained: the cap applies to what is pending, not to what happened before.
    await expect(queue.run('c', NO_DEADLINE, task)).resolves.toBeUndefined();
  });

  it('drops a waiter whose deadline passes in line: 409, and it never runs', async () => {
    const queue = new ClientOperationQueue();
    const first = gate();
    let lateRan = false;
    const running = queue.run('c', NO_DEADLINE, () => first.opened);
    const late = queue.run('c', { remainingMs: () => 5 }, () => {
      lateRan = true;
      return Promise.resolve();
    });
    await expect(late).rejects.toMatchObject({ code: 'CONCURRENT_MODIFICATION' });
    first.open();
    await running;
    expect(lateRan).toBe(false);
    expect(queue.pending('c')).toBe(0);
  });

  it('does not start a waiter whose deadline passed by the time its turn came', async () => {
    const queue = new ClientOperationQueue();
    let lateRan = false;
    const running = queue.run('c', NO_DEADLINE, () => Promise.resolve('first'));
    const late = queue.run('c', expired, () => {
      lateRan = true;
      return Promise.resolve('late');
    });
    const after = queue.run('c', NO_DEADLINE, () => Promise.resolve('after'));
    expect(await running).toBe('first');
    await expect(late).rejects.toMatchObject({ code: 'CONCURRENT_MODIFICATION' });
    expect(await after).toBe('after');
    expect(lateRan).toBe(false);
  });
});

describe('ClientOperationQueue idle lines (ADR 0730)', () => {
  it("reuses an idle client's line: a client's next operations never write the map", async () => {
    const queue = new ClientOperationQueue();
    await queue.run('client-1', NO_DEADLINE, () => Promise.resolve('first'));
    const set = vi.spyOn(Map.prototype, 'set');
    const remove = vi.spyOn(Map.prototype, 'delete');
    try {
      for (let i = 0; i < 50; i += 1) {
        expect(await queue.run('client-1', NO_DEADLINE, () => Promise.resolve(i))).toBe(i);
      }
      expect(set).not.toHaveBeenCalled();
      expect(remove).not.toHaveBeenCalled();
    } finally {
      set.mockRestore();
      remove.mockRestore();
    }
    expect(queue.pending('client-1')).toBe(0);
  });

  it('keeps at most IDLE_LINES_KEPT idle lines, and never drops a busy one', async () => {
    const queue = new ClientOperationQueue();
    const held = gate();
    const busy = queue.run('busy', NO_DEADLINE, () => held.opened.then(() => 'done'));
    const waiting = queue.run('busy', NO_DEADLINE, () => Promise.resolve('second'));
    let most = 0;
    for (let i = 0; i < IDLE_LINES_KEPT * 3; i += 1) {
      await queue.run(`client-${i}`, NO_DEADLINE, () => Promise.resolve(i));
      most = Math.max(most, queue.linesHeld);
    }
    expect(most).toBeLessThanOrEqual(IDLE_LINES_KEPT + 2);
    expect(most).toBeGreaterThan(IDLE_LINES_KEPT / 2);
    // The busy client kept its line through the drops: its waiter still runs after it.
    expect(queue.pending('busy')).toBe(2);
    held.open();
    expect(await busy).toBe('done');
    expect(await waiting).toBe('second');
    expect(queue.pending('busy')).toBe(0);
  });
});
