import { ContainerModule } from 'inversify';
import { NotificationDispatcher } from '../runtime/notification-dispatcher.js';
import { notificationSenders } from '../runtime/notification-senders.js';
import { OutboxRecoveryLoop } from '../runtime/outbox-recovery-loop.js';
import { WakeSignal } from '../runtime/wake-signal.js';
import { resolve, TOKENS } from '../tokens.js';

/**
 * The loops around the outbox: the dispatcher and the outbox recovery (the use cases they drive
 * come from createUseCases, use-cases-module.ts). Senders default to the console (pino,
 * destination masked; the text withheld in production); SMTP/Twilio senders replace the
 * TOKENS.Senders binding (extension point for adapters-notify).
 */
export const notificationsModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.WakeSignal).toDynamicValue(() => new WakeSignal());
  // No provider configured: every channel falls back on the console.
  bind(TOKENS.Senders).toDynamicValue((ctx) =>
    notificationSenders({}, resolve(ctx, TOKENS.Config), resolve(ctx, TOKENS.Logger)),
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
