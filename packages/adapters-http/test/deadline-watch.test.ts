import type { Context } from 'hono';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HttpEnv } from '../src/http-env.js';
import { DeadlineWatch } from '../src/middleware/deadline-watch.js';
import { requestDeadline } from '../src/middleware/request-deadline.js';

describe('DeadlineWatch: one timer for every request in flight (ADR 0725)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A watch on the fake clock, and the names of the requests it expired, in order. */
  function watched(limitMs: number) {
    const watch = new DeadlineWatch(limitMs, () => Date.now());
    const expired: string[] = [];
    const start = (name: string) => watch.start(() => expired.push(name));
    return { watch, expired, start };
  }

  it('expires each request at its limit, oldest first, and never one that ended', () => {
    const { watch, expired, start } = watched(100);
    start('a');
    vi.advanceTimersByTime(10);
    const b = start('b');
    vi.advanceTimersByTime(10);
    start('c');
    watch.end(b);
    vi.advanceTimersByTime(79);
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(['a']);
    vi.advanceTimersByTime(20);
    expect(expired).toEqual(['a', 'c']);
    expect(watch.size).toBe(0);
  });

  it('keeps a single timer however many requests are in flight', () => {
    const { watch, start } = watched(1_000);
    const all = Array.from({ length: 500 }, (_, i) => start(`r${i}`));
    expect(watch.size).toBe(500);
    expect(vi.getTimerCount()).toBe(1);
    for (const one of all) watch.end(one);
    expect(watch.size).toBe(0);
    expect(vi.getTimerCount()).toBe(1);
    // The timer left for the oldest fires once, finds nothing due and is not armed again.
    vi.advanceTimersByTime(1_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('still expires on time a request that came after the oldest ended early', () => {
    const { watch, expired, start } = watched(100);
    const first = start('first');
    vi.advanceTimersByTime(10);
    watch.end(first);
    vi.advanceTimersByTime(40);
    start('second'); // due at 150
    vi.advanceTimersByTime(99); // 149: the timer fired at 100 for `first` and was armed again
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(['second']);
  });

  it('ignores an end after expiry, or twice, and arms again after going idle', () => {
    const { watch, expired, start } = watched(50);
    const late = start('late');
    vi.advanceTimersByTime(50);
    watch.end(late);
    watch.end(late);
    expect(expired).toEqual(['late']);
    start('next');
    vi.advanceTimersByTime(50);
    expect(expired).toEqual(['late', 'next']);
  });

  it('keeps watching the rest when one expiry callback throws', () => {
    const watch = new DeadlineWatch(10, () => Date.now());
    const expired: string[] = [];
    watch.start(() => {
      throw new Error('boom');
    });
    vi.advanceTimersByTime(5);
    watch.start(() => expired.push('second'));
    expect(() => vi.advanceTimersByTime(5)).toThrow('boom');
    vi.advanceTimersByTime(5);
    expect(expired).toEqual(['second']);
  });
});

describe('requestDeadline', () => {
  /** Just what the middleware touches of a context. */
  function context(): Context<HttpEnv> {
    const values = new Map<string, unknown>();
    return {
      set: (key: string, value: unknown) => values.set(key, value),
      get: (key: string) => values.get(key),
      req: { header: () => undefined },
      env: undefined,
    } as unknown as Context<HttpEnv>;
  }

  it('passes on a refusal a later guard throws before returning a promise', async () => {
    const refusal = new Error('413');
    await expect(
      requestDeadline(60_000)(context(), () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
  });

  it('settles with the rest of the chain, or with the timeout when that comes first', async () => {
    const deadline = requestDeadline(30);
    await expect(deadline(context(), () => Promise.resolve())).resolves.toBeUndefined();
    const failure = new Error('handler failed');
    await expect(deadline(context(), () => Promise.reject(failure))).rejects.toBe(failure);
    await expect(
      deadline(context(), () => new Promise<void>(() => undefined)),
    ).rejects.toMatchObject({
      status: 503,
    });
  });
});
