/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { describe, expect, it } from 'vitest';
import { createTestApp } from './support/test-app.js';

describe('HTTP protocol edges', () => {
  it('answers an unknown route with a 404 problem', async () => {
    const { api } = await createTestApp();
    const res = await api.send('GET', '/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const { api } = await createTestApp();
    const res = await api.send('PUT', '/funds/1', { body: {} });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS, PATCH');
    expect(res.body.code).toBe('METHOD_NOT_ALLOWED');
    expect((await api.send('DELETE', '/funds')).headers.get('allow')).toBe(
      'GET, HEAD, OPTIONS, POST',
    );
  });

  it('answers malformed JSON with 400 VALIDATION_ERROR', async () => {
    const { api } = await createTestApp();
    const res = await api.send('POST', '/auth/login', { body: '{"email": ' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_ERROR');
  });

  it('answers a non-JSON body with 415', async () => {
    const { api } = await createTestApp();
    const res = await api.send('POST', '/auth/login', {
      body: 'email=a@b.co&password=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const none = await api.app.request('/api/v1/auth/login', { method: 'POST', body: '{}' });
    expect([400, 415]).toContain(none.status);
  });

  it('answers an oversize body with 413', async () => {
    const { api } = await createTestApp({ config: { bodyLimitBytes: 1024 } });
    const res = await api.send('POST', '/auth/register', {
      body: { email: 'a@b.co', password: 'x'.repeat(2000) },
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('puts secure headers on every response, errors included', async () => {
    const { api } = await createTestApp();
    // The public fund list may be kept and revalidated with its ETag (ADR 0704); nothing else.
    for (const [path, cacheControl] of [
      ['/funds', 'no-cache'],
      ['/me', 'no-store'],
    ] as const) {
      const res = await api.send('GET', path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe(cacheControl);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('echoes a sane X-Request-Id and replaces an insane one', async () => {
    const { api } = await createTestApp();
    const sane = await api.send('GET', '/funds', { headers: { 'X-Request-Id': 'abc-123.x:y' } });
    expect(sane.headers.get('x-request-id')).toBe('abc-123.x:y');
    const insane = await api.send('GET', '/nope', {
      headers: { 'X-Request-Id': 'bad id<script>' },
    });
    expect(insane.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows CORS only for configured origins', async () => {
    const { app } = await createTestApp({ config: { corsOrigins: ['https://app.btg.example'] } });
    const preflight = (origin: string) =>
      app.request('/api/v1/subscriptions', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const good = await preflight('https://app.btg.example');
    expect(good.headers.get('access-control-allow-origin')).toBe('https://app.btg.example');
    expect(good.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    const evil = await preflight('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await app.request('/api/v1/funds', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('turns an unexpected failure into a 500 problem without internals', async () => {
    const reported: unknown[] = [];
    const { api } = await createTestApp({
      overrides: { onError: (error) => reported.push(error) },
      useCases: {
        listFunds: { execute: () => Promise.reject(new Error('db password is hunter2')) },
      },
    });
    const res = await api.send('GET', '/funds');
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    expect(JSON.stringify(res.body)).not.toContain('stack');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reported).toHaveLength(1);
  });

  it('logs one entry per request with the route pattern and the client id', async () => {
    const entries: { route: string; status: number; clientId: string | null }[] = [];
    const { api } = await createTestApp({ overrides: { onRequest: (e) => entries.push(e) } });
    const client = await api.newClient();
    await api.send('GET', '/subscriptions/abc', { token: client.token });
    await api.send('GET', '/some/raw/path');
    expect(entries.at(-2)).toMatchObject({
      route: '/api/v1/subscriptions/:id',
      status: 404,
      clientId: client.id,
    });
    expect(entries.at(-1)).toMatchObject({ route: '(unmatched)', status: 404, clientId: null });
  });
});
