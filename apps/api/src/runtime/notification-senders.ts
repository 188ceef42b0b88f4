import { createNotificationSenders, type NotificationSenders } from '@btg-funds/adapters-notify';
import type { AppConfig } from '../config/app-config.js';

interface SendersLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/**
 * The senders of the process: the configured provider per channel, else the console (pino,
 * destination masked). Locally the log is the delivery (a developer reads the verification code
 * there). In production nothing is delivered on a channel without a provider, so the text —
 * codes included — stays out of the logs, and the operator is told once, at start-up, which
 * channels deliver nothing (SMTP_URL / TWILIO_* missing) — the channels `createNotificationSenders`
 * fell back on, so that decision is made in one place.
 */
export function notificationSenders(
  config: Pick<AppConfig, 'env' | 'notify'>,
  logger: SendersLogger,
): NotificationSenders {
  const production = config.env === 'production';
  const { senders, fallbackChannels } = createNotificationSenders(
    config.notify,
    (message, fields) => logger.info(fields, message),
    { withholdText: production },
  );
  if (production && fallbackChannels.length > 0) {
    logger.warn(
      { channels: fallbackChannels },
      'no provider for these channels: their notifications and verification codes are NOT delivered (set SMTP_URL / TWILIO_*)',
    );
  }
  return senders;
}
