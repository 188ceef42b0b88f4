import type { Money } from './money.js';
import type { RejectionCode } from './refusal.js';

export type TransactionType = 'subscription' | 'cancellation';
export type TransactionStatus = 'completed' | 'failed';

/** Why an attempt was rejected; recorded with the failed transaction. */
export interface RejectionReason {
  readonly code: RejectionCode;
  readonly message: string;
}

/** One line of a client's history. Immutable once written. */
export interface TransactionSnapshot {
  readonly id: string;
  readonly clientId: string;
  readonly type: TransactionType;
  readonly status: TransactionStatus;
  readonly fundId: string;
  readonly fundName: string;
  /** The subscription created or cancelled; null for a failed attempt. */
  readonly subscriptionId: string | null;
  readonly amount: Money;
  readonly balanceAfter: Money;
  readonly reason: RejectionReason | null;
  readonly createdAt: Date;
}
