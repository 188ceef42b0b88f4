import type { NotificationSender, OutgoingNotification } from '@btg-funds/application';
import type { SMTPPoolOptions, Transporter } from 'nodemailer';
import { DEFAULT_SEND_TIMEOUT_MS, type SmtpConfig } from '../config/notify-config.js';
import { messageIdFor } from './message-id.js';
import { nodemailerSdk } from '../sdks.js';
import { smtpDeliveryError } from './smtp-delivery-error.js';

/**
 * Email over SMTP (nodemailer): a text and an HTML part. Connections are pooled and reused for
 * up to 100 messages each, at most five at once (ADR 0723): a connection per message paid the
 * TCP, greeting and EHLO exchange (and TLS, with a real provider) every time, ~100 ms here.
 */
export class SmtpEmailSender implements NotificationSender {
  private readonly transport: Transporter;

  constructor(private readonly config: SmtpConfig) {
    this.transport = nodemailerSdk().createTransport(transportOptions(config));
  }

  async send(notification: OutgoingNotification): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.config.from,
        to: notification.destination,
        subject: notification.subject,
        text: notification.text,
        html: notification.html,
        messageId: messageIdFor(notification.transactionId, this.config.from),
        headers: { 'X-Transaction-Id': notification.transactionId },
      });
    } catch (error) {
      throw smtpDeliveryError(error);
    }
  }

  /** Closes the pooled connections (idle ones would otherwise keep the process alive). */
  close(): void {
    this.transport.close();
  }
}

function transportOptions(config: SmtpConfig): SMTPPoolOptions & { pool: true } {
  const timeout = config.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const timeouts = { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout };
  const pooled = { pool: true, maxConnections: 5, maxMessages: 100 } as const;
  const connection = config.connection;
  if ('url' in connection) return { url: connection.url, ...timeouts, ...pooled };
  const { host, port, secure, user, password } = connection;
  return {
    host,
    port,
    secure,
    ...(user !== undefined && password !== undefined ? { auth: { user, pass: password } } : {}),
    ...timeouts,
    ...pooled,
  };
}
