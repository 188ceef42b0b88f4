import { tooManyLoginFailures } from '../application-errors.js';
import type { Clock, RateLimitStore, RateWindow } from '../ports/index.js';

export interface FailureLimit {
  /** Failed logins allowed in a window; 0 turns the limit off. */
  readonly limit: number;
  readonly windowMs: number;
}

export interface LoginThrottlePolicy {
  /** The tight limit: failures for one account from one address. */
  readonly perAddress: FailureLimit;
  /** The looser ceiling: failures for one account from every address together. */
  readonly perAccount: FailureLimit;
}

/** 5 failures per account and address per 15 min; 50 per account; each with back-off tiers. */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  perAddress: { limit: 5, windowMs: 15 * 60_000 },
  perAccount: { limit: 50, windowMs: 15 * 60_000 },
};

/**
 * Back-off: each limit also applies, doubled, to a window four times longer, twice over
 * (5 per 15 min, 10 per hour, 20 per 4 h): a guesser who keeps going waits longer each time.
 */
const TIERS = [0, 1, 2] as const;

interface Counter {
  readonly key: string;
  readonly limit: number;
  readonly window: RateWindow;
}

/**
 * Login throttling that counts failures only (ADR 0220). The tight limit is keyed on the pair
 * (account, address), so five wrong passwords from one place lock out that place, not the
 * client; a looser per-account ceiling stops a guesser spread over many addresses. A blocked
 * attempt costs no password check and records nothing. Counts live in the RateLimitStore, one
 * limit across every instance.
 */
export class LoginThrottle {
  constructor(
    private readonly store: RateLimitStore,
    private readonly clock: Clock,
    private readonly policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE,
  ) {}

  /** Throws TOO_MANY_LOGIN_FAILURES (with `retryAfterSeconds`) when a limit is reached. */
  async check(account: string, address: string): Promise<void> {
    const nowMs = this.clock.now().getTime();
    const counters = this.counters(account, address, nowMs);
    const counts = await Promise.all(counters.map((c) => this.store.count(c.key, c.window)));
    const blockedUntil = counters
      .filter((counter, i) => counts[i]! >= counter.limit)
      .map((counter) => counter.window.end.getTime());
    if (blockedUntil.length === 0) return;
    const retryAfterSeconds = Math.max(1, Math.ceil((Math.max(...blockedUntil) - nowMs) / 1000));
    throw tooManyLoginFailures(retryAfterSeconds);
  }

  /** Counts one failed login of `account` from `address`, in every tier. */
  async recordFailure(account: string, address: string): Promise<void> {
    const counters = this.counters(account, address, this.clock.now().getTime());
    await Promise.all(counters.map((c) => this.store.increment(c.key, c.window)));
  }

  private counters(account: string, address: string, nowMs: number): Counter[] {
    const scopes = [
      { name: `pair:${account}|${address}`, rule: this.policy.perAddress },
      { name: `account:${account}`, rule: this.policy.perAccount },
    ];
    return scopes
      .filter(({ rule }) => rule.limit > 0)
      .flatMap(({ name, rule }) =>
        TIERS.map((tier) => {
          const windowMs = rule.windowMs * 4 ** tier;
          const start = Math.floor(nowMs / windowMs) * windowMs;
          return {
            // The window length is part of the key: tiers may start at the same instant.
            key: `login-failures:${windowMs}:${name}`,
            limit: rule.limit * 2 ** tier,
            window: { start: new Date(start), end: new Date(start + windowMs) },
          };
        }),
      );
  }
}
