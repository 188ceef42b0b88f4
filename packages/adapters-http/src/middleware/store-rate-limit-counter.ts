import type { RateLimitStore } from '@btg-funds/application';
import type { Store } from 'hono-rate-limiter';
import type { HttpEnv } from '../http-env.js';

/**
 * hono-rate-limiter's counter on the RateLimitStore port (ADR 0203): the middleware keeps its
 * headers and 429s, the counts live wherever the composition root put them — in the store
 * shared by every instance when MONGODB_URI is set. Fixed windows aligned to the epoch, so all
 * instances agree on where a window starts. Hits above the limit are not recorded.
 */
export class StoreRateLimitCounter implements Store<HttpEnv> {
  private windowMs = 60_000;

  constructor(
    private readonly store: RateLimitStore,
    private readonly limit: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  init(options: { windowMs: number }): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<{ totalHits: number; resetTime: Date }> {
    const startMs = Math.floor(this.now() / this.windowMs) * this.windowMs;
    const window = { start: new Date(startMs), end: new Date(startMs + this.windowMs) };
    const totalHits = await this.store.increment(key, window, this.limit);
    return { totalHits, resetTime: window.end };
  }

  // Only used with skipFailedRequests / skipSuccessfulRequests, which no limit here sets.
  decrement(): void {}

  resetKey(): void {}
}
