/**
 * @packageDocumentation
 * btg-funds use cases and the ports they need. Depends only on @btg-funds/domain.
 */
export * from './ports/index.js';
export { createUseCases, type UseCases } from './composition/create-use-cases.js';
export type { UseCasePorts, UseCaseStorage } from './composition/use-case-ports.js';
export type { UseCaseHooks, UseCaseOptions } from './composition/use-case-options.js';
export {
  APPLICATION_ERROR_CODES,
  ApplicationError,
  isBusinessError,
  isBusinessErrorCode,
  type ApplicationErrorCode,
  type BusinessError,
  type BusinessErrorCode,
} from './errors.js';
export * as ApplicationErrors from './application-errors.js';
export { accountOf, OPENING_BALANCE } from './shared/account-of.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './shared/retry-policy.js';
export { deadlineIn, hasPassed, NO_DEADLINE, type Deadline } from './shared/deadline.js';
export { OutcomeUnknown } from './shared/outcome-unknown.js';
export { ClientOperationQueue } from './shared/client-operation-queue.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from './shared/page.js';
export {
  DEFAULT_IDEMPOTENCY_CONFIG,
  IdempotencyGuard,
  type Idempotent,
  type IdempotencyConfig,
} from './shared/idempotency-guard.js';
export { RegisterClient, type RegisterClientInput } from './auth/register-client.js';
export { Login } from './auth/login.js';
export { RefreshSession } from './auth/refresh-session.js';
export { Logout } from './auth/logout.js';
export {
  DEFAULT_LIVE_SESSIONS_OPTIONS,
  LiveSessions,
  type LiveSessionsOptions,
} from './auth/live-sessions.js';
export {
  DEFAULT_LOGIN_THROTTLE,
  LoginThrottle,
  type FailureLimit,
  type LoginThrottlePolicy,
} from './auth/login-throttle.js';
export { BootstrapAdmin } from './auth/bootstrap-admin.js';
export {
  DEFAULT_SESSION_CONFIG,
  type SessionConfig,
  type TokenPair,
} from './auth/session-tokens.js';
export {
  checkPassword,
  PASSWORD_MAX_BYTES,
  PASSWORD_MAX_CHARS,
  PASSWORD_MIN_CHARS,
} from './auth/password-policy.js';
export type { ClientProfile } from './clients/client-profile.js';
export { GetProfile } from './clients/get-profile.js';
export { UpdateProfile, type UpdateProfileInput } from './clients/update-profile.js';
export { ListClients } from './clients/list-clients.js';
export { ListFunds } from './funds/list-funds.js';
export { GetFund } from './funds/get-fund.js';
export { CreateFund } from './funds/create-fund.js';
export { UpdateFund } from './funds/update-fund.js';
export { SeedFunds } from './funds/seed-funds.js';
export { SEEDED_FUNDS } from './funds/seeded-funds.js';
export { compareFundIds } from './funds/compare-fund-ids.js';
export type { OperationResult } from './subscriptions/operation-result.js';
export { SubscribeToFund, type SubscribeToFundInput } from './subscriptions/subscribe-to-fund.js';
export { QueuedPerClient } from './subscriptions/queued-per-client.js';
export {
  CancelSubscription,
  type CancelSubscriptionInput,
} from './subscriptions/cancel-subscription.js';
export {
  ListSubscriptions,
  type ListSubscriptionsInput,
} from './subscriptions/list-subscriptions.js';
export { GetSubscription } from './subscriptions/get-subscription.js';
export { ListTransactions, type ListTransactionsInput } from './history/list-transactions.js';
export { ListClientTransactions } from './history/list-client-transactions.js';
export { GetTransaction } from './history/get-transaction.js';
export { Outbox, pendingNotification } from './notifications/outbox.js';
export { ListNotifications, NOTIFICATIONS_SHOWN } from './notifications/list-notifications.js';
export {
  DEFAULT_DELIVERY_POLICY,
  DispatchNotifications,
  type DeliveryPolicy,
  type DispatchReport,
} from './notifications/dispatch-notifications.js';
export {
  DEFAULT_RECOVERY_POLICY,
  RecoverOutbox,
  type RecoveryPolicy,
  type RecoveryReport,
} from './notifications/recover-outbox.js';
export { composeNotification } from './notifications/notification-message.js';
export {
  DEFAULT_NOTIFICATION_POLICY,
  notificationIntent,
  smsAllowedTo,
  type NotificationPolicy,
} from './notifications/notification-policy.js';
export { DestinationCap } from './notifications/destination-cap.js';
export { NOTIFICATION_REASON_MESSAGES } from './notifications/notification-reasons.js';
export {
  DEFAULT_VERIFICATION_POLICY,
  type VerificationPolicy,
} from './verification/verification-policy.js';
export {
  RequestVerificationCode,
  type CodeSent,
  type VerificationDeps,
} from './verification/request-verification-code.js';
export { ConfirmVerificationCode } from './verification/confirm-verification-code.js';
export { composeVerificationMessage } from './verification/verification-message.js';
export { maskDestination } from './notifications/mask-destination.js';
