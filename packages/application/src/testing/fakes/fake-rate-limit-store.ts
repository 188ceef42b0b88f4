import type { RateLimitStore, RateWindow } from '../../ports/index.js';

/** Counters per key and window start; a hit at the ceiling is refused and not counted. */
export class FakeRateLimitStore implements RateLimitStore {
  private readonly counters = new Map<string, number>();

  increment(key: string, window: RateWindow, ceiling = Number.POSITIVE_INFINITY): Promise<number> {
    const id = counterId(key, window);
    const hits = this.counters.get(id) ?? 0;
    if (hits >= ceiling) return Promise.resolve(hits + 1);
    this.counters.set(id, hits + 1);
    return Promise.resolve(hits + 1);
  }

  count(key: string, window: RateWindow): Promise<number> {
    return Promise.resolve(this.counters.get(counterId(key, window)) ?? 0);
  }
}

const counterId = (key: string, window: RateWindow): string => `${window.start.getTime()}|${key}`;
