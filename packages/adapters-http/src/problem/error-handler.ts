import {
  HashingNotStarted,
  isBusinessError,
  OutcomeUnknown,
  StorageUnavailable,
} from '@btg-funds/application';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { HttpEnv } from '../http-env.js';
import { ERROR_PATH, statusOf } from './error-status.js';
import { HttpProblem } from './http-problem.js';
import { outcomeUnknown } from './outcome-unknown-problem.js';
import { problem, problemResponse } from './problem.js';
import { HTTP_MESSAGES } from './problem-messages.js';

const HTTP_EXCEPTION_CODES: Record<number, [code: string, detail: string]> = {
  400: ['VALIDATION_ERROR', HTTP_MESSAGES.invalidJson],
  413: ['PAYLOAD_TOO_LARGE', HTTP_MESSAGES.payloadTooLarge],
  415: ['UNSUPPORTED_MEDIA_TYPE', HTTP_MESSAGES.unsupportedMediaType],
  503: ['REQUEST_TIMEOUT', HTTP_MESSAGES.requestTimeout],
};

function retryAfter(details: Readonly<Record<string, unknown>>): number {
  const seconds = details.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isInteger(seconds) && seconds > 0 ? seconds : 1;
}

/**
 * Every failure becomes RFC 9457 problem+json here, and only here. Business errors map
 * through ERROR_STATUS; anything unexpected is a 500 whose detail reveals nothing.
 */
export function handleError(
  error: unknown,
  c: Context<HttpEnv>,
  report: (error: unknown, requestId: string, status: number) => void,
): Response {
  if (error instanceof HttpProblem) return problemResponse(c, error.problem, { ...error.headers });
  if (isBusinessError(error)) {
    const status = statusOf(error.code);
    if (status >= 500) report(error, c.get('requestId'), status);
    const path = (error.details.path as string | undefined) ?? ERROR_PATH[error.code];
    const errors = status === 400 && path !== undefined ? [{ path, message: error.message }] : [];
    // A 503 is an outage the caller can wait out (its message says so); other 5xx are bugs.
    const detail = status >= 500 && status !== 503 ? HTTP_MESSAGES.unexpected : error.message;
    const headers: Record<string, string> =
      error.replayed === true ? { 'Idempotent-Replayed': 'true' } : {};
    // A 429 from a business rule says when to come back, too: its own wait, or a second.
    if (status === 429 || status === 503)
      headers['Retry-After'] = String(retryAfter(error.details));
    return problemResponse(c, problem(status, error.code, detail, errors), headers);
  }
  if (error instanceof OutcomeUnknown) {
    // Not a bug and not "nothing happened": an append may have landed (ADR 0206).
    const unknown = outcomeUnknown();
    report(error, c.get('requestId'), unknown.problem.status);
    return problemResponse(c, unknown.problem, { ...unknown.headers });
  }
  if (error instanceof StorageUnavailable) {
    // An outage, not a bug: say so, and when to come back.
    report(error, c.get('requestId'), 503);
    const detail = HTTP_MESSAGES.serviceUnavailable;
    return problemResponse(c, problem(503, 'SERVICE_UNAVAILABLE', detail), { 'Retry-After': '5' });
  }
  if (error instanceof HTTPException && error.status < 500 && error.status !== 408) {
    const [code, detail] = HTTP_EXCEPTION_CODES[error.status] ?? ['HTTP_ERROR', error.message];
    return problemResponse(c, problem(error.status, code, detail));
  }
  // A login's hash skipped at the request's deadline (ADR 0703): the deadline's own answer, which
  // its timer, due in the same instant, may not have given yet.
  if (
    (error instanceof HTTPException && error.status === 503) ||
    error instanceof HashingNotStarted
  ) {
    const [code, detail] = HTTP_EXCEPTION_CODES[503]!;
    return problemResponse(c, problem(503, code, detail), { 'Retry-After': '1' });
  }
  report(error, c.get('requestId'), 500);
  return problemResponse(c, problem(500, 'INTERNAL_ERROR', HTTP_MESSAGES.unexpected));
}
