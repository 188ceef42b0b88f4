import type { UseCaseHooks } from '@btg-funds/application';
import type { Logger } from 'pino';
import type { AppMetrics } from './app-metrics.js';

/** What the process does around the use cases: wake the dispatcher, log, count deliveries. */
export function useCaseHooks(logger: Logger, metrics: AppMetrics, wake: () => void): UseCaseHooks {
  return {
    notificationQueued: wake,
    outboxFailed: (error) =>
      logger.warn({ err: error }, 'outbox enqueue failed; recovery will retry'),
    idempotencyFailed: (error) =>
      logger.warn({ err: error }, 'idempotency key kept for resumption'),
    deliveryResult: (record, error) => {
      const outcome = error === null ? 'sent' : record.status === 'failed' ? 'failed' : 'retried';
      metrics.notifications.labels(record.channel, outcome).inc();
      if (error === null) return;
      logger.warn(
        {
          transactionId: record.transactionId,
          status: record.status,
          attempts: record.attempts,
          // The name only: a provider's message may quote the recipient's address.
          error: error instanceof Error ? error.name : typeof error,
          // Why it was not even tried (the daily cap per destination, ADR 0405), when that is so.
          ...(record.reason != null && { reason: record.reason }),
        },
        'notification delivery failed',
      );
    },
  };
}
