import {
  DOMAIN_ERROR_CODES,
  ExpectedOutcomeError,
  isDomainError,
  type DomainErrorCode,
  type ErrorDetails,
} from '@btg-funds/domain';

/** The application's own outcome codes (the domain's are DOMAIN_ERROR_CODES). */
export const APPLICATION_ERROR_CODES = [
  'VALIDATION_ERROR',
  'INVALID_PASSWORD',
  'EMAIL_TAKEN',
  'INVALID_CREDENTIALS',
  'INVALID_REFRESH_TOKEN',
  'CLIENT_NOT_FOUND',
  'FUND_NOT_FOUND',
  'FUND_ALREADY_EXISTS',
  'TRANSACTION_NOT_FOUND',
  'INVALID_CURSOR',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_IN_FLIGHT',
  'CONCURRENT_MODIFICATION',
  'TOO_MANY_PENDING_OPERATIONS',
  'TOO_MANY_LOGIN_FAILURES',
  'ALREADY_VERIFIED',
  'SMS_COUNTRY_NOT_ALLOWED',
  'VERIFICATION_RESEND_TOO_SOON',
  'DAILY_LIMIT_REACHED',
  'VERIFICATION_CODE_INVALID',
  'VERIFICATION_CODE_EXPIRED',
  'VERIFICATION_CODE_LOCKED',
  'DESTINATION_REJECTED',
  'VERIFICATION_NOT_SENT',
] as const;

export type ApplicationErrorCode = (typeof APPLICATION_ERROR_CODES)[number];

/** Every code a caller may see from a use case: domain rules plus application outcomes. */
export type BusinessErrorCode = DomainErrorCode | ApplicationErrorCode;

const BUSINESS_ERROR_CODES: ReadonlySet<string> = new Set([
  ...DOMAIN_ERROR_CODES,
  ...APPLICATION_ERROR_CODES,
]);

/** True for a code some use case can answer with (a stored answer is checked, never cast). */
export const isBusinessErrorCode = (code: string): code is BusinessErrorCode =>
  BUSINESS_ERROR_CODES.has(code);

/**
 * An expected outcome of a use case. Domain errors pass through unchanged; this class carries the
 * application's own codes (built by the factories of application-errors.ts, one text each) and
 * marks outcomes replayed from an Idempotency-Key. Like a domain error, it has no stack trace.
 */
export class ApplicationError extends ExpectedOutcomeError {
  override readonly name = 'ApplicationError';

  constructor(
    readonly code: BusinessErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    /** True when this is the stored outcome of an earlier request with the same key. */
    readonly replayed = false,
  ) {
    super(message);
  }
}

export interface BusinessError {
  readonly code: BusinessErrorCode;
  readonly message: string;
  readonly details: ErrorDetails;
  readonly replayed?: boolean;
}

/** True for the errors that are expected outcomes (as opposed to bugs or outages). */
export function isBusinessError(error: unknown): error is BusinessError {
  return error instanceof ApplicationError || isDomainError(error);
}
