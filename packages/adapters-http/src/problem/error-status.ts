import type { BusinessErrorCode } from '@btg-funds/application';

/**
 * THE table from business error codes to HTTP statuses (ADR 0201). `satisfies` makes the
 * compiler fail when the domain or application adds a code that is not mapped here.
 */
export const ERROR_STATUS = {
  // 400: the request itself is malformed or breaks a field rule.
  VALIDATION_ERROR: 400,
  INVALID_AMOUNT: 400,
  INVALID_EMAIL: 400,
  INVALID_PHONE: 400,
  INVALID_FULL_NAME: 400,
  INVALID_PASSWORD: 400,
  INVALID_FUND: 400,
  INVALID_CURSOR: 400,
  CURRENCY_MISMATCH: 400,
  // 401: who you are could not be established.
  INVALID_CREDENTIALS: 401,
  INVALID_REFRESH_TOKEN: 401,
  // 404: absent, or not yours (BOLA: indistinguishable on purpose).
  FUND_NOT_FOUND: 404,
  SUBSCRIPTION_NOT_FOUND: 404,
  TRANSACTION_NOT_FOUND: 404,
  CLIENT_NOT_FOUND: 404,
  // 409: conflicts with the current state; retrying the same request will not help.
  ALREADY_SUBSCRIBED: 409,
  ALREADY_CANCELLED: 409,
  EMAIL_TAKEN: 409,
  ALREADY_VERIFIED: 409,
  FUND_ALREADY_EXISTS: 409,
  IDEMPOTENCY_KEY_IN_FLIGHT: 409,
  CONCURRENT_MODIFICATION: 409,
  // 422: well-formed, understood, and refused by a business rule.
  FUND_INACTIVE: 422,
  AMOUNT_BELOW_MINIMUM: 422,
  INSUFFICIENT_BALANCE: 422,
  PHONE_REQUIRED_FOR_SMS: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  // Verification (ADR 0405): where a code cannot go, and codes that do not prove anything.
  SMS_COUNTRY_NOT_ALLOWED: 422,
  DESTINATION_REJECTED: 422,
  VERIFICATION_CODE_INVALID: 422,
  VERIFICATION_CODE_EXPIRED: 422,
  VERIFICATION_CODE_LOCKED: 422,
  // 429: this client already has too many operations under way in this process.
  TOO_MANY_PENDING_OPERATIONS: 429,
  // 429: too many failed logins for this account (from this address, or from everywhere).
  TOO_MANY_LOGIN_FAILURES: 429,
  // 429: a new code too soon, or the day's codes or messages for a destination used up.
  VERIFICATION_RESEND_TOO_SOON: 429,
  DAILY_LIMIT_REACHED: 429,
  // 503: the provider did not take the code; nothing to fix but to try again later.
  VERIFICATION_NOT_SENT: 503,
  // A broken ledger invariant is our bug, never the caller's.
  LEDGER_INVARIANT_BROKEN: 500,
} as const satisfies Record<BusinessErrorCode, number>;

export type ProblemStatus = (typeof ERROR_STATUS)[BusinessErrorCode];

/**
 * Codes the HTTP layer itself answers with (middleware, guards, the error handler). Listed here
 * so that the OpenAPI document can state, per operation and status, every code a client may see.
 */
export const PROTOCOL_STATUS = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  BODY_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  REQUEST_TIMEOUT: 503,
  SERVICE_UNAVAILABLE: 503,
  NOT_READY: 503,
  OUTCOME_UNKNOWN: 504,
} as const;

/** Every `code` a problem answer of this API can carry. */
export type ProblemCode = BusinessErrorCode | keyof typeof PROTOCOL_STATUS;

const PROBLEM_STATUS: Record<ProblemCode, number> = { ...ERROR_STATUS, ...PROTOCOL_STATUS };

export const PROBLEM_CODES = Object.keys(PROBLEM_STATUS).sort() as [ProblemCode, ...ProblemCode[]];

/** The status a problem with this code is answered with. */
export const problemStatus = (code: ProblemCode): number => PROBLEM_STATUS[code];

export function statusOf(code: string): number {
  return (ERROR_STATUS as Record<string, number>)[code] ?? 500;
}

/** Field a code is about, for the `errors` list of a 400 (the client can point at the input). */
export const ERROR_PATH: Partial<Record<BusinessErrorCode, string>> = {
  INVALID_AMOUNT: 'amount',
  INVALID_EMAIL: 'email',
  INVALID_PHONE: 'phone',
  INVALID_FULL_NAME: 'fullName',
  INVALID_PASSWORD: 'password',
  INVALID_CURSOR: 'cursor',
};
