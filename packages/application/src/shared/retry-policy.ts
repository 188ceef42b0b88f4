/** How a use case retries after losing an optimistic race on the ledger. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 64,
  baseDelayMs: 1,
  maxDelayMs: 25,
};

/** Exponential backoff with full jitter: spreads competing retries so one of them wins. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt, 16));
  return Math.floor(random() * ceiling);
}

export const sleep = (ms: number): Promise<void> =>
  ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
