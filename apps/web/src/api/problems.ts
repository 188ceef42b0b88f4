import { isApiError, type ApiError } from '@btg-funds/client';

/**
 * Reading any failure generically: the server's Spanish `detail` is the message, so a code this
 * app has never heard of still shows something a person understands.
 */
export function problemOf(error: unknown): ApiError | null {
  return isApiError(error) ? error : null;
}

export function problemDetail(error: unknown): string {
  const problem = problemOf(error);
  if (problem !== null) return problem.detail;
  return 'Ocurrió un error inesperado. Intente de nuevo.';
}

/** Field errors keyed by field name ("phone", "amount"); a nested path keeps its last part. */
export function fieldErrors(error: unknown): Readonly<Record<string, string>> {
  const problem = problemOf(error);
  const result: Record<string, string> = {};
  for (const { path, message } of problem?.errors ?? []) {
    const field = path.split('.').at(-1) ?? path;
    result[field] ??= message;
  }
  return result;
}

/** The service itself is down or overloaded (not the request's fault). */
export function isServiceUnavailable(error: unknown): boolean {
  const problem = problemOf(error);
  return problem !== null && (problem.status === 503 || problem.status === 0);
}

/**
 * A money request whose outcome we cannot know: no answer (network), a gateway timeout (504, e.g.
 * OUTCOME_UNKNOWN), another server error, or the first attempt still in flight. Retrying with the
 * same Idempotency-Key is safe: the server either replays the first answer or runs it once.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  const problem = problemOf(error);
  if (problem === null) return false;
  return (
    problem.status === 0 || problem.status >= 500 || problem.code === 'IDEMPOTENCY_KEY_IN_FLIGHT'
  );
}
