import { describe, expect, it } from 'vitest';
import { ConsoleNotificationSender } from './console/console-notification-sender.js';
import { createNotificationSenders } from './create-notification-senders.js';
import { SmtpEmailSender } from './smtp/smtp-email-sender.js';
import { TwilioSmsSender } from './twilio/twilio-sms-sender.js';

const smtp = { connection: { url: 'smtp://127.0.0.1:2525' }, from: 'a@b.co' };
const twilio = {
  accountSid: `AC${'0'.repeat(32)}`,
  auth: { authToken: 't' },
  sender: { from: '+15005550006' },
};

describe('createNotificationSenders', () => {
  const log = () => undefined;

  it('falls back to the console for every unconfigured channel, and says which', () => {
    const { senders, fallbackChannels } = createNotificationSenders({}, log);
    expect(senders.email).toBeInstanceOf(ConsoleNotificationSender);
    expect(senders.sms).toBeInstanceOf(ConsoleNotificationSender);
    expect(fallbackChannels).toEqual(['email', 'sms']);
  });

  it('uses the configured providers and falls back on no channel', () => {
    const { senders, fallbackChannels } = createNotificationSenders({ smtp, twilio }, log);
    expect(senders.email).toBeInstanceOf(SmtpEmailSender);
    expect(senders.sms).toBeInstanceOf(TwilioSmsSender);
    expect(fallbackChannels).toEqual([]);
  });

  it('reports only the channel left without a provider', () => {
    const emailOnly = createNotificationSenders({ smtp }, log);
    expect(emailOnly.senders.email).toBeInstanceOf(SmtpEmailSender);
    expect(emailOnly.senders.sms).toBeInstanceOf(ConsoleNotificationSender);
    expect(emailOnly.fallbackChannels).toEqual(['sms']);
    const smsOnly = createNotificationSenders({ twilio }, log);
    expect(smsOnly.senders.sms).toBeInstanceOf(TwilioSmsSender);
    expect(smsOnly.fallbackChannels).toEqual(['email']);
  });
});
