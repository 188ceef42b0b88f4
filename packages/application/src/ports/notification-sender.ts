import type { NotificationChannel } from '@btg-funds/domain';

export interface OutgoingNotification {
  readonly channel: NotificationChannel;
  readonly destination: string;
  /** Lets a provider or a recipient recognise a duplicate (at-least-once delivery). */
  readonly transactionId: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Delivers over one channel. Throws NotificationDeliveryError when it could not. */
export interface NotificationSender {
  send(notification: OutgoingNotification): Promise<void>;
  /** Releases what the sender keeps open (pooled connections); called once, at shutdown. */
  close?(): void;
}

export class NotificationDeliveryError extends Error {
  override readonly name = 'NotificationDeliveryError';
  constructor(
    message: string,
    /** False when retrying cannot help (e.g. an invalid address); the record fails at once. */
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
