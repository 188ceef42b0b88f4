import {
  FixedClock,
  SequentialIdGenerator,
  createInMemoryStorage,
} from '@btg-funds/adapters-memory';
import { describe, expect, it } from 'vitest';
import type { PasswordHasher, SecretTokens, TokenIssuer } from '../ports/index.js';
import { Login } from './login.js';
import { LoginThrottle } from './login-throttle.js';
import { RegisterClient } from './register-client.js';
import { DEFAULT_SESSION_CONFIG } from './session-tokens.js';

const PASSWORD = 'una clave segura';
const policy = {
  perAddress: { limit: 5, windowMs: 15 * 60_000 },
  perAccount: { limit: 12, windowMs: 15 * 60_000 },
};

async function setup() {
  const storage = createInMemoryStorage();
  // At the start of a 4-hour window, so every tier starts together.
  const clock = new FixedClock('2026-01-15T16:00:00.000Z');
  const ids = new SequentialIdGenerator();
  let checks = 0;
  const hasher: PasswordHasher = {
    hash: (password) => Promise.resolve(`h:${password}`),
    verify: (password, hash) => {
      checks += 1;
      return Promise.resolve(hash === `h:${password}`);
    },
  };
  const issuer: TokenIssuer = {
    issue: (claims) => Promise.resolve({ token: `jwt:${claims.clientId}`, expiresIn: 900 }),
  };
  const secrets: SecretTokens = { generate: () => ids.next(), digest: (t) => `d:${t}` };
  await new RegisterClient({ ...storage, hasher, ids, clock }).execute({
    email: 'ana@example.com',
    password: PASSWORD,
    fullName: 'Ana',
    notificationPreference: 'email',
  });
  const login = new Login({
    ...storage,
    hasher,
    ids,
    issuer,
    secrets,
    clock,
    config: DEFAULT_SESSION_CONFIG,
    throttle: new LoginThrottle(storage.rateLimits, clock, policy),
  });
  const attempt = (address: string, password = 'adivinanza equivocada') =>
    login.execute({ email: 'ana@example.com', password, address }).then(
      () => 'ok',
      (error: { code?: string; details?: { retryAfterSeconds?: number } }) =>
        error.code === 'TOO_MANY_LOGIN_FAILURES'
          ? `429 after ${error.details?.retryAfterSeconds}s`
          : (error.code ?? 'error'),
    );
  return { clock, attempt, checks: () => checks, storage };
}

describe('Login throttling counts failures only (ADR 0220)', () => {
  it('five wrong passwords from one address lock out that address, not the client', async () => {
    const { attempt } = await setup();
    for (let i = 0; i < 5; i += 1) expect(await attempt('10.0.0.66')).toBe('INVALID_CREDENTIALS');
    expect(await attempt('10.0.0.66', PASSWORD)).toBe('429 after 900s');
    // The real client, from home, signs in.
    expect(await attempt('192.0.2.10', PASSWORD)).toBe('ok');
  });

  it('does not count successful logins', async () => {
    const { attempt } = await setup();
    for (let i = 0; i < 20; i += 1) expect(await attempt('192.0.2.10', PASSWORD)).toBe('ok');
  });

  it('checks no password while blocked, and records nothing more', async () => {
    const { attempt, checks } = await setup();
    for (let i = 0; i < 5; i += 1) await attempt('10.0.0.66');
    const before = checks();
    for (let i = 0; i < 10; i += 1) await attempt('10.0.0.66');
    expect(checks()).toBe(before);
  });

  it('stops a guesser spread over many addresses at the per-account ceiling', async () => {
    const { attempt } = await setup();
    for (let i = 0; i < 12; i += 1) {
      expect(await attempt(`10.0.${i}.1`)).toBe('INVALID_CREDENTIALS');
    }
    expect(await attempt('10.0.99.1')).toMatch(/^429 /);
  });

  it('backs off: after the first window, the next failures block for longer', async () => {
    const { attempt, clock } = await setup();
    for (let i = 0; i < 5; i += 1) await attempt('10.0.0.66');
    clock.advance(15 * 60_000);
    for (let i = 0; i < 5; i += 1) expect(await attempt('10.0.0.66')).toBe('INVALID_CREDENTIALS');
    // Ten failures within the hour: blocked until the hour ends (45 minutes), not 15.
    expect(await attempt('10.0.0.66')).toBe(`429 after ${45 * 60}s`);
  });
});
