/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { describe, expect, it } from 'vitest';
import { createTestApp } from './support/test-app.js';

const PHONE = '+573001234567';

describe('POST /me/verification and /me/verification/confirm (ADR 0405)', () => {
  it('sends a code through the senders, never in the answer, and the code verifies the phone', async () => {
    const { api, outbox } = await createTestApp();
    const client = await api.newClient({ phone: PHONE });
    const sent = await api.send('POST', '/me/verification', {
      body: { channel: 'sms' },
      token: client.token,
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ channel: 'sms', destination: '+57******4567' });
    const code = outbox.codeFor(PHONE);
    expect(JSON.stringify(sent.body)).not.toContain(code);
    const done = await api.send('POST', '/me/verification/confirm', {
      body: { channel: 'sms', code },
      token: client.token,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ phoneVerified: true, emailVerified: false });
    const me = await api.send('GET', '/me', { token: client.token });
    expect(me.body).toMatchObject({ phoneVerified: true });
  });

  it('answers a wrong code 422 with the tries left, and a malformed one 400', async () => {
    const { api, outbox } = await createTestApp();
    const client = await api.newClient();
    await api.send('POST', '/me/verification', { body: { channel: 'email' }, token: client.token });
    const right = outbox.codeFor(client.email);
    const wrong = right === '000000' ? '111111' : '000000';
    const res = await api.send('POST', '/me/verification/confirm', {
      body: { channel: 'email', code: wrong },
      token: client.token,
    });
    expect([res.status, res.body.code]).toEqual([422, 'VERIFICATION_CODE_INVALID']);
    expect(res.body.detail).toContain('4 intentos');
    const malformed = await api.send('POST', '/me/verification/confirm', {
      body: { channel: 'email', code: '12ab' },
      token: client.token,
    });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_ERROR']);
  });

  it('throttles resends with 429 and Retry-After', async () => {
    const { api } = await createTestApp();
    const client = await api.newClient();
    const body = { channel: 'email' };
    expect((await api.send('POST', '/me/verification', { body, token: client.token })).status).toBe(
      202,
    );
    const again = await api.send('POST', '/me/verification', { body, token: client.token });
    expect([again.status, again.body.code]).toEqual([429, 'VERIFICATION_RESEND_TOO_SOON']);
    expect(Number(again.headers.get('retry-after'))).toBe(60);
  });

  it('sends no SMS outside the allowed countries, and refuses what is verified already', async () => {
    const { api, outbox } = await createTestApp();
    const abroad = await api.newClient({ phone: '+12025550123' });
    const refused = await api.send('POST', '/me/verification', {
      body: { channel: 'sms' },
      token: abroad.token,
    });
    expect([refused.status, refused.body.code]).toEqual([422, 'SMS_COUNTRY_NOT_ALLOWED']);
    expect(outbox.messages).toHaveLength(0);
    await api.verify(abroad);
    const twice = await api.send('POST', '/me/verification', {
      body: { channel: 'email' },
      token: abroad.token,
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_VERIFIED']);
  });

  it('un-verifies the phone when PATCH /me changes it', async () => {
    const { api } = await createTestApp();
    const client = await api.newClient({ phone: PHONE });
    await api.verify(client, PHONE);
    const changed = await api.send('PATCH', '/me', {
      body: { phone: '+573009998877' },
      token: client.token,
    });
    expect(changed.body).toMatchObject({ phoneVerified: false, emailVerified: true });
  });

  it('keeps registration answering 201 with the profile, now with the verification state', async () => {
    const { api } = await createTestApp();
    const res = await api.send('POST', '/auth/register', {
      body: {
        email: 'nueva@example.com',
        password: 'una-clave-muy-segura',
        fullName: 'Nueva',
        notificationPreference: 'email',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'nueva@example.com',
      balance: '500000.00',
      emailVerified: false,
      phoneVerified: false,
    });
  });
});
