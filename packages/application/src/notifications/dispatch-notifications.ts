import type { NotificationChannel } from '@btg-funds/domain';
import {
  NotificationDeliveryError,
  type Clock,
  type NotificationRecord,
  type NotificationSender,
  type NotificationStore,
} from '../ports/index.js';
import { composeNotification } from './notification-message.js';

export interface DeliveryPolicy {
  /** Attempts before a notification is marked `failed`. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** How long a record is reserved for the dispatcher sending it (a lease, not a lock). */
  readonly leaseMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  leaseMs: 60_000,
};

export interface DispatchReport {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
}

/**
 * Drains the outbox: sends due notifications on the channel chosen at operation time, retrying
 * with exponential backoff and jitter. It only ever touches notification records — never money.
 */
export class DispatchNotifications {
  constructor(
    private readonly deps: {
      readonly store: NotificationStore;
      readonly senders: Readonly<Record<NotificationChannel, NotificationSender>>;
      readonly clock: Clock;
      readonly policy: DeliveryPolicy;
      readonly random?: () => number;
      readonly onResult?: (record: NotificationRecord, error: unknown) => void;
    },
  ) {}

  async execute(input: { limit: number }): Promise<DispatchReport> {
    const due = await this.deps.store.due(this.deps.clock.now(), input.limit);
    const report = { sent: 0, retried: 0, failed: 0 };
    for (const record of due) {
      const result = await this.deliver(record);
      report[
        result.status === 'sent' ? 'sent' : result.status === 'failed' ? 'failed' : 'retried'
      ] += 1;
    }
    return report;
  }

  private async deliver(record: NotificationRecord): Promise<NotificationRecord> {
    const { store, clock, policy } = this.deps;
    const startedAt = clock.now();
    // Lease: another dispatcher skips it while this one is sending.
    await store.update({
      ...record,
      nextAttemptAt: new Date(startedAt.getTime() + policy.leaseMs),
    });
    const attempts = record.attempts + 1;
    let next: NotificationRecord;
    let failure: unknown = null;
    try {
      await this.deps.senders[record.channel].send(composeNotification(record));
      next = { ...record, status: 'sent', attempts, sentAt: clock.now(), lastError: null };
    } catch (error) {
      failure = error;
      const retryable = !(error instanceof NotificationDeliveryError) || error.retryable;
      const exhausted = !retryable || attempts >= policy.maxAttempts;
      next = {
        ...record,
        status: exhausted ? 'failed' : 'pending',
        attempts,
        nextAttemptAt: new Date(clock.now().getTime() + this.backoff(attempts)),
        lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
      };
    }
    await store.update(next);
    this.deps.onResult?.(next, failure);
    return next;
  }

  /** Exponential backoff with "equal jitter": at least half the delay, never a thundering herd. */
  private backoff(attempts: number): number {
    const { baseDelayMs, maxDelayMs } = this.deps.policy;
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1));
    const random = this.deps.random ?? Math.random;
    return Math.floor(ceiling / 2 + random() * (ceiling / 2));
  }
}
