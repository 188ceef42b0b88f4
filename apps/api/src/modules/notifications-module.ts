import { ContainerModule } from 'inversify';
import { NotificationDispatcher } from '../runtime/notification-dispatcher.js';
import { notificationSenders } from '../runtime/notification-senders.js';
import { OutboxRecoveryLoop } from '../runtime/outbox-recovery-loop.js';
import { WakeSignal } from '../runtime/wake-signal.js';
import { resolve, TOKENS } from '../tokens.js';

/**
 * The loops around the outbox: the dispatcher and the outbox recovery (the use cases they drive
 * come from createUseCases, use-cases-module.ts), and the senders they deliver through: SMTP_* →
 * email, TWILIO_* → SMS; a channel without a provider logs through pino instead (destination
 * masked, the text withheld in production). An embedder replaces them by rebinding TOKENS.Senders.
 */
export const notificationsModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.WakeSignal).toDynamicValue(() => new WakeSignal());
  bind(TOKENS.Senders).toDynamicValue((ctx) =>
    notificationSenders(resolve(ctx, TOKENS.Config), resolve(ctx, TOKENS.Logger)),
  );
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
