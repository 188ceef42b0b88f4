import type { NotifyConfig } from '@btg-funds/adapters-notify';
import { ContainerModule } from 'inversify';
import { notificationSenders } from '../runtime/notification-senders.js';
import { resolve, TOKENS } from '../tokens.js';

/**
 * Real senders (SMTP_* → email, TWILIO_* → SMS) in place of notificationsModule's console-only
 * binding; a channel without a provider keeps logging through pino, destination masked (text
 * withheld in production). Loaded after notificationsModule, whose Senders binding it replaces.
 */
export function notifySendersModule(notify: NotifyConfig): ContainerModule {
  return new ContainerModule(({ rebind }) => {
    rebind(TOKENS.Senders).toDynamicValue((ctx) =>
      notificationSenders(notify, resolve(ctx, TOKENS.Config), resolve(ctx, TOKENS.Logger)),
    );
  });
}
