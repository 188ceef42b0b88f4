/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment,
   @typescript-eslint/no-explicit-any --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import type { RunningApp } from '../src/start.js';
import { eventually, startAppMailingToSink, type SmtpSink } from './support/smtp-sink.js';

describe('the API with SMTP_URL set delivers a real email on subscription', () => {
  let smtp: SmtpSink;
  let app: RunningApp;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ app, smtp, stop } = await startAppMailingToSink());
  });
  afterAll(() => stop?.());

  async function call(method: string, path: string, body?: unknown, token?: string) {
    const response = await fetch(`${app.url}/api/v1${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  it('verify the address by a code mailed to it, then subscribe → email with fund, amount and transaction id', async () => {
    const credentials = { email: 'ana.gomez@example.com', password: 'una-clave-muy-segura' };
    const registered = await call('POST', '/auth/register', {
      ...credentials,
      fullName: 'Ana Gómez',
      notificationPreference: 'email',
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ emailVerified: false, phoneVerified: false });
    const login = await call('POST', '/auth/login', credentials);
    const token: string = login.body.accessToken;

    // Before proving the address: the money moves, the notification is recorded as not sent.
    const early = await call('POST', '/subscriptions', { fundId: '3' }, token);
    expect(early.status).toBe(201);
    const unsent = await call('GET', '/notifications', undefined, token);
    expect(unsent.body.items[0]).toMatchObject({
      transactionId: early.body.transaction.id,
      status: 'failed',
      reason: { code: 'DESTINATION_NOT_VERIFIED' },
    });

    // The code travels by mail only: the API answer never carries it.
    const requested = await call('POST', '/me/verification', { channel: 'email' }, token);
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ channel: 'email', destination: 'a***z@example.com' });
    const codeMail = await eventually(() => smtp.received[0]);
    expect(codeMail.rcptTo).toEqual(['ana.gomez@example.com']);
    expect(codeMail.mail.subject).toBe('Su código de verificación de BTG Pactual');
    const code = /\b(\d{6})\b/.exec(codeMail.mail.text ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(requested.body)).not.toContain(code!);
    const confirmed = await call(
      'POST',
      '/me/verification/confirm',
      { channel: 'email', code },
      token,
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.emailVerified).toBe(true);

    const subscribed = await call('POST', '/subscriptions', { fundId: '1' }, token);
    expect(subscribed.status).toBe(201);
    const transactionId: string = subscribed.body.transaction.id;

    const { mail, rcptTo } = await eventually(() => smtp.received[1]);
    expect(rcptTo).toEqual(['ana.gomez@example.com']);
    expect(mail.subject).toBe('Suscripción confirmada al fondo FPV_BTG_PACTUAL_RECAUDADORA');
    expect(mail.text).toContain('FPV_BTG_PACTUAL_RECAUDADORA por $ 75.000');
    expect(mail.text).toContain(`Id de transacción: ${transactionId}`);
    expect(mail.messageId).toBe(`<notification.${transactionId}@btg.example>`);

    const listed = await eventually(async () => {
      const res = await call('GET', '/notifications', undefined, token);
      return res.body.items[0]?.status === 'sent' ? res : undefined;
    });
    expect(listed.body.items[0]).toMatchObject({
      transactionId,
      channel: 'email',
      destination: 'a***z@example.com',
      status: 'sent',
      attempts: 1,
      reason: null,
    });
    expect(smtp.received).toHaveLength(2);
  });
});

describe('notification settings at start-up', () => {
  it('stops on a half-configured provider, naming the variables and not the secret', () => {
    const failure = (() => {
      try {
        loadConfig({ SMTP_HOST: 'mail.example.com', SMTP_PASSWORD: 'hunter2-secret' });
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      return 'no error';
    })();
    expect(failure).toContain('SMTP_FROM is required');
    expect(failure).toContain('SMTP_USER and SMTP_PASSWORD go together');
    expect(failure).not.toContain('hunter2');
  });

  it('keeps the console sender when nothing is configured', () => {
    expect(loadConfig({}).notify).toEqual({ smtp: undefined, twilio: undefined });
  });
});
