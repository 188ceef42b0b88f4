import { DomainError } from './errors.js';

/** A fund as a refusal names it (a type literal: details are plain records). */
type FundFacts = {
  readonly fundId: string;
  readonly fundName: string;
};

/**
 * The facts each refusal carries, by code. Amounts are decimal strings with two decimals
 * (`"250000.00"`, the HTTP contract's form), so details stay plain data: they are stored with
 * idempotent answers and replayed. `Money.parse` reads them back.
 */
export interface RefusalDetails {
  readonly INVALID_AMOUNT: { readonly requestedAmount: string };
  readonly FUND_INACTIVE: FundFacts;
  readonly ALREADY_SUBSCRIBED: FundFacts & { readonly subscriptionId: string };
  readonly AMOUNT_BELOW_MINIMUM: FundFacts & {
    readonly requiredAmount: string;
    readonly requestedAmount: string;
  };
  readonly INSUFFICIENT_BALANCE: FundFacts & {
    readonly requiredAmount: string;
    readonly availableBalance: string;
  };
  readonly SUBSCRIPTION_NOT_FOUND: { readonly subscriptionId: string };
  readonly ALREADY_CANCELLED: FundFacts & { readonly subscriptionId: string };
}

/** Every expected refusal of `Account.subscribe` and `Account.cancel`. */
export type RefusalCode = keyof RefusalDetails;

/** The refusals recorded in the ledger as failed attempts (they move no money). */
export const REJECTION_CODES = [
  'FUND_INACTIVE',
  'AMOUNT_BELOW_MINIMUM',
  'INSUFFICIENT_BALANCE',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const isRejectionCode = (code: string): code is RejectionCode =>
  (REJECTION_CODES as readonly string[]).includes(code);

/** A refusal with its code's details; a DomainError, so it can also be thrown as one. */
export class AccountRefusal<C extends RefusalCode = RefusalCode> extends DomainError {
  override readonly name = 'AccountRefusal';
  declare readonly code: C;
  declare readonly details: RefusalDetails[C];

  constructor(code: C, message: string, details: RefusalDetails[C]) {
    super(code, message, details);
  }
}

/** Any refusal; narrowing on `code` types its `details`. */
export type Refusal = { [C in RefusalCode]: AccountRefusal<C> }[RefusalCode];
/** A refusal that is recorded as a failed attempt. */
export type Rejection = { [C in RejectionCode]: AccountRefusal<C> }[RejectionCode];
