/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Api } from './support/test-app.js';

const ORIGIN = 'https://app.btg.example';

describe('CORS only where it matters (ADR 0700)', () => {
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    ctx = await createTestApp({ config: { corsOrigins: [ORIGIN] } });
  });
  const get = (headers: Record<string, string> = {}) =>
    ctx.app.request('/api/v1/funds', { headers });

  it('adds no CORS header without an Origin, but says the answer varies on it', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    for (const name of [
      'access-control-allow-origin',
      'access-control-expose-headers',
      'access-control-allow-methods',
    ]) {
      expect(res.headers.get(name)).toBeNull();
    }
    expect(res.headers.get('vary')).toBe('Origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('gives an allowed origin its headers on an actual request', async () => {
    const res = await get({ Origin: ORIGIN });
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('gives another origin nothing, with Vary: Origin', async () => {
    const res = await get({ Origin: 'https://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-expose-headers')).toBeNull();
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('still answers a preflight from an allowed origin', async () => {
    const res = await ctx.app.request('/api/v1/subscriptions/abc', {
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'DELETE',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(res.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('keeps Vary: Origin on errors and does not repeat it', async () => {
    const res = await ctx.app.request('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('vary')).toBe('Origin');
  });
});

describe('body limit from the framing headers', () => {
  let api: Api;
  beforeAll(async () => {
    ({ api } = await createTestApp({ config: { bodyLimitBytes: 64 } }));
  });

  it('refuses a declared oversize body with 413 and accepts a small one', async () => {
    const big = await api.send('POST', '/auth/login', {
      body: { email: 'a@example.com', password: 'x'.repeat(100) },
    });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    const small = await api.send('POST', '/auth/login', {
      body: { email: 'a@example.com', password: 'x' },
    });
    expect(small.status).not.toBe(413);
  });
});

describe('over real HTTP (@hono/node-server)', () => {
  let server: ServerType;
  let base: string;
  let api: Api;
  const maxBytes = 1024;
  beforeAll(async () => {
    const ctx = await createTestApp({ config: { bodyLimitBytes: maxBytes } });
    api = ctx.api;
    await new Promise<void>((resolve) => {
      server = serve({ fetch: ctx.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(
    () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  );

  it('cancels with a bodyless DELETE (no 415), as curl -X DELETE or fetch send it', async () => {
    const client = await api.newClient();
    const auth = { authorization: `Bearer ${client.token}` };
    const created = await fetch(`${base}/subscriptions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ fundId: '3' }),
    });
    expect(created.status).toBe(201);
    const { subscription } = (await created.json()) as { subscription: { id: string } };
    const cancelled = await fetch(`${base}/subscriptions/${subscription.id}`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(cancelled.status).toBe(200);
    const again = await fetch(`${base}/subscriptions/${subscription.id}`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(again.status).toBe(409);
  });

  it('still answers 415 to a DELETE that does carry a non-JSON body', async () => {
    const client = await api.newClient();
    const res = await fetch(`${base}/subscriptions/x`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${client.token}`, 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(res.status).toBe(415);
  });

  it('counts a chunked body (no Content-Length) against the limit', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i += 1) controller.enqueue(new Uint8Array(512).fill(0x20));
        controller.close();
      },
    });
    const res = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    });
    expect(res.status).toBe(413);
  });

  it('serves GET /funds with security headers and Vary: Origin', async () => {
    const res = await fetch(`${base}/funds`);
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toBe('Origin');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    // Public and shared: cacheable with revalidation (ADR 0704), never a personal answer.
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(((await res.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });
});
