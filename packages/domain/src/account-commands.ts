import type { Fund } from './fund.js';
import type { LedgerEntry } from './ledger-entry.js';
import type { Money } from './money.js';

export interface OpenAccountOptions {
  /** What the account starts with (this product opens every account with COP 500.000). */
  readonly openingBalance: Money;
}

export interface SubscribeCommand {
  readonly fund: Fund;
  /** Defaults to the fund's minimum. */
  readonly amount?: Money | undefined;
  readonly transactionId: string;
  readonly subscriptionId: string;
  readonly at: Date;
}

export interface CancelCommand {
  readonly subscriptionId: string;
  readonly transactionId: string;
  readonly at: Date;
  /**
   * The client's ledger entries that opened or cancelled this subscription (a ledger's lookup
   * by subscription id; may be empty). Holdings leave an account only by cancellation, so with
   * them the account tells a subscription cancelled before (ALREADY_CANCELLED) from one that
   * was never the client's (SUBSCRIPTION_NOT_FOUND), in one decision.
   */
  readonly history: readonly LedgerEntry[];
}
