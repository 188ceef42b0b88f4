/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { InMemoryRateLimitStore } from '@btg-funds/adapters-memory';
import { describe, expect, it } from 'vitest';
import { createRateLimits } from '../src/middleware/rate-limits.js';
import { createTestApp, PASSWORD } from './support/test-app.js';

const rule = (limit: number) => ({ limit, windowMs: 60_000 });

describe('rate limits', () => {
  it('throttles failed logins per account and address, without locking the client out', async () => {
    const { api } = await createTestApp({
      loginThrottle: {
        perAddress: { limit: 3, windowMs: 15 * 60_000 },
        perAccount: { limit: 50, windowMs: 15 * 60_000 },
      },
      overrides: { clientAddress: (c) => c.req.header('x-test-address') },
    });
    const victim = await api.newClient();
    const from = (address: string) => ({ 'x-test-address': address });
    const guess = { email: victim.email, password: 'adivinanza-equivocada' };
    for (let i = 0; i < 3; i += 1) {
      const res = await api.send('POST', '/auth/login', {
        body: guess,
        headers: from('10.0.0.66'),
      });
      expect(res.status).toBe(401);
    }
    const limited = await api.send('POST', '/auth/login', {
      body: { email: victim.email, password: PASSWORD },
      headers: from('10.0.0.66'),
    });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('TOO_MANY_LOGIN_FAILURES');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The client, from their own address, still signs in.
    const own = await api.send('POST', '/auth/login', {
      body: { email: victim.email, password: PASSWORD },
      headers: from('192.0.2.10'),
    });
    expect(own.status).toBe(200);
  });

  it('never throttles successful logins', async () => {
    const { api } = await createTestApp({
      loginThrottle: {
        perAddress: { limit: 2, windowMs: 60_000 },
        perAccount: { limit: 2, windowMs: 60_000 },
      },
    });
    const client = await api.newClient();
    for (let i = 0; i < 6; i += 1) {
      const res = await api.send('POST', '/auth/login', {
        body: { email: client.email, password: PASSWORD },
      });
      expect(res.status).toBe(200);
    }
  });

  it('limits auth per network address', async () => {
    const { api } = await createTestApp({
      config: {
        rateLimits: {
          enabled: true,
          authPerIp: rule(2),
          moneyPerClient: rule(100),
        },
      },
    });
    const send = (email: string) =>
      api.send('POST', '/auth/register', {
        body: { email, password: PASSWORD, fullName: 'X', notificationPreference: 'email' },
      });
    expect((await send('a@example.com')).status).toBe(201);
    expect((await send('b@example.com')).status).toBe(201);
    expect((await send('c@example.com')).status).toBe(429);
  });

  it('limits money routes per client', async () => {
    const { api } = await createTestApp({
      config: {
        rateLimits: {
          enabled: true,
          authPerIp: rule(100),
          moneyPerClient: rule(2),
        },
      },
    });
    const a = await api.newClient();
    const b = await api.newClient();
    const subscribe = (token: string, fundId: string) =>
      api.send('POST', '/subscriptions', { body: { fundId }, token });
    expect((await subscribe(a.token, '1')).status).toBe(201);
    expect((await subscribe(a.token, '3')).status).toBe(201);
    const limited = await subscribe(a.token, '5');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();
    expect((await api.send('GET', '/me', { token: a.token })).body.balance).toBe('375000.00');
    expect((await subscribe(b.token, '1')).status).toBe(201);
  });

  it('adds no layer to a route for a limit that is off, and one for a limit that is on', () => {
    const addressOf = () => '192.0.2.1';
    const off = createRateLimits(
      { enabled: false, authPerIp: rule(20), moneyPerClient: rule(30) },
      addressOf,
    );
    expect(off.authPerIp).toHaveLength(0);
    expect(off.moneyPerClient).toHaveLength(0);
    const zero = createRateLimits(
      { enabled: true, authPerIp: rule(0), moneyPerClient: rule(30) },
      addressOf,
    );
    expect(zero.authPerIp).toHaveLength(0);
    expect(zero.moneyPerClient).toHaveLength(1);
  });

  it('lets every money request through when limits are off', async () => {
    const { api } = await createTestApp({
      config: { rateLimits: { enabled: false, authPerIp: rule(1), moneyPerClient: rule(1) } },
    });
    const client = await api.newClient();
    const statuses: number[] = [];
    for (const fundId of ['1', '3', '5']) {
      const res = await api.send('POST', '/subscriptions', {
        body: { fundId },
        token: client.token,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201]);
  });

  it('holds one limit across instances that share a RateLimitStore', async () => {
    const shared = new InMemoryRateLimitStore();
    const config = {
      rateLimits: { enabled: true, authPerIp: rule(3), moneyPerClient: rule(100) },
    };
    const instances = [
      await createTestApp({ config, overrides: { rateLimitStore: shared } }),
      await createTestApp({ config, overrides: { rateLimitStore: shared } }),
    ];
    const body = { email: 'compartida@example.com', password: 'adivinanza-123' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const res = await instances[i % 2]!.api.send('POST', '/auth/login', { body });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    // Refused hits are not recorded: the window holds exactly the limit.
    const start = Math.floor(Date.now() / 60_000) * 60_000;
    const window = { start: new Date(start), end: new Date(start + 60_000) };
    expect(await shared.count('ip:unknown', window)).toBe(3);
  });

  it('holds one failed-login count across instances that share a RateLimitStore', async () => {
    const shared = new InMemoryRateLimitStore();
    const options = {
      loginThrottle: {
        perAddress: { limit: 3, windowMs: 15 * 60_000 },
        perAccount: { limit: 50, windowMs: 15 * 60_000 },
      },
      loginThrottleStore: shared,
    };
    const instances = [await createTestApp(options), await createTestApp(options)];
    const body = { email: 'compartida@example.com', password: 'adivinanza-123' };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await instances[i % 2]!.api.send('POST', '/auth/login', { body });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
