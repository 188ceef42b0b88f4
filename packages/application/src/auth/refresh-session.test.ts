import {
  FixedClock,
  SequentialIdGenerator,
  createInMemoryStorage,
} from '@btg-funds/adapters-memory';
import { describe, expect, it } from 'vitest';
import type { PasswordHasher, SecretTokens, TokenIssuer } from '../ports/index.js';
import { Login } from './login.js';
import { Logout } from './logout.js';
import { RefreshSession } from './refresh-session.js';
import { RegisterClient } from './register-client.js';

const PASSWORD = 'una clave segura';
/** One hour idle, twelve hours at most. */
const config = { refreshTtlSeconds: 3600, sessionTtlSeconds: 12 * 3600 };

function setup() {
  const storage = createInMemoryStorage();
  const clock = new FixedClock();
  const ids = new SequentialIdGenerator();
  const hasher: PasswordHasher = {
    hash: (password) => Promise.resolve(`h:${password}`),
    verify: (password, hash) => Promise.resolve(hash === `h:${password}`),
  };
  const issuer: TokenIssuer = {
    issue: (claims) => Promise.resolve({ token: `jwt:${claims.clientId}`, expiresIn: 900 }),
  };
  let n = 0;
  const secrets: SecretTokens = { generate: () => `rt-${(n += 1)}`, digest: (t) => `d:${t}` };
  const register = new RegisterClient({ ...storage, hasher, ids, clock });
  const deps = { ...storage, hasher, ids, issuer, secrets, clock, config };
  const login = new Login(deps);
  const refresh = new RefreshSession(deps);
  const logout = new Logout(deps);
  const signUp = async (email: string) => {
    const profile = await register.execute({
      email,
      password: PASSWORD,
      fullName: 'Ana',
      notificationPreference: 'email',
    });
    return {
      id: profile.id,
      token: (await login.execute({ email, password: PASSWORD })).refreshToken,
    };
  };
  const rotate = async (refreshToken: string) =>
    (await refresh.execute({ refreshToken })).refreshToken;
  return { clock, signUp, refresh, rotate, logout, storage };
}

const invalid = { code: 'INVALID_REFRESH_TOKEN' };

describe('RefreshSession', () => {
  it('rotates: each refresh gives a new pair, and the old refresh token stops working', async () => {
    const { signUp, refresh, rotate } = setup();
    const { id, token: first } = await signUp('ana@example.com');
    const pair = await refresh.execute({ refreshToken: first });
    expect(pair).toMatchObject({ accessToken: `jwt:${id}`, tokenType: 'Bearer', expiresIn: 900 });
    expect(pair.refreshToken).not.toBe(first);
    const third = await rotate(pair.refreshToken);
    expect(await rotate(third)).toMatch(/^rt-/);
    await expect(refresh.execute({ refreshToken: first })).rejects.toMatchObject(invalid);
  });

  it('revokes the whole family when a used token is presented again', async () => {
    const { signUp, refresh, rotate } = setup();
    const { token: first } = await signUp('ana@example.com');
    const second = await rotate(first);
    await expect(refresh.execute({ refreshToken: first })).rejects.toMatchObject(invalid);
    await expect(refresh.execute({ refreshToken: second })).rejects.toMatchObject(invalid);
  });

  it('revokes only the family of the reused token', async () => {
    const { signUp, refresh, rotate } = setup();
    const ana = await signUp('ana@example.com');
    const luis = await signUp('luis@example.com');
    await rotate(ana.token);
    await refresh.execute({ refreshToken: ana.token }).catch(() => undefined);
    expect(await rotate(luis.token)).toMatch(/^rt-/);
  });

  it('refuses an expired refresh token', async () => {
    const { signUp, refresh, rotate, clock } = setup();
    const { token } = await signUp('ana@example.com');
    clock.advance(3600 * 1000 - 1);
    const fresh = await rotate(token);
    clock.advance(3600 * 1000);
    await expect(refresh.execute({ refreshToken: fresh })).rejects.toMatchObject(invalid);
  });

  it('ends a session at its absolute lifetime, however active it was (ADR 0220)', async () => {
    const { signUp, refresh, rotate, clock } = setup();
    let { token } = await signUp('ana@example.com');
    // Refreshed every 20 minutes, well inside the idle limit, for just under twelve hours.
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      clock.advance(20 * 60_000);
      token = await rotate(token);
    }
    clock.advance(20 * 60_000);
    await expect(refresh.execute({ refreshToken: token })).rejects.toMatchObject(invalid);
  });

  it('gives the last refresh token of a session no idle time past the session end', async () => {
    const { signUp, rotate, storage } = setup();
    const { token } = await signUp('ana@example.com');
    const next = await rotate(token);
    const record = await storage.refreshTokens.find(`d:${next}`);
    expect(record!.expiresAt.getTime()).toBeLessThanOrEqual(record!.sessionExpiresAt.getTime());
    expect(record!.sessionExpiresAt).toEqual(
      (await storage.refreshTokens.find(`d:${token}`))!.sessionExpiresAt,
    );
  });

  it('refuses an unknown refresh token', async () => {
    const { refresh } = setup();
    await expect(refresh.execute({ refreshToken: 'rt-forged' })).rejects.toMatchObject(invalid);
  });
});

describe('Logout', () => {
  it('revokes the session: neither the token nor its successors refresh any more', async () => {
    const { signUp, refresh, rotate, logout } = setup();
    const { id, token } = await signUp('ana@example.com');
    const next = await rotate(token);
    await logout.execute({ clientId: id, refreshToken: token });
    await expect(refresh.execute({ refreshToken: next })).rejects.toMatchObject(invalid);
  });

  it("ignores another client's token and unknown tokens", async () => {
    const { signUp, rotate, logout } = setup();
    const ana = await signUp('ana@example.com');
    const luis = await signUp('luis@example.com');
    await logout.execute({ clientId: luis.id, refreshToken: ana.token });
    await expect(
      logout.execute({ clientId: luis.id, refreshToken: 'nope' }),
    ).resolves.toBeUndefined();
    expect(await rotate(ana.token)).toMatch(/^rt-/);
  });

  it('is idempotent', async () => {
    const { signUp, logout } = setup();
    const { id, token } = await signUp('ana@example.com');
    await logout.execute({ clientId: id, refreshToken: token });
    await expect(logout.execute({ clientId: id, refreshToken: token })).resolves.toBeUndefined();
  });
});
