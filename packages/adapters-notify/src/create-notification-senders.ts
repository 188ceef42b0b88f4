import type { NotificationSender } from '@btg-funds/application';
import type { NotificationChannel } from '@btg-funds/domain';
import type { NotifyConfig } from './config/notify-config.js';
import {
  ConsoleNotificationSender,
  type ConsoleDeliveryOptions,
  type NotificationLog,
} from './console/console-notification-sender.js';
import { SmtpEmailSender } from './smtp/smtp-email-sender.js';
import { TwilioSmsSender } from './twilio/twilio-sms-sender.js';

export type NotificationSenders = Readonly<Record<NotificationChannel, NotificationSender>>;

/** One sender per channel: the configured provider, or the console sender when there is none. */
export function createNotificationSenders(
  config: NotifyConfig,
  log: NotificationLog,
  console: ConsoleDeliveryOptions = {},
): NotificationSenders {
  const fallback = new ConsoleNotificationSender(log, console);
  return {
    email: config.smtp === undefined ? fallback : new SmtpEmailSender(config.smtp),
    sms: config.twilio === undefined ? fallback : new TwilioSmsSender(config.twilio),
  };
}
