import * as ApplicationErrors from '../application-errors.js';
import {
  ApplicationError,
  isBusinessError,
  isBusinessErrorCode,
  type BusinessError,
} from '../errors.js';
import type { StoredOutcome } from '../ports/index.js';

// The Idempotency-Key rules (docs/product/http-contract.md, "Idempotency-Key") that
// IdempotencyGuard applies: what a key may be, what is an answer.

/**
 * Codes that say "try again", not "this is the answer": storing them would replay a transient
 * refusal for 24 h. Errors flagged `retryable` (outages) are never final either.
 */
const NOT_FINAL: ReadonlySet<string> = new Set([
  'CONCURRENT_MODIFICATION',
  'IDEMPOTENCY_KEY_IN_FLIGHT',
]);

export function isFinalAnswer(error: unknown): error is BusinessError {
  return (
    isBusinessError(error) &&
    !NOT_FINAL.has(error.code) &&
    (error as { retryable?: unknown }).retryable !== true
  );
}

/** Throws the stored business error again, marked as a replay. */
export function replayError(outcome: Extract<StoredOutcome, { kind: 'error' }>): never {
  // Stored by a version that knew a code this one does not: a bug to see, not an answer to invent.
  if (!isBusinessErrorCode(outcome.code)) {
    throw new Error(`stored idempotent answer has an unknown code: ${outcome.code}`);
  }
  throw new ApplicationError(outcome.code, outcome.message, outcome.details, true);
}

export function checkKey(key: string): void {
  if (key.length < 1 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw ApplicationErrors.invalidIdempotencyKey();
  }
}

export const inFlight = ApplicationErrors.idempotencyKeyInFlight;
