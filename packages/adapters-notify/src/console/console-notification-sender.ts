import {
  maskDestination,
  type NotificationSender,
  type OutgoingNotification,
} from '@btg-funds/application';

/** Where the console sender writes: e.g. `(msg, fields) => logger.info(fields, msg)` for pino. */
export type NotificationLog = (message: string, fields: Readonly<Record<string, unknown>>) => void;

/**
 * The default when no provider is configured (local runs): "delivers" by logging. The
 * destination is masked — logs are shipped and kept where personal data must not be.
 */
export class ConsoleNotificationSender implements NotificationSender {
  constructor(private readonly log: NotificationLog) {}

  send(notification: OutgoingNotification): Promise<void> {
    this.log('notification (console delivery: no provider configured)', {
      channel: notification.channel,
      destination: maskDestination(notification.destination),
      transactionId: notification.transactionId,
      subject: notification.subject,
      text: notification.text,
    });
    return Promise.resolve();
  }
}
