/**
 * Stable codes for every expected business outcome. Adapters map codes, never messages:
 * the Spanish message is for people, the code is for programs.
 */
export type DomainErrorCode =
  | 'INVALID_AMOUNT'
  | 'CURRENCY_MISMATCH'
  | 'AMOUNT_BELOW_MINIMUM'
  | 'INSUFFICIENT_BALANCE'
  | 'FUND_INACTIVE'
  | 'ALREADY_SUBSCRIBED'
  | 'ALREADY_CANCELLED'
  | 'SUBSCRIPTION_NOT_FOUND'
  | 'INVALID_FUND'
  | 'INVALID_EMAIL'
  | 'INVALID_PHONE'
  | 'INVALID_FULL_NAME'
  | 'PHONE_REQUIRED_FOR_SMS'
  | 'LEDGER_INVARIANT_BROKEN';

/** An expected outcome that a caller can act on; `message` is Spanish and user-facing. */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
