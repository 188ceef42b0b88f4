/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { describe, expect, it } from 'vitest';
import { BREACHED_PASSWORDS_COUNT, BundledBreachedPasswords } from '../src/index.js';
import { createTestApp, PASSWORD } from './support/test-app.js';

describe('a revoked session stops working on money routes before its exp (ADR 0220)', () => {
  it('refuses the access token of a logged-out session on POST and DELETE /subscriptions and PATCH /me', async () => {
    const { api } = await createTestApp();
    const client = await api.newClient();
    const opened = await api.send('POST', '/subscriptions', {
      body: { fundId: '1' },
      token: client.token,
    });
    expect(opened.status).toBe(201);
    const out = await api.send('POST', '/auth/logout', {
      body: { refreshToken: client.refreshToken },
      token: client.token,
    });
    expect(out.status).toBe(204);

    const subscribe = await api.send('POST', '/subscriptions', {
      body: { fundId: '3' },
      token: client.token,
    });
    expect(subscribe.status).toBe(401);
    expect(subscribe.body).toMatchObject({ code: 'UNAUTHORIZED' });
    const id = opened.body.subscription.id as string;
    expect((await api.send('DELETE', `/subscriptions/${id}`, { token: client.token })).status).toBe(
      401,
    );
    const patch = await api.send('PATCH', '/me', { body: { fullName: 'X' }, token: client.token });
    expect(patch.status).toBe(401);
    // No money moved after the logout.
    const fresh = await api.send('POST', '/auth/login', {
      body: { email: client.email, password: PASSWORD },
    });
    const me = await api.send('GET', '/me', { token: fresh.body.accessToken as string });
    expect(me.body.balance).toBe('425000.00');
  });

  it('refuses the access tokens of a session revoked by refresh-token reuse', async () => {
    const { api } = await createTestApp();
    const client = await api.newClient();
    const rotated = await api.send('POST', '/auth/refresh', {
      body: { refreshToken: client.refreshToken },
    });
    expect(rotated.status).toBe(200);
    const newer = rotated.body.accessToken as string;
    // The old refresh token again: a thief or a confused client; the family is revoked.
    const reuse = await api.send('POST', '/auth/refresh', {
      body: { refreshToken: client.refreshToken },
    });
    expect(reuse.status).toBe(401);
    for (const token of [client.token, newer]) {
      const res = await api.send('POST', '/subscriptions', { body: { fundId: '1' }, token });
      expect(res.status).toBe(401);
    }
  });

  it('leaves the other sessions of the same client working', async () => {
    const { api } = await createTestApp();
    const client = await api.newClient();
    const phone = await api.send('POST', '/auth/login', {
      body: { email: client.email, password: PASSWORD },
    });
    await api.send('POST', '/auth/logout', {
      body: { refreshToken: client.refreshToken },
      token: client.token,
    });
    const res = await api.send('POST', '/subscriptions', {
      body: { fundId: '1' },
      token: phone.body.accessToken as string,
    });
    expect(res.status).toBe(201);
  });
});

describe('the 100,000 most common breached passwords are refused (ADR 0220)', () => {
  it('bundles the top-100000 list and keeps the entries the length rule would accept', () => {
    const list = BundledBreachedPasswords.load();
    expect(BREACHED_PASSWORDS_COUNT).toBe(100_000);
    expect(list.size).toBeGreaterThan(400);
    for (const common of [
      'qwerty123456',
      '1qaz2wsx3edc',
      'QWERTY123456',
      'ｑｗｅｒｔｙ１２３４５６',
    ]) {
      expect(list.includes(common), common).toBe(true);
    }
    for (const rare of [PASSWORD, 'caballo correcto batería grapa']) {
      expect(list.includes(rare), rare).toBe(false);
    }
  });

  it.each(['qwerty123456', 'Qwerty123456', '123qweasdzxc'])(
    'refuses to register with %s, with a clear 400',
    async (password) => {
      const { api } = await createTestApp();
      const res = await api.send('POST', '/auth/register', {
        body: {
          email: 'ana@example.com',
          password,
          fullName: 'Ana',
          notificationPreference: 'email',
        },
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'INVALID_PASSWORD', errors: [{ path: 'password' }] });
      expect(res.body.detail).toContain('filtraciones');
    },
  );
});
