import type { ConsoleDeliveryOptions } from '@btg-funds/adapters-notify';
import type { NotificationChannel } from '@btg-funds/domain';
import type { AppConfig } from '../config/app-config.js';

interface WarnLogger {
  warn(object: object, message: string): void;
}

/**
 * How a channel without a provider behaves. Locally the log is the delivery (a developer reads
 * the verification code there). In production nothing is delivered on it, so the text — codes
 * included — stays out of the logs, and the operator is told once, at start-up, which channels
 * deliver nothing (SMTP_URL / TWILIO_* missing).
 */
export function consoleDelivery(
  config: Pick<AppConfig, 'env'>,
  logger: WarnLogger,
  channelsWithoutProvider: readonly NotificationChannel[],
): ConsoleDeliveryOptions {
  const production = config.env === 'production';
  if (production && channelsWithoutProvider.length > 0) {
    logger.warn(
      { channels: channelsWithoutProvider },
      'no provider for these channels: their notifications and verification codes are NOT delivered (set SMTP_URL / TWILIO_*)',
    );
  }
  return { withholdText: production };
}
