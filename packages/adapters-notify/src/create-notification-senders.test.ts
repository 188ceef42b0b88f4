import { describe, expect, it } from 'vitest';
import { ConsoleNotificationSender } from './console/console-notification-sender.js';
import { createNotificationSenders } from './create-notification-senders.js';
import { SmtpEmailSender } from './smtp/smtp-email-sender.js';
import { TwilioSmsSender } from './twilio/twilio-sms-sender.js';

describe('createNotificationSenders', () => {
  const log = () => undefined;

  it('falls back to the console for every unconfigured channel', () => {
    const senders = createNotificationSenders({}, log);
    expect(senders.email).toBeInstanceOf(ConsoleNotificationSender);
    expect(senders.sms).toBeInstanceOf(ConsoleNotificationSender);
  });

  it('uses the configured providers', () => {
    const senders = createNotificationSenders(
      {
        smtp: { connection: { url: 'smtp://127.0.0.1:2525' }, from: 'a@b.co' },
        twilio: {
          accountSid: `AC${'0'.repeat(32)}`,
          auth: { authToken: 't' },
          sender: { from: '+15005550006' },
        },
      },
      log,
    );
    expect(senders.email).toBeInstanceOf(SmtpEmailSender);
    expect(senders.sms).toBeInstanceOf(TwilioSmsSender);
  });
});
