import { ExpectedOutcomeError } from './expected-outcome-error.js';

/**
 * Stable codes for every expected business outcome the domain decides. Adapters map codes, never
 * messages: the Spanish message is for people, the code is for programs. A runtime list, so a
 * code read back from storage can be checked instead of cast.
 */
export const DOMAIN_ERROR_CODES = [
  'INVALID_AMOUNT',
  'CURRENCY_MISMATCH',
  'AMOUNT_BELOW_MINIMUM',
  'INSUFFICIENT_BALANCE',
  'FUND_INACTIVE',
  'ALREADY_SUBSCRIBED',
  'ALREADY_CANCELLED',
  'SUBSCRIPTION_NOT_FOUND',
  'INVALID_FUND',
  'INVALID_EMAIL',
  'INVALID_PHONE',
  'INVALID_FULL_NAME',
  'PHONE_REQUIRED_FOR_SMS',
  'LEDGER_INVARIANT_BROKEN',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** Facts about an error for programs; plain data (they are stored with idempotent answers). */
export type ErrorDetails = Readonly<Record<string, unknown>>;

/**
 * An expected outcome that a caller can act on; `message` is Spanish and user-facing. Every one
 * is built by a factory of `DomainErrors` (domain-errors.ts), the one place its text is written.
 * Only a broken ledger invariant (a bug, not an outcome) captures a stack trace.
 */
export class DomainError extends ExpectedOutcomeError {
  override readonly name: string = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message, code === 'LEDGER_INVARIANT_BROKEN');
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

export const isDomainErrorCode = (code: string): code is DomainErrorCode =>
  (DOMAIN_ERROR_CODES as readonly string[]).includes(code);
