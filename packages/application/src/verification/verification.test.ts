import {
  FixedClock,
  SequentialIdGenerator,
  createInMemoryStorage,
} from '@btg-funds/adapters-memory';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  NotificationDeliveryError,
  type NotificationSender,
  type OutgoingNotification,
  type PasswordHasher,
} from '../ports/index.js';
import { aClient, registered } from '../testing/index.js';
import { ConfirmVerificationCode } from './confirm-verification-code.js';
import { RequestVerificationCode } from './request-verification-code.js';

/** A sender that keeps what it was given, like an inbox; `fail` makes the next send throw. */
class Inbox implements NotificationSender {
  readonly messages: OutgoingNotification[] = [];
  fail: Error | null = null;
  send(message: OutgoingNotification): Promise<void> {
    if (this.fail !== null) return Promise.reject(this.fail);
    this.messages.push(message);
    return Promise.resolve();
  }
  /** The code in the last message, read the way a person reads it. */
  lastCode(): string {
    const match = /\b(\d{6})\b/.exec(this.messages.at(-1)?.text ?? '');
    if (match === null) throw new Error('no code received');
    return match[1]!;
  }
}

async function setup(options: { phone?: string | null } = {}) {
  const storage = createInMemoryStorage();
  const clock = new FixedClock('2026-01-15T15:00:00.000Z');
  const ids = new SequentialIdGenerator();
  const hasher: PasswordHasher = {
    // One-way, like bcrypt: the stored value never shows the code.
    hash: (secret) => Promise.resolve(sha256(secret)),
    verify: (secret, hash) => Promise.resolve(hash === sha256(secret)),
  };
  let n = 0;
  const codes = { generate: () => String(314159 + (n += 1)).padStart(6, '0') };
  const inbox = new Inbox();
  const phone = 'phone' in options ? options.phone : '+573001234567';
  const client = aClient({ verified: false, phone });
  await storage.clients.add(registered(client));
  const deps = {
    clients: storage.clients,
    challenges: storage.verifications,
    rateLimits: storage.rateLimits,
    hasher,
    clock,
  };
  const request = new RequestVerificationCode({
    ...deps,
    codes,
    ids,
    senders: { email: inbox, sms: inbox },
  });
  const confirm = new ConfirmVerificationCode({ ...deps, ledger: storage.ledger });
  const send = (channel: 'email' | 'sms' = 'sms') =>
    request.execute({ clientId: client.id, channel });
  const type = (code: string, channel: 'email' | 'sms' = 'sms') =>
    confirm.execute({ clientId: client.id, channel, code });
  return { storage, clock, inbox, client, send, type };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e: { code?: string }) => e.code,
  );

