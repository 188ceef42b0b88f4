import type { LiveSessionsOptions } from '../auth/live-sessions.js';
import type { LoginThrottlePolicy } from '../auth/login-throttle.js';
import type { SessionConfig } from '../auth/session-tokens.js';
import type { NotificationRecord } from '../ports/index.js';
import type { DeliveryPolicy } from '../notifications/dispatch-notifications.js';
import type { NotificationPolicy } from '../notifications/notification-policy.js';
import type { IdempotencyConfig } from '../shared/idempotency-guard.js';
import type { RetryPolicy } from '../shared/retry-policy.js';

/** The product's knobs; every one has the default the product runs with when absent. */
export interface UseCaseOptions {
  readonly session?: SessionConfig | undefined;
  /** Failed-login throttling; absent: off. */
  readonly loginThrottle?: LoginThrottlePolicy | undefined;
  readonly liveSessions?: LiveSessionsOptions | undefined;
  readonly notificationPolicy?: NotificationPolicy | undefined;
  readonly retry?: RetryPolicy | undefined;
  readonly idempotency?: IdempotencyConfig | undefined;
  /** One client's money operations running or waiting in this process; 0 (default): no cap. */
  readonly maxPendingPerClient?: number | undefined;
  readonly delivery?: DeliveryPolicy | undefined;
  /** Jitter source of delivery retries (tests fix it). */
  readonly random?: (() => number) | undefined;
  /** Hooks for the process around the use cases (logs, metrics, wake-ups); all optional. */
  readonly hooks?: UseCaseHooks | undefined;
}

export interface UseCaseHooks {
  /** A notification was recorded in the outbox: a dispatcher may run now. */
  readonly notificationQueued?: (() => void) | undefined;
  /** The outbox could not record a notification (outbox recovery will). */
  readonly outboxFailed?: ((error: unknown) => void) | undefined;
  /** The idempotency store failed; the key is kept for resumption. */
  readonly idempotencyFailed?: ((error: unknown) => void) | undefined;
  /** A delivery attempt ended (`error` null when sent). */
  readonly deliveryResult?: ((record: NotificationRecord, error: unknown) => void) | undefined;
}
