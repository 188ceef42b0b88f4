/**
 * @packageDocumentation
 * The btg-funds domain: money, funds, clients and the account rules of SPEC §1.
 * Framework-free and I/O-free; its only runtime dependency is big.js.
 */
export { Money, type Currency } from './money.js';
export { DomainError, isDomainError, type DomainErrorCode } from './errors.js';
export { Fund, FUND_CATEGORIES, type FundCategory, type FundSnapshot } from './fund.js';
export { SEEDED_FUNDS } from './seeded-funds.js';
export { legacyEmailKey, normalizeEmail } from './email-address.js';
export {
  Client,
  NOTIFICATION_CHANNELS,
  ROLES,
  type ClientSnapshot,
  type NotificationChannel,
  type Role,
} from './client.js';
export {
  Account,
  INITIAL_BALANCE,
  type AccountChange,
  type CancelCommand,
  type SubscribeCommand,
} from './account.js';
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
