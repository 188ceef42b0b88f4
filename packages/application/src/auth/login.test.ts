import { aClient, registered } from '../testing/index.js';
import { LOGIN_PASSWORD as PASSWORD, loginFixture as setup } from '../testing/login-fixture.js';
import { Client } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_CONFIG } from './session-tokens.js';

describe('Login', () => {
  it('issues a bearer access token and a stored refresh token', async () => {
    const { storage, client, login, clock } = await setup();
    const pair = await login.execute({ email: 'ana@example.com', password: PASSWORD });
    expect(pair).toEqual({
      accessToken: `jwt:${client.id}:client`,
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshToken: 'rt-1',
    });
    expect(await storage.refreshTokens.find('d:rt-1')).toMatchObject({
      clientId: client.id,
      expiresAt: new Date(clock.now().getTime() + DEFAULT_SESSION_CONFIG.refreshTtlSeconds * 1000),
    });
  });

  it('finds the account whatever the case of the email', async () => {
    const { login } = await setup();
    await expect(
      login.execute({ email: ' ANA@Example.COM ', password: PASSWORD }),
    ).resolves.toMatchObject({
      tokenType: 'Bearer',
    });
  });

  it('answers unknown email and wrong password identically, checking a hash both times', async () => {
    const { login, verified } = await setup();
    const unknown = await login
      .execute({ email: 'nadie@example.com', password: PASSWORD })
      .catch((e: unknown) => e);
    const wrong = await login
      .execute({ email: 'ana@example.com', password: 'otra clave 123' })
      .catch((e: unknown) => e);
    const malformed = await login
      .execute({ email: 'not-an-email', password: PASSWORD })
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'Correo o contraseña incorrectos.',
    });
    for (const error of [wrong, malformed]) {
      expect(error).toEqual(unknown);
      expect(error).toMatchObject({ code: 'INVALID_CREDENTIALS', details: {} });
    }
    // Timing equalisation: a hash is verified even when there is no account.
    expect(verified).toHaveLength(3);
    expect(verified[1]).toBe(`h:${PASSWORD}`);
    expect(verified[0]).toMatch(/^h:dummy-/);
  });

  it('issues no refresh token on a failed login', async () => {
    const { storage, login } = await setup();
    await login
      .execute({ email: 'ana@example.com', password: 'otra clave 123' })
      .catch(() => undefined);
    expect(await storage.refreshTokens.find('d:rt-1')).toBeNull();
  });
});

describe('Login with addresses stored before normalization (ADR 0221)', () => {
  it('still signs in an account whose stored address is only lower-cased', async () => {
    const { storage, login } = await setup();
    // Stored before NFKC and the script checks: full-width letters, lower-cased only.
    const legacy = Client.restore({ ...aClient().toSnapshot(), email: 'ｂｅａ@example.com' });
    await storage.clients.add(registered(legacy, { passwordHash: `h:${PASSWORD}` }));
    const pair = await login.execute({ email: 'ＢＥＡ@example.com', password: PASSWORD });
    expect(pair.accessToken).toBe(`jwt:${legacy.id}:client`);
  });

  it('finds an account by any spelling that prints the same', async () => {
    const { client, login } = await setup();
    const pair = await login.execute({ email: 'ａｎａ@EXAMPLE.com', password: PASSWORD });
    expect(pair.accessToken).toBe(`jwt:${client.id}:client`);
  });
});
