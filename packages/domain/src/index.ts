/**
 * @packageDocumentation
 * The btg-funds domain: money, funds, clients and the account rules (docs/product/rules.md).
 * Framework-free and I/O-free; its only runtime dependency is big.js.
 */
export { Money, type Currency } from './money.js';
export {
  DOMAIN_ERROR_CODES,
  DomainError,
  isDomainError,
  isDomainErrorCode,
  type DomainErrorCode,
  type ErrorDetails,
} from './errors.js';
export * as DomainErrors from './domain-errors.js';
export { ExpectedOutcomeError } from './expected-outcome-error.js';
export {
  AccountRefusal,
  isRejectionCode,
  REJECTION_CODES,
  type Refusal,
  type RefusalCode,
  type RefusalDetails,
  type Rejection,
  type RejectionCode,
} from './refusal.js';
export { Fund, FUND_CATEGORIES, type FundCategory, type FundSnapshot } from './fund.js';
export { legacyEmailKey, normalizeEmail } from './email-address.js';
export {
  Client,
  NOTIFICATION_CHANNELS,
  type ClientSnapshot,
  type NotificationChannel,
} from './client.js';
export { Account, type AccountChange, type AccountDecision } from './account.js';
export type { CancelCommand, OpenAccountOptions, SubscribeCommand } from './account-commands.js';
export type { LedgerEntry } from './ledger-entry.js';
export {
  activeSubscription,
  cancelledSubscription,
  type Holding,
  type SubscriptionSnapshot,
  type SubscriptionStatus,
} from './subscription.js';
export type {
  RejectionReason,
  TransactionSnapshot,
  TransactionStatus,
  TransactionType,
} from './transaction.js';
