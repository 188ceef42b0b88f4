import { ExpectedOutcomeError } from '@btg-funds/domain';
import { problem, type Problem } from './problem.js';
import { HTTP_MESSAGES } from './problem-messages.js';

/**
 * A protocol-level failure (401, 403, 413, 415, 429…) thrown from middleware or handlers: an
 * answer to the caller, so no stack trace is captured (cheap to refuse a flood of bad requests).
 */
export class HttpProblem extends ExpectedOutcomeError {
  override readonly name = 'HttpProblem';
  readonly problem: Problem;

  constructor(
    status: number,
    code: string,
    detail: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.problem = problem(status, code, detail);
  }
}

export const unauthorized = (detail: string = HTTP_MESSAGES.unauthorized): HttpProblem =>
  new HttpProblem(401, 'UNAUTHORIZED', detail, {
    'WWW-Authenticate': 'Bearer realm="btg-funds", error="invalid_token"',
  });

export const forbidden = (): HttpProblem =>
  new HttpProblem(403, 'FORBIDDEN', HTTP_MESSAGES.forbidden);
