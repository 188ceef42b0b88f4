import type { NotificationChannel } from '@btg-funds/domain';
import {
  NotificationDeliveryError,
  type Clock,
  type NotificationRecord,
  type NotificationSender,
  type NotificationStore,
} from '../ports/index.js';
import type { DestinationCap } from './destination-cap.js';
import { composeNotification } from './notification-message.js';
import { NOTIFICATION_REASON_MESSAGES } from './notification-reasons.js';

export interface DeliveryPolicy {
  /** Attempts before a notification is marked `failed`. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * How long a claimed attempt belongs to its dispatcher. Past it, the attempt counts as
   * abandoned and another dispatcher makes the next one: keep it well above a sender's timeout.
   */
  readonly leaseMs: number;
  /**
   * Destinations served at once within a batch (each destination's messages still go one after
   * the other, in order). Unset: 5, the SMTP sender's pooled connections (ADR 0723).
   */
  readonly parallelDestinations?: number | undefined;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  leaseMs: 60_000,
  parallelDestinations: 5,
};

export interface DispatchReport {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
}

/**
 * Drains the outbox: sends due notifications on the channel chosen at operation time, retrying
 * with exponential backoff and jitter. Any number of dispatchers may share one store: each
 * attempt is claimed with a unique insert first, so each attempt is sent once (ADR 0400). It
 * only ever touches notification records — never money.
 */
export class DispatchNotifications {
  constructor(
    private readonly deps: {
      readonly store: NotificationStore;
      readonly senders: Readonly<Record<NotificationChannel, NotificationSender>>;
      readonly clock: Clock;
      readonly policy: DeliveryPolicy;
      readonly random?: () => number;
      /** At most so many messages per destination and day; none → no cap (ADR 0405). */
      readonly cap?: DestinationCap | undefined;
      readonly onResult?: (record: NotificationRecord, error: unknown) => void;
    },
  ) {}

  async execute(input: { limit: number }): Promise<DispatchReport> {
    const due = await this.deps.store.due(this.deps.clock.now(), input.limit);
    const report = { sent: 0, retried: 0, failed: 0 };
    const lanes = lanesByDestination(due);
    const work = async (): Promise<void> => {
      for (let lane = lanes.shift(); lane !== undefined; lane = lanes.shift()) {
        for (const record of lane) {
          const result = await this.deliver(record);
          // null: another dispatcher has it, or it is already done
          if (result !== null) report[outcomeOf(result)] += 1;
        }
      }
    };
    const parallel = Math.max(1, this.deps.policy.parallelDestinations ?? 5);
    // Every lane settles before the batch ends (the dispatcher runs one batch at a time); then
    // the first failure (the store, not a send: those are recorded) is the batch's.
    const outcomes = await Promise.allSettled(
      Array.from({ length: Math.min(parallel, lanes.length) }, work),
    );
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
    return report;
  }

  private async deliver(due: NotificationRecord): Promise<NotificationRecord | null> {
    const { store, clock } = this.deps;
    const claimed = await this.claim(due);
    if (claimed === null) return null;
    const { record, attempts } = claimed;
    let next: NotificationRecord;
    let failure: unknown = null;
    if (attempts > this.deps.policy.maxAttempts) {
      // Every attempt was claimed and abandoned (dispatchers dying mid-send): give up.
      failure = new Error('delivery attempts abandoned');
      next = { ...record, status: 'failed', attempts: attempts - 1, lastError: 'abandoned' };
    } else if (attempts === 1 && !(await this.withinCap(record))) {
      // Counted once per notification, at its first attempt: a retry is the same message.
      const reason = 'DAILY_LIMIT_REACHED' as const;
      const lastError = NOTIFICATION_REASON_MESSAGES[reason];
      failure = new Error(reason);
      next = { ...record, status: 'failed', attempts, lastError, reason };
    } else {
      try {
        await this.deps.senders[record.channel].send(composeNotification(record));
        next = { ...record, status: 'sent', attempts, sentAt: clock.now(), lastError: null };
      } catch (error) {
        failure = error;
        next = this.afterFailure(record, attempts, error);
      }
    }
    await store.update(next);
    this.deps.onResult?.(next, failure);
    return next;
  }

  /**
   * Claims the next attempt of `due`, or null when another dispatcher holds it or the record
   * moved on. `due` may be a stale copy: a clean claim proves nobody made that attempt, and an
   * abandoned one is checked against a fresh read before the next attempt is claimed.
   */
  private async claim(
    due: NotificationRecord,
  ): Promise<{ record: NotificationRecord; attempts: number } | null> {
    const { store, clock, policy } = this.deps;
    const now = clock.now();
    let record = due;
    let attempt = due.attempts + 1;
    // Bounded: every pass moves `attempt` forward.
    while (attempt <= policy.maxAttempts) {
      const claim = await store.claimAttempt({
        notificationId: record.id,
        attempt,
        claimedAt: now,
        leaseUntil: new Date(now.getTime() + policy.leaseMs),
      });
      if (claim === 'claimed') return { record, attempts: attempt };
      if (claim === 'held') return null;
      const fresh = await store.findByTransactionId(record.transactionId);
      if (fresh === null || fresh.status !== 'pending' || fresh.nextAttemptAt > now) return null;
      // Its owner recorded it after all (our copy was stale), or died: count it either way.
      attempt = Math.max(attempt, fresh.attempts) + 1;
      record = fresh;
    }
    return { record, attempts: attempt };
  }

  private withinCap(record: NotificationRecord): Promise<boolean> {
    const cap = this.deps.cap;
    return cap === undefined
      ? Promise.resolve(true)
      : cap.allow(record.destination, this.deps.clock.now());
  }

  private afterFailure(record: NotificationRecord, attempts: number, error: unknown) {
    const retryable = !(error instanceof NotificationDeliveryError) || error.retryable;
    const exhausted = !retryable || attempts >= this.deps.policy.maxAttempts;
    return {
      ...record,
      status: exhausted ? ('failed' as const) : ('pending' as const),
      attempts,
      nextAttemptAt: new Date(this.deps.clock.now().getTime() + this.backoff(attempts)),
      lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
    };
  }

  /** Exponential backoff with "equal jitter": at least half the delay, never a thundering herd. */
  private backoff(attempts: number): number {
    const { baseDelayMs, maxDelayMs } = this.deps.policy;
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1));
    const random = this.deps.random ?? Math.random;
    return Math.floor(ceiling / 2 + random() * (ceiling / 2));
  }
}

/**
 * One lane per destination, each in the order its messages are due (a subscription's mail before
 * its cancellation's), so several lanes can go at once without reordering anyone's mail.
 */
function lanesByDestination(due: readonly NotificationRecord[]): NotificationRecord[][] {
  const lanes = new Map<string, NotificationRecord[]>();
  for (const record of due) {
    const key = `${record.channel} ${record.destination}`;
    const lane = lanes.get(key);
    if (lane === undefined) lanes.set(key, [record]);
    else lane.push(record);
  }
  return [...lanes.values()];
}

const outcomeOf = (record: NotificationRecord): keyof DispatchReport =>
  record.status === 'sent' ? 'sent' : record.status === 'failed' ? 'failed' : 'retried';
