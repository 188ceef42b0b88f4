import type { RateLimitStore, RateWindow } from '@btg-funds/application';

/** How many windows may end before a sweep drops them (bounds memory under many keys). */
const SWEEP_EVERY = 1_000;

/**
 * Rate-limit counters of one process (`npm start`, tests): exact, since nothing interleaves
 * inside a synchronous update. Windows that ended are dropped as new hits arrive.
 */
export class InMemoryRateLimitStore implements RateLimitStore {
  private readonly counters = new Map<string, { hits: number; endsAt: number }>();
  private writesSinceSweep = 0;

  increment(key: string, window: RateWindow, ceiling = Number.POSITIVE_INFINITY): Promise<number> {
    this.sweep(window.start.getTime());
    const id = counterId(key, window);
    const counter = this.counters.get(id) ?? { hits: 0, endsAt: window.end.getTime() };
    if (counter.hits >= ceiling) return Promise.resolve(counter.hits + 1);
    counter.hits += 1;
    this.counters.set(id, counter);
    return Promise.resolve(counter.hits);
  }

  count(key: string, window: RateWindow): Promise<number> {
    return Promise.resolve(this.counters.get(counterId(key, window))?.hits ?? 0);
  }

  /** Counters currently held (tests, diagnostics). */
  get size(): number {
    return this.counters.size;
  }

  private sweep(nowMs: number): void {
    this.writesSinceSweep += 1;
    if (this.writesSinceSweep < SWEEP_EVERY) return;
    this.writesSinceSweep = 0;
    for (const [id, counter] of this.counters) {
      if (counter.endsAt <= nowMs) this.counters.delete(id);
    }
  }
}

const counterId = (key: string, window: RateWindow): string => `${window.start.getTime()}|${key}`;