describe('verification codes (ADR 0405)', () => {
  it('sends a code to the phone and, typed back, verifies it', async () => {
    const { inbox, send, type, storage, client } = await setup();
    const sent = await send('sms');
    expect(sent).toMatchObject({ channel: 'sms', destination: '+57******4567' });
    expect(inbox.messages.at(-1)).toMatchObject({ channel: 'sms', destination: '+573001234567' });
    expect(inbox.messages.at(-1)!.text.length).toBeLessThanOrEqual(160);
    const profile = await type(inbox.lastCode());
    expect(profile).toMatchObject({ phoneVerified: true, emailVerified: false });
    expect((await storage.clients.findById(client.id))?.client.isVerified('sms')).toBe(true);
  });

  it('verifies the e-mail address the same way', async () => {
    const { inbox, send, type } = await setup();
    await send('email');
    expect(inbox.messages.at(-1)).toMatchObject({ channel: 'email' });
    expect(inbox.messages.at(-1)?.subject).toContain('código');
    expect(await type(inbox.lastCode(), 'email')).toMatchObject({ emailVerified: true });
  });

  it('stores the code only as a hash', async () => {
    const { inbox, send, storage, client } = await setup();
    await send();
    const stored = await storage.verifications.latest(client.id, 'sms');
    expect(JSON.stringify(stored)).not.toContain(inbox.lastCode());
    expect(stored?.codeHash).toBe(sha256(inbox.lastCode()));
  });

  it('takes a code once: after it worked, the destination is verified and a replay changes nothing', async () => {
    const { inbox, send, type } = await setup();
    await send();
    const code = inbox.lastCode();
    await type(code);
    expect(await type(code)).toMatchObject({ phoneVerified: true });
  });

  it('refuses a wrong code, saying how many tries are left, and locks the code after five', async () => {
    const { inbox, send, type } = await setup();
    await send();
    const right = inbox.lastCode();
    const wrong = right === '000000' ? '111111' : '000000';
    const errors = [];
    for (let i = 0; i < 5; i += 1) {
      errors.push(
        await type(wrong).catch(
          (e: { code: string; details: { attemptsLeft: number } }) =>
            `${e.code}:${e.details.attemptsLeft}`,
        ),
      );
    }
    expect(errors).toEqual([
      'VERIFICATION_CODE_INVALID:4',
      'VERIFICATION_CODE_INVALID:3',
      'VERIFICATION_CODE_INVALID:2',
      'VERIFICATION_CODE_INVALID:1',
      'VERIFICATION_CODE_INVALID:0',
    ]);
    expect(await failure(type(right))).toBe('VERIFICATION_CODE_LOCKED');
  });

  it('lets a code expire', async () => {
    const { inbox, send, type, clock } = await setup();
    await send();
    clock.advance(10 * 60_000);
    expect(await failure(type(inbox.lastCode()))).toBe('VERIFICATION_CODE_EXPIRED');
  });

  it('throttles resends, and only the newest code counts', async () => {
    const { inbox, send, type, clock } = await setup();
    await send();
    const first = inbox.lastCode();
    expect(await failure(send())).toBe('VERIFICATION_RESEND_TOO_SOON');
    expect(inbox.messages).toHaveLength(1);
    clock.advance(60_000);
    await send();
    expect(await failure(type(first))).toBe('VERIFICATION_CODE_INVALID');
    expect(await type(inbox.lastCode())).toMatchObject({ phoneVerified: true });
  });

  it('sends at most five codes a day per channel', async () => {
    const { inbox, send, clock } = await setup();
    for (let i = 0; i < 5; i += 1) {
      await send();
      clock.advance(60_000);
    }
    expect(await failure(send())).toBe('DAILY_LIMIT_REACHED');
    expect(inbox.messages).toHaveLength(5);
  });

  it('does not prove a phone that changed after the code was sent', async () => {
    const { inbox, send, type, storage, client } = await setup();
    await send();
    const moved = (await storage.clients.findById(client.id))!.client.updateProfile({
      phone: '+573009999999',
    });
    await storage.clients.update(moved);
    expect(await failure(type(inbox.lastCode()))).toBe('VERIFICATION_CODE_EXPIRED');
    expect((await storage.clients.findById(client.id))?.client.isVerified('sms')).toBe(false);
  });

  it('refuses what cannot or need not be verified', async () => {
    const abroad = await setup({ phone: '+12025550123' });
    expect(await failure(abroad.send('sms'))).toBe('SMS_COUNTRY_NOT_ALLOWED');
    expect(abroad.inbox.messages).toHaveLength(0);
    const noPhone = await setup({ phone: null });
    expect(await failure(noPhone.send('sms'))).toBe('PHONE_REQUIRED_FOR_SMS');
    const done = await setup();
    await done.send('email');
    await done.type(done.inbox.lastCode(), 'email');
    expect(await failure(done.send('email'))).toBe('ALREADY_VERIFIED');
    expect(await failure(done.type('123456', 'sms'))).toBe('VERIFICATION_CODE_EXPIRED');
  });

  it('says whether a failed delivery is worth retrying', async () => {
    const { inbox, send, clock } = await setup();
    inbox.fail = new NotificationDeliveryError('número inválido', false);
    expect(await failure(send())).toBe('DESTINATION_REJECTED');
    clock.advance(60_000);
    inbox.fail = new Error('smtp timeout');
    expect(await failure(send())).toBe('VERIFICATION_NOT_SENT');
  });
});
