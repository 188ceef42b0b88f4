/**
 * The instant after which a request starts no new ledger attempt (ADR 0002). The HTTP layer
 * sets it before its own answer deadline, so a request never keeps moving money after the
 * client was told anything. Measured on its own time source, independent of the Clock port
 * (which tests fix in time).
 */
export interface Deadline {
  /** Milliseconds left; zero or less once the deadline has passed. */
  remainingMs(): number;
}

/** No deadline: background work, tests, and callers that do not answer anyone. */
export const NO_DEADLINE: Deadline = { remainingMs: () => Number.POSITIVE_INFINITY };

/** A deadline `ms` from now on a monotonic-enough clock (`now` returns milliseconds). */
export function deadlineIn(ms: number, now: () => number = () => Date.now()): Deadline {
  const at = now() + ms;
  return { remainingMs: () => at - now() };
}

export const hasPassed = (deadline: Deadline): boolean => deadline.remainingMs() <= 0;
