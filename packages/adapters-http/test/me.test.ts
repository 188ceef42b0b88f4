/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Api } from './support/test-app.js';

describe('me', () => {
  let api: Api;
  let client: Awaited<ReturnType<Api['newClient']>>;
  beforeEach(async () => {
    ({ api } = await createTestApp());
    client = await api.newClient();
  });

  it('returns the caller’s profile with balance and currency', async () => {
    const res = await api.send('GET', '/me', { token: client.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: client.id,
      email: client.email,
      role: 'client',
      phone: null,
    });
    expect(res.body).toMatchObject({ balance: '500000.00', currency: 'COP' });
    expect((await api.send('GET', '/me')).status).toBe(401);
  });

  it('updates name, phone and preference; null removes the phone', async () => {
    const res = await api.send('PATCH', '/me', {
      token: client.token,
      body: { fullName: ' Ana  María ', phone: '+573001234567', notificationPreference: 'sms' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      fullName: 'Ana María',
      phone: '+573001234567',
      notificationPreference: 'sms',
    });
    const blocked = await api.send('PATCH', '/me', { token: client.token, body: { phone: null } });
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('PHONE_REQUIRED_FOR_SMS');
    await api.send('PATCH', '/me', {
      token: client.token,
      body: { notificationPreference: 'email' },
    });
    const removed = await api.send('PATCH', '/me', { token: client.token, body: { phone: null } });
    expect(removed.body.phone).toBeNull();
  });

  it.each([[{ email: 'x@y.co' }], [{ role: 'admin' }], [{ balance: '1.00' }]])(
    'refuses %j with 400',
    async (body) => {
      const res = await api.send('PATCH', '/me', { token: client.token, body });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_ERROR');
    },
  );

  it('answers 404 CLIENT_NOT_FOUND for a valid token of a deleted client', async () => {
    const ctx = await createTestApp();
    const token = (await ctx.issuer.issue({ clientId: 'ghost', role: 'client' })).token;
    const res = await ctx.api.send('GET', '/me', { token });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('CLIENT_NOT_FOUND');
  });
});
