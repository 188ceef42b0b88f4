import type { RateLimitStore, RateWindow } from '../ports/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * At most `perDay` messages to one destination per UTC day, codes and notifications together,
 * counted in the RateLimitStore (one count across every instance; ADR 0405): whoever registers
 * someone else's phone can make it ring that many times a day, no more.
 */
export class DestinationCap {
  constructor(
    private readonly store: RateLimitStore,
    private readonly perDay: number,
  ) {}

  /** Counts one message to `destination` at `now`; false (and nothing counted) when full. */
  async allow(destination: string, now: Date): Promise<boolean> {
    if (this.perDay <= 0) return true;
    const hits = await this.store.increment(keyOf(destination), dayOf(now), this.perDay);
    return hits <= this.perDay;
  }

  /** Seconds until the day of `now` ends (when a full cap frees up). */
  static secondsLeftInDay(now: Date): number {
    return Math.max(1, Math.ceil((dayOf(now).end.getTime() - now.getTime()) / 1000));
  }
}

export function dayOf(now: Date): RateWindow {
  const start = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return { start: new Date(start), end: new Date(start + DAY_MS) };
}

const keyOf = (destination: string): string => `messages-to:${destination}`;
