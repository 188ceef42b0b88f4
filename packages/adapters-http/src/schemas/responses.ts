import type { z } from '@hono/zod-openapi';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem.js';
import { ProblemSchema, RequestIdHeader } from './common.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (VALIDATION_ERROR or a field rule)',
  401: 'Missing, invalid or expired credentials',
  403: 'Authenticated, but the role may not do this',
  404: 'Not found (or not yours)',
  409: 'Conflict with the current state',
  413: 'Body over the size limit',
  415: 'Body is not application/json',
  422: 'Refused by a business rule',
  429: 'Rate limited; see Retry-After',
  500: 'Unexpected error',
  503: 'Not ready, storage unavailable or timed out before anything was written (retry)',
  504:
    'OUTCOME_UNKNOWN: a ledger write was sent and its answer did not come back in time; the ' +
    'operation may have been applied. Read GET /transactions or retry with the same ' +
    'Idempotency-Key (applied at most once). See Retry-After.',
};

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503 | 504;

const problemResponse = (status: ErrorStatus) => ({
  description: DESCRIPTIONS[status] ?? 'Error',
  headers: RequestIdHeader,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
});

/** Problem responses for a route: always 500, plus the given statuses. */
export function errors(...statuses: ErrorStatus[]) {
  const all = new Set<ErrorStatus>([...statuses, 500]);
  return Object.fromEntries([...all].map((s) => [s, problemResponse(s)]));
}

/** Body-carrying routes may also get 400, 413 and 415 before any handler runs. */
export const BODY_ERRORS: ErrorStatus[] = [400, 413, 415];
/** Authenticated routes. */
export const AUTH_ERRORS: ErrorStatus[] = [401, 403];

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  headers: RequestIdHeader,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
