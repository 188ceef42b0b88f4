import { createNotificationSenders, type NotifyConfig } from '@btg-funds/adapters-notify';
import { ContainerModule } from 'inversify';
import { consoleDelivery } from '../runtime/console-delivery.js';
import { resolve, TOKENS } from '../tokens.js';

/**
 * Real senders (SMTP_* → email, TWILIO_* → SMS) in place of notificationsModule's console-only
 * binding; a channel without a provider keeps logging through pino, destination masked (text withheld in
 * production).
 * Loaded after notificationsModule, whose Senders binding it replaces.
 */
export function notifySendersModule(notify: NotifyConfig): ContainerModule {
  return new ContainerModule(({ rebind }) => {
    rebind(TOKENS.Senders).toDynamicValue((ctx) => {
      const logger = resolve(ctx, TOKENS.Logger);
      const withoutProvider = [
        ...(notify.smtp === undefined ? (['email'] as const) : []),
        ...(notify.twilio === undefined ? (['sms'] as const) : []),
      ];
      return createNotificationSenders(
        notify,
        (message, fields) => logger.info(fields, message),
        consoleDelivery(resolve(ctx, TOKENS.Config), logger, withoutProvider),
      );
    });
  });
}
