import { LOGIN_PASSWORD as PASSWORD, loginFixture } from '../testing/login-fixture.js';
import { HashingNotStarted } from '../ports/index.js';
import { describe, expect, it } from 'vitest';

const policy = {
  perAddress: { limit: 5, windowMs: 15 * 60_000 },
  perAccount: { limit: 12, windowMs: 15 * 60_000 },
};

async function setup() {
  // At the start of a 4-hour window, so every tier starts together.
  const { clock, login, verified, storage } = await loginFixture({
    now: '2026-01-15T16:00:00.000Z',
    throttle: policy,
  });
  const attempt = (address: string, password = 'adivinanza equivocada') =>
    login.execute({ email: 'ana@example.com', password, address }).then(
      () => 'ok',
      (error: { code?: string; details?: { retryAfterSeconds?: number } }) =>
        error.code === 'TOO_MANY_LOGIN_FAILURES'
          ? `429 after ${error.details?.retryAfterSeconds}s`
          : (error.code ?? 'error'),
    );
  return { clock, attempt, checks: () => verified.length, storage };
}

describe('Login throttling counts failures only (ADR 0220)', () => {
  it('a login whose request was answered before its password check started counts as nothing', async () => {
    const { login, verified } = await loginFixture({ throttle: policy });
    const answered = { remainingMs: () => 0 };
    const late = (password: string) =>
      login.execute({
        email: 'ana@example.com',
        password,
        address: '10.0.0.9',
        deadline: answered,
      });
    for (let i = 0; i < 6; i += 1) {
      await expect(late('adivinanza equivocada')).rejects.toBeInstanceOf(HashingNotStarted);
    }
    await expect(late(PASSWORD)).rejects.toBeInstanceOf(HashingNotStarted);
    expect(verified).toEqual([]);
    // Six skipped checks recorded no failure: the right password still signs in from there.
    const session = await login.execute({
      email: 'ana@example.com',
      password: PASSWORD,
      address: '10.0.0.9',
      deadline: { remainingMs: () => 10_000 },
    });
    expect(session.accessToken).toMatch(/^jwt:/);
  });

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
