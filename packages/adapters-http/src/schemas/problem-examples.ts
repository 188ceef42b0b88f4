import { ApplicationErrors } from '@btg-funds/application';
import { DomainErrors, Money } from '@btg-funds/domain';
import type { ProblemCode } from '../problem/error-status.js';
import { problem, type Problem } from '../problem/problem.js';
import { HTTP_MESSAGES } from '../problem/problem-messages.js';

const FDO_ACCIONES = { id: '4', name: 'FDO-ACCIONES' };

/** The statement's own example: FDO-ACCIONES (250.000) with 150.000 left. */
export const INSUFFICIENT_BALANCE_EXAMPLE = DomainErrors.insufficientBalance(
  FDO_ACCIONES,
  Money.parse('250000'),
  Money.parse('150000'),
).message;

/**
 * What a person reads for the codes worth showing in the docs: made by the catalogues that make
 * the server's answers (and a test sends the requests that produce them and compares); a code
 * without a sample simply has no example in the document.
 */
const SAMPLES: Partial<Record<ProblemCode, Pick<Problem, 'detail' | 'errors'>>> = {
  VALIDATION_ERROR: { detail: HTTP_MESSAGES.invalidRequest },
  INVALID_CREDENTIALS: { detail: ApplicationErrors.invalidCredentials().message },
  INVALID_REFRESH_TOKEN: { detail: ApplicationErrors.invalidRefreshToken().message },
  UNAUTHORIZED: { detail: HTTP_MESSAGES.unauthorized },
  FORBIDDEN: { detail: HTTP_MESSAGES.forbidden },
  FUND_NOT_FOUND: { detail: ApplicationErrors.fundNotFound('99').message },
  SUBSCRIPTION_NOT_FOUND: { detail: DomainErrors.subscriptionNotFound('-').message },
  TRANSACTION_NOT_FOUND: { detail: ApplicationErrors.transactionNotFound('-').message },
  CLIENT_NOT_FOUND: { detail: ApplicationErrors.clientNotFound().message },
  ALREADY_CANCELLED: { detail: DomainErrors.alreadyCancelled('-', FDO_ACCIONES).message },
  INSUFFICIENT_BALANCE: { detail: INSUFFICIENT_BALANCE_EXAMPLE },
  UNSUPPORTED_MEDIA_TYPE: { detail: HTTP_MESSAGES.unsupportedMediaType },
  INTERNAL_ERROR: { detail: HTTP_MESSAGES.unexpected },
  SERVICE_UNAVAILABLE: { detail: HTTP_MESSAGES.serviceUnavailable },
};

/** An example for a response: the first of its codes (in the route's order) that has a sample. */
export function problemExample(status: number, codes: readonly ProblemCode[]): Problem | undefined {
  for (const code of codes) {
    const sample = SAMPLES[code];
    if (sample !== undefined) return problem(status, code, sample.detail, sample.errors);
  }
  return undefined;
}

export const PROBLEM_SAMPLES = SAMPLES;
