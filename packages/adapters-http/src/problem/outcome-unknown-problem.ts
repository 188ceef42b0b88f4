import { HttpProblem } from './http-problem.js';
import { HTTP_MESSAGES } from './problem-messages.js';

/**
 * 504 OUTCOME_UNKNOWN (ADR 0206): a ledger append was sent and its answer did not come back in
 * time, so the operation may or may not have been applied. The client reads its history, or
 * retries with the same Idempotency-Key (which can apply it at most once).
 */
export const OUTCOME_UNKNOWN_DETAIL = HTTP_MESSAGES.outcomeUnknown;

export const outcomeUnknown = (): HttpProblem =>
  new HttpProblem(504, 'OUTCOME_UNKNOWN', OUTCOME_UNKNOWN_DETAIL, { 'Retry-After': '1' });
