import type { NotificationSender, OutgoingNotification } from '@btg-funds/application';
import type twilio from 'twilio';
import { DEFAULT_SEND_TIMEOUT_MS, type TwilioConfig } from '../config/notify-config.js';
import { twilioSdk } from '../sdks.js';
import { rebasedRequestClient } from './rebased-request-client.js';
import { twilioDeliveryError } from './twilio-delivery-error.js';

/** SMS through Twilio's Messages API (the official SDK). */
export class TwilioSmsSender implements NotificationSender {
  private readonly client: twilio.Twilio;

  constructor(private readonly config: TwilioConfig) {
    const auth = config.auth;
    // With an API key, the key is the username and the account is named separately.
    const [username, password] =
      'authToken' in auth
        ? [config.accountSid, auth.authToken]
        : [auth.apiKeySid, auth.apiKeySecret];
    // The dispatcher owns retries (backoff, attempts, `failed`): the SDK's own stay off.
    const options = { timeout: config.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS, autoRetry: false };
    const sdk = twilioSdk();
    const httpClient =
      config.apiBaseUrl === undefined
        ? new sdk.RequestClient(options)
        : rebasedRequestClient(config.apiBaseUrl, options);
    this.client = sdk(username, password, { accountSid: config.accountSid, httpClient });
  }

  async send(notification: OutgoingNotification): Promise<void> {
    const sender = this.config.sender;
    try {
      await this.client.messages.create({
        to: notification.destination,
        body: notification.text,
        ...('from' in sender
          ? { from: sender.from }
          : { messagingServiceSid: sender.messagingServiceSid }),
      });
    } catch (error) {
      throw twilioDeliveryError(error);
    }
  }
}
