/** A fixed counting window: hits from `start` (inclusive) to `end` (exclusive). */
export interface RateWindow {
  readonly start: Date;
  readonly end: Date;
}

/**
 * Hit counters per key and fixed window, shared by every process on the same store, so a limit
 * is one limit however many instances run (ADR 0203). The caller chooses the key (an address,
 * an account, an account and an address…) and the window; the store only counts.
 *
 * Adapters must stay exact under concurrency without atomic conditional updates or an atomic
 * `$inc` (FerretDB has neither): each hit is its own unique insert.
 */
export interface RateLimitStore {
  /**
   * Records one hit of `key` in `window` and returns the window's hits, this one included. With
   * a `ceiling`, a window that already holds `ceiling` hits records nothing and the answer is
   * above the ceiling, so refused requests cost no storage.
   */
  increment(key: string, window: RateWindow, ceiling?: number): Promise<number>;
  /** Hits recorded for `key` in `window`. */
  count(key: string, window: RateWindow): Promise<number>;
}
