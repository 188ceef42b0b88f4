import { describe, expect, it, vi } from 'vitest';
import { createTestApp } from './support/test-app.js';

const ORIGIN = 'https://app.btg.example';
const rule = (limit: number) => ({ limit, windowMs: 60_000 });

/** What every API answer carries, whichever way it was built (ADR 0713). */
function expectEnvelope(headers: Headers, cacheControl = 'no-store'): void {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
  expect(headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  expect(headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=()');
  expect(headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
  // Exactly one value each: a default and a handler's own value must not both be sent.
  expect(headers.get('cache-control')).toBe(cacheControl);
  expect(headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
}

describe('answers built complete in one plain header object (ADR 0713)', () => {
  it('give every route that uses them the full envelope, once per header', async () => {
    const { api } = await createTestApp({ config: { corsOrigins: [ORIGIN] } });
    const client = await api.newClient();
    const token = client.token;

    const funds = await api.send('GET', '/funds');
    expectEnvelope(funds.headers, 'no-cache');
    expect(funds.headers.get('vary')).toBe('Origin');
    expect(funds.headers.get('content-type')).toBe('application/json');
    const unchanged = await api.send('GET', '/funds', {
      headers: { 'If-None-Match': funds.headers.get('etag')! },
    });
    expect(unchanged.status).toBe(304);
    expectEnvelope(unchanged.headers, 'no-cache');

    const created = await api.send('POST', '/subscriptions', { token, body: { fundId: '3' } });
    expect(created.status).toBe(201);
    expectEnvelope(created.headers);
    expect(created.headers.get('vary')).toBe('Origin');
    // answerJson labels its body once, as c.json() would.
    expect(created.headers.get('content-type')).toBe('application/json');
    const replayKey = { 'Idempotency-Key': 'plain-answer-key-1' };
    const keyed = await api.send('POST', '/subscriptions', {
      token,
      body: { fundId: '4' },
      headers: replayKey,
    });
    const replay = await api.send('POST', '/subscriptions', {
      token,
      body: { fundId: '4' },
      headers: replayKey,
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(keyed.headers.get('idempotent-replayed')).toBeNull();
    expectEnvelope(replay.headers);

    for (const path of ['/me', '/subscriptions?status=active', '/transactions?limit=5']) {
      const res = await api.send('GET', path, { token });
      expect(res.status, path).toBe(200);
      expectEnvelope(res.headers);
      expect(res.headers.get('vary'), path).toBe('Origin');
      expect(res.headers.get('content-type'), path).toBe('application/json');
    }
    const { subscription } = created.body as { subscription: { id: string } };
    const cancelled = await api.send('DELETE', `/subscriptions/${subscription.id}`, {
      token,
    });
    expect(cancelled.status).toBe(200);
    expectEnvelope(cancelled.headers);
  });

  it('are left alone by the envelope: no header is set on them afterwards', async () => {
    const { api } = await createTestApp();
    const client = await api.newClient();
    const token = client.token;
    const opened = await api.send('POST', '/subscriptions', { token, body: { fundId: '3' } });
    const { subscription, transaction } = opened.body as {
      subscription: { id: string };
      transaction: { id: string };
    };
    const set = vi.spyOn(Headers.prototype, 'set');
    const append = vi.spyOn(Headers.prototype, 'append');
    try {
      const me = await api.send('GET', '/me', { token });
      expect(me.status).toBe(200);
      // Every JSON answer of a route is built complete, not only the benchmarked ones.
      const reads = await Promise.all(
        [
          '/notifications',
          `/subscriptions/${subscription.id}`,
          `/transactions/${transaction.id}`,
          '/funds/3',
        ].map(async (path) => [path, (await api.send('GET', path, { token })).status]),
      );
      expect(reads.filter(([, status]) => status !== 200)).toEqual([]);
      const renamed = await api.send('PATCH', '/me', { token, body: { fullName: 'Otro Nombre' } });
      expect(renamed.status).toBe(200);
      expectEnvelope(renamed.headers);
      // Problems too (ADR 0734): a 404, a refusal, and a 401 with its own WWW-Authenticate.
      const missing = await api.send('GET', '/subscriptions/none', { token: client.token });
      expect(missing.status).toBe(404);
      expectEnvelope(missing.headers);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
      expect(missing.headers.get('vary')).toBe('Origin');
      const again = await api.send('POST', '/subscriptions', { token, body: { fundId: '3' } });
      expect(again.status).toBe(409);
      expectEnvelope(again.headers);
      const anonymous = await api.send('GET', '/me', { token: 'not-a-token' });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expectEnvelope(anonymous.headers);
      expect(set).not.toHaveBeenCalled();
      expect(append).not.toHaveBeenCalled();
      // Control: an answer made with c.json() (liveness) is completed by the envelope.
      const alive = await api.send('GET', '/health');
      expect(alive.status).toBe(200);
      expect(set).toHaveBeenCalledWith('X-Request-Id', expect.any(String));
      expectEnvelope(alive.headers);
    } finally {
      set.mockRestore();
      append.mockRestore();
    }
  });

  it('give way to CORS: an allowed origin gets its CORS headers and the envelope', async () => {
    const { api } = await createTestApp({ config: { corsOrigins: [ORIGIN] } });
    const client = await api.newClient();
    const res = await api.send('GET', '/me', {
      token: client.token,
      headers: { Origin: ORIGIN },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('vary')).toBe('Origin');
    expectEnvelope(res.headers);
    expect(res.headers.get('content-type')).toBe('application/json');
  });

  it('are built complete under a rate limit too, with its RateLimit headers (ADR 0737)', async () => {
    const { api } = await createTestApp({
      config: { rateLimits: { enabled: true, authPerIp: rule(100), moneyPerClient: rule(3) } },
    });
    const client = await api.newClient();
    const set = vi.spyOn(Headers.prototype, 'set');
    const append = vi.spyOn(Headers.prototype, 'append');
    try {
      const created = await api.send('POST', '/subscriptions', {
        token: client.token,
        body: { fundId: '3' },
      });
      expect(created.status).toBe(201);
      expect(created.headers.get('ratelimit-policy')).toBe('3;w=60');
      expect(created.headers.get('ratelimit')).toMatch(/^limit=3, remaining=2, reset=\d+$/);
      expectEnvelope(created.headers);
      expect(created.headers.get('vary')).toBe('Origin');
      // A refusal of the route counts and says so as well.
      const again = await api.send('POST', '/subscriptions', {
        token: client.token,
        body: { fundId: '3' },
      });
      expect(again.status).toBe(409);
      expect(again.headers.get('ratelimit')).toMatch(/^limit=3, remaining=1, reset=\d+$/);
      expectEnvelope(again.headers);
      const { subscription } = created.body as { subscription: { id: string } };
      const cancelled = await api.send('DELETE', `/subscriptions/${subscription.id}`, {
        token: client.token,
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.headers.get('ratelimit')).toMatch(/^limit=3, remaining=0, reset=\d+$/);
      // Over the limit: 429 with when to come back, the count, and the envelope.
      const limited = await api.send('POST', '/subscriptions', {
        token: client.token,
        body: { fundId: '3' },
      });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('ratelimit')).toMatch(/^limit=3, remaining=0, reset=\d+$/);
      expect(limited.headers.get('ratelimit-policy')).toBe('3;w=60');
      expectEnvelope(limited.headers);
      expect(set).not.toHaveBeenCalled();
      expect(append).not.toHaveBeenCalled();
    } finally {
      set.mockRestore();
      append.mockRestore();
    }
  });

  it('under CORS and a rate limit, get both from the envelope', async () => {
    const { api } = await createTestApp({
      config: {
        corsOrigins: [ORIGIN],
        rateLimits: { enabled: true, authPerIp: rule(100), moneyPerClient: rule(50) },
      },
    });
    const client = await api.newClient();
    const created = await api.send('POST', '/subscriptions', {
      token: client.token,
      body: { fundId: '3' },
      headers: { Origin: ORIGIN },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(created.headers.get('ratelimit')).toMatch(/^limit=50, remaining=49, reset=\d+$/);
    expectEnvelope(created.headers);
  });
});
