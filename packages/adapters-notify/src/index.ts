/**
 * @packageDocumentation
 * Notification senders of btg-funds (ports of @btg-funds/application): email over SMTP
 * (nodemailer), SMS over Twilio, and a console sender for local runs.
 */
export {
  DEFAULT_SEND_TIMEOUT_MS,
  type NotifyConfig,
  type SmtpConfig,
  type SmtpConnection,
  type TwilioAuth,
  type TwilioConfig,
  type TwilioSender,
} from './config/notify-config.js';
export { NotifyConfigError } from './config/notify-config-error.js';
export { notifyConfigFromEnv } from './config/notify-config-from-env.js';
export type { Env } from './config/env.js';
export { SmtpEmailSender } from './smtp/smtp-email-sender.js';
export { messageIdFor } from './smtp/message-id.js';
export { TwilioSmsSender } from './twilio/twilio-sms-sender.js';
export {
  ConsoleNotificationSender,
  type ConsoleDeliveryOptions,
  type NotificationLog,
} from './console/console-notification-sender.js';
export {
  createNotificationSenders,
  type CreatedNotificationSenders,
  type NotificationSenders,
} from './create-notification-senders.js';
