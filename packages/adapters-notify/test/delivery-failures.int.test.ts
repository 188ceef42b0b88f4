import type { NotificationSender } from '@btg-funds/application';
import { Money, type NotificationChannel } from '@btg-funds/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { SmtpEmailSender, TwilioSmsSender } from '../src/index.js';
import { openBank, TEST_POLICY, type Bank } from './support/bank.js';
import { ACCOUNT_SID, AUTH_TOKEN } from './support/fixtures.js';
import { closedPort } from './support/free-port.js';
import { startSmtpTestServer, type SmtpReply } from './support/smtp-test-server.js';
import { startTwilioTestServer, type TwilioError } from './support/twilio-test-server.js';

const cleanups: Array<() => Promise<void>> = [];
const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()));
});

interface Peer {
  readonly sender: NotificationSender;
  /** How many messages the peer accepted. */
  delivered(): number;
}

async function smtpPeer(failures: SmtpReply[]): Promise<Peer> {
  const server = await startSmtpTestServer();
  cleanups.push(() => server.close());
  server.failures.push(...failures);
  const connection = { host: '127.0.0.1', port: server.port, secure: false };
  const sender = new SmtpEmailSender({
    connection,
    from: 'no-reply@btg.example',
    timeoutMs: 5_000,
  });
  // Before the server: its pooled connections closed, not waited out by the server's close.
  cleanups.push(() => Promise.resolve(sender.close()));
  return { sender, delivered: () => server.received.length };
}

async function twilioPeer(failures: TwilioError[]): Promise<Peer> {
  const server = await startTwilioTestServer({ username: ACCOUNT_SID, password: AUTH_TOKEN });
  cleanups.push(() => server.close());
  server.failures.push(...failures);
  const sender = new TwilioSmsSender({
    accountSid: ACCOUNT_SID,
    auth: { authToken: AUTH_TOKEN },
    sender: { from: '+15005550006' },
    apiBaseUrl: server.baseUrl,
    timeoutMs: 5_000,
  });
  return { sender, delivered: () => server.messages.length };
}

async function refusedPeer(channel: NotificationChannel): Promise<Peer> {
  const port = await closedPort();
  const sender =
    channel === 'email'
      ? new SmtpEmailSender({
          connection: { host: '127.0.0.1', port, secure: false },
          from: 'no-reply@btg.example',
          timeoutMs: 2_000,
        })
      : new TwilioSmsSender({
          accountSid: ACCOUNT_SID,
          auth: { authToken: AUTH_TOKEN },
          sender: { from: '+15005550006' },
          apiBaseUrl: `http://127.0.0.1:${port}`,
          timeoutMs: 2_000,
        });
  return { sender, delivered: () => 0 };
}

/** Subscribes for real (75.000 to fund 1), then lets the dispatcher work through its retries. */
async function subscribeAndDispatch(channel: NotificationChannel, peer: Peer) {
  const bank: Bank = await openBank();
  const clientId = await bank.addClient(channel);
  const { result } = await bank.subscribe.execute({ clientId, fundId: '1' });
  const dispatch = bank.dispatcher({ [channel]: peer.sender });
  const history: Array<{ status: string; attempts: number; delayMs: number }> = [];
  for (let round = 0; round < TEST_POLICY.maxAttempts + 2; round += 1) {
    await dispatch.execute({ limit: 10 });
    const record = (await bank.storage.notifications.findByTransactionId(result.transaction.id))!;
    const delayMs = record.nextAttemptAt.getTime() - bank.clock.now().getTime();
    history.push({ status: record.status, attempts: record.attempts, delayMs });
    if (record.status !== 'pending') break;
    // Not due yet: nothing is sent before the backoff has elapsed.
    expect(await dispatch.execute({ limit: 10 })).toEqual({ sent: 0, retried: 0, failed: 0 });
    bank.clock.advance(delayMs);
  }
  return { bank, clientId, history };
}

async function expectMoneyUntouched(bank: Bank, clientId: string): Promise<void> {
  expect((await bank.balance(clientId)).equals(Money.parse('425000'))).toBe(true);
  expect(await bank.ledgerSize(clientId)).toBe(1);
}

describe('delivery failures: retries with backoff, then `failed`, money untouched', () => {
  const transient: Array<[string, NotificationChannel, () => Promise<Peer>]> = [
    [
      'SMTP 451 at RCPT',
      'email',
      () => smtpPeer(times(9, { stage: 'rcpt', responseCode: 451, message: 'Try later' })),
    ],
    [
      'SMTP 421 at DATA',
      'email',
      () => smtpPeer(times(9, { stage: 'data', responseCode: 421, message: 'Closing' })),
    ],
    [
      'Twilio 429',
      'sms',
      () => twilioPeer(times(9, { status: 429, code: 20429, message: 'Too Many Requests' })),
    ],
    [
      'Twilio 500',
      'sms',
      () => twilioPeer(times(9, { status: 500, code: 20500, message: 'Internal Server Error' })),
    ],
    ['SMTP connection refused', 'email', () => refusedPeer('email')],
    ['Twilio connection refused', 'sms', () => refusedPeer('sms')],
  ];

  it.each(transient)('%s: retried with backoff, then failed', async (_name, channel, makePeer) => {
    const peer = await makePeer();
    const { bank, clientId, history } = await subscribeAndDispatch(channel, peer);

    expect(history.map((h) => h.status)).toEqual(['pending', 'pending', 'pending', 'failed']);
    expect(history.map((h) => h.attempts)).toEqual([1, 2, 3, 4]);
    // Exponential backoff (random fixed at 0.5 → 3/4 of base·2^(n-1)).
    expect(history.slice(0, 3).map((h) => h.delayMs)).toEqual([750, 1_500, 3_000]);
    expect(peer.delivered()).toBe(0);
    expect(await bank.storage.notifications.countByStatus('failed')).toBe(1);
    await expectMoneyUntouched(bank, clientId);
  });

  it.each([
    [
      'SMTP 550 (no such mailbox)',
      'email',
      () => smtpPeer([{ stage: 'rcpt', responseCode: 550, message: 'No such user' }]),
    ],
    [
      'Twilio 21211 (invalid number)',
      'sms',
      () => twilioPeer([{ status: 400, code: 21211, message: 'Invalid To' }]),
    ],
  ] as Array<[string, NotificationChannel, () => Promise<Peer>]>)(
    '%s: permanent, failed at the first attempt',
    async (_name, channel, makePeer) => {
      const peer = await makePeer();
      const { bank, clientId, history } = await subscribeAndDispatch(channel, peer);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ status: 'failed', attempts: 1 });
      await expectMoneyUntouched(bank, clientId);
    },
  );

  it.each([
    ['email', () => smtpPeer(times(2, { stage: 'rcpt', responseCode: 451, message: 'Try later' }))],
    ['sms', () => twilioPeer(times(2, { status: 503, code: 20503, message: 'Unavailable' }))],
  ] as Array<[NotificationChannel, () => Promise<Peer>]>)(
    '%s: delivered exactly once when the peer recovers',
    async (channel, makePeer) => {
      const peer = await makePeer();
      const { bank, clientId, history } = await subscribeAndDispatch(channel, peer);
      expect(history.map((h) => h.status)).toEqual(['pending', 'pending', 'sent']);
      expect(history.at(-1)?.attempts).toBe(3);
      expect(peer.delivered()).toBe(1);
      await expectMoneyUntouched(bank, clientId);
    },
  );
});
