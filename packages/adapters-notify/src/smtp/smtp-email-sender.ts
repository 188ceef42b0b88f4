import type { NotificationSender, OutgoingNotification } from '@btg-funds/application';
import type { SMTPTransportOptions, Transporter } from 'nodemailer';
import { DEFAULT_SEND_TIMEOUT_MS, type SmtpConfig } from '../config/notify-config.js';
import { messageIdFor } from './message-id.js';
import { nodemailerSdk } from '../sdks.js';
import { smtpDeliveryError } from './smtp-delivery-error.js';

/** Email over SMTP (nodemailer): a text and an HTML part, one connection per message. */
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

  /** Releases sockets (only pooled transports keep any; harmless otherwise). */
  close(): void {
    this.transport.close();
  }
}

function transportOptions(config: SmtpConfig): SMTPTransportOptions {
  const timeout = config.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const timeouts = { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout };
  const connection = config.connection;
  if ('url' in connection) return { url: connection.url, ...timeouts };
  const { host, port, secure, user, password } = connection;
  return {
    host,
    port,
    secure,
    ...(user !== undefined && password !== undefined ? { auth: { user, pass: password } } : {}),
    ...timeouts,
  };
}
