import {
  maskDestination,
  type NotificationSender,
  type OutgoingNotification,
} from '@btg-funds/application';

/** Where the console sender writes: e.g. `(msg, fields) => logger.info(fields, msg)` for pino. */
export type NotificationLog = (message: string, fields: Readonly<Record<string, unknown>>) => void;

export interface ConsoleDeliveryOptions {
  /**
   * Leave the message text out of the line. In production a channel without a provider delivers
   * nothing, and its text (a verification code, say) must not land in logs that operators read.
   */
  readonly withholdText?: boolean;
}

/**
 * The default when no provider is configured (local runs): "delivers" by logging. The
 * destination is masked — logs are shipped and kept where personal data must not be.
 */
export class ConsoleNotificationSender implements NotificationSender {
  private readonly withholdText: boolean;

  constructor(
    private readonly log: NotificationLog,
    options: ConsoleDeliveryOptions = {},
  ) {
    this.withholdText = options.withholdText ?? false;
  }

  send(notification: OutgoingNotification): Promise<void> {
    const fields = {
      channel: notification.channel,
      destination: maskDestination(notification.destination),
      transactionId: notification.transactionId,
      subject: notification.subject,
    };
    if (this.withholdText) {
      this.log('notification NOT delivered: no provider configured for its channel', fields);
    } else {
      this.log('notification (console delivery: no provider configured)', {
        ...fields,
        text: notification.text,
      });
    }
    return Promise.resolve();
  }
}
