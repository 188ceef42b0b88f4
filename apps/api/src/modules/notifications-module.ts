import { ConsoleNotificationSender } from '@btg-funds/adapters-notify';
import {
  DEFAULT_DELIVERY_POLICY,
  DestinationCap,
  DispatchNotifications,
  Outbox,
} from '@btg-funds/application';
import { ContainerModule } from 'inversify';
import { NotificationDispatcher } from '../runtime/notification-dispatcher.js';
import { OutboxRecoveryLoop } from '../runtime/outbox-recovery-loop.js';
import { WakeSignal } from '../runtime/wake-signal.js';
import { resolve, TOKENS } from '../tokens.js';

/**
 * The outbox and its dispatcher. Senders default to the console (pino, destination masked);
 * SMTP/Twilio senders replace the TOKENS.Senders binding (extension point for adapters-notify).
 */
export const notificationsModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.WakeSignal).toDynamicValue(() => new WakeSignal());
  bind(TOKENS.Outbox).toDynamicValue((ctx) => {
    const ids = resolve(ctx, TOKENS.Ids);
    const logger = resolve(ctx, TOKENS.Logger);
    return new Outbox(
      resolve(ctx, TOKENS.Storage).notifications,
      () => ids.next(),
      resolve(ctx, TOKENS.WakeSignal).wake,
      (error) => logger.warn({ err: error }, 'outbox enqueue failed; recovery will retry'),
    );
  });
  bind(TOKENS.Senders).toDynamicValue((ctx) => {
    const logger = resolve(ctx, TOKENS.Logger);
    const console = new ConsoleNotificationSender((message, fields) =>
      logger.info(fields, message),
    );
    return { email: console, sms: console };
  });
  bind(TOKENS.DispatchNotifications).toDynamicValue((ctx) => {
    const logger = resolve(ctx, TOKENS.Logger);
    const metrics = resolve(ctx, TOKENS.Metrics);
    return new DispatchNotifications({
      store: resolve(ctx, TOKENS.Storage).notifications,
      senders: resolve(ctx, TOKENS.Senders),
      clock: resolve(ctx, TOKENS.Clock),
      policy: DEFAULT_DELIVERY_POLICY,
      // Codes and notifications share one count per destination and day (ADR 0405).
      cap: new DestinationCap(
        resolve(ctx, TOKENS.Storage).rateLimits,
        resolve(ctx, TOKENS.Config).notificationPolicy.perDestinationPerDay,
      ),
      onResult: (record, error) => {
        const outcome = error === null ? 'sent' : record.status === 'failed' ? 'failed' : 'retried';
        metrics.notifications.labels(record.channel, outcome).inc();
        if (error !== null) {
          logger.warn(
            {
              transactionId: record.transactionId,
              status: record.status,
              attempts: record.attempts,
              // The name only: a provider's message may quote the recipient's address.
              error: error instanceof Error ? error.name : typeof error,
            },
            'notification delivery failed',
          );
        }
      },
    });
  });
  bind(TOKENS.Dispatcher).toDynamicValue(
    (ctx) =>
      new NotificationDispatcher(
        resolve(ctx, TOKENS.DispatchNotifications),
        resolve(ctx, TOKENS.WakeSignal),
        resolve(ctx, TOKENS.Logger),
        resolve(ctx, TOKENS.Config).notifyIntervalMs,
      ),
  );
  bind(TOKENS.OutboxRecovery).toDynamicValue(
    (ctx) =>
      new OutboxRecoveryLoop(
        resolve(ctx, TOKENS.RecoverOutbox),
        resolve(ctx, TOKENS.WakeSignal).wake,
        resolve(ctx, TOKENS.Logger),
        resolve(ctx, TOKENS.Config).outboxRecoveryIntervalMs,
      ),
  );
});
