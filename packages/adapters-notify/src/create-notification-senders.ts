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

export interface CreatedNotificationSenders {
  readonly senders: NotificationSenders;
  /**
   * The channels without a provider, which got the console sender — decided here only, so the
   * caller can say which channels deliver nothing without reading the configuration again.
   */
  readonly fallbackChannels: readonly NotificationChannel[];
}

/** One sender per channel: the configured provider, or the console sender when there is none. */
export function createNotificationSenders(
  config: NotifyConfig,
  log: NotificationLog,
  console: ConsoleDeliveryOptions = {},
): CreatedNotificationSenders {
  const fallback = new ConsoleNotificationSender(log, console);
  const fallbackChannels: NotificationChannel[] = [];
  const providerOr = <T>(
    channel: NotificationChannel,
    settings: T | undefined,
    provider: (settings: T) => NotificationSender,
  ): NotificationSender => {
    if (settings !== undefined) return provider(settings);
    fallbackChannels.push(channel);
    return fallback;
  };
  const senders = {
    email: providerOr('email', config.smtp, (smtp) => new SmtpEmailSender(smtp)),
    sms: providerOr('sms', config.twilio, (twilio) => new TwilioSmsSender(twilio)),
  };
  return { senders, fallbackChannels };
}
