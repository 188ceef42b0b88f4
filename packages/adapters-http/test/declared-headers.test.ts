/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { serve, type ServerType } from '@hono/node-server';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Api } from './support/test-app.js';

describe('Idempotency-Key read by name on the money routes (ADR 0719)', () => {
  let api: Api;
  let token: string;
  beforeAll(async () => {
    ({ api } = await createTestApp());
    ({ token } = await api.newClient());
  });
  const balance = async () => (await api.send('GET', '/me', { token })).body.balance as string;

  it('refuses a bad key on either route with the usual 400, and changes nothing', async () => {
    const before = await balance();
    const refused = await api.send('POST', '/subscriptions', {
      token,
      body: { fundId: '3' },
      headers: { 'Idempotency-Key': 'con espacio' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_ERROR');
    expect(refused.body.errors).toEqual([
      { path: 'Idempotency-Key', message: expect.any(String) as string },
    ]);
    expect(await balance()).toBe(before);

    const opened = await api.send('POST', '/subscriptions', { token, body: { fundId: '3' } });
    const id = opened.body.subscription.id as string;
    const cancel = await api.send('DELETE', `/subscriptions/${id}`, {
      token,
      headers: { 'Idempotency-Key': 'x'.repeat(256) },
    });
    expect(cancel.status).toBe(400);
    expect(cancel.body.errors[0].path).toBe('Idempotency-Key');
    const still = await api.send('GET', `/subscriptions/${id}`, { token });
    expect(still.body.status).toBe('active');
    await api.send('DELETE', `/subscriptions/${id}`, { token });
  });

  it('matches the header name in any case', async () => {
    const first = await api.send('POST', '/subscriptions', {
      token,
      body: { fundId: '3' },
      headers: { 'idempotency-key': 'any-case-1' },
    });
    const again = await api.send('POST', '/subscriptions', {
      token,
      body: { fundId: '3' },
      headers: { 'IDEMPOTENCY-KEY': 'any-case-1' },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    await api.send('DELETE', `/subscriptions/${first.body.subscription.id as string}`, { token });
  });
});

describe('over real HTTP (@hono/node-server)', () => {
  let server: ServerType;
  let port = 0;
  let token = '';
  beforeAll(async () => {
    const ctx = await createTestApp();
    ({ token } = await ctx.api.newClient());
    await new Promise<void>((resolve) => {
      server = serve({ fetch: ctx.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(
    () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  );

  /** node:http, not fetch: the client side builds no WHATWG Headers of its own. */
  const post = (key: string | string[]) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const body = '{"fundId":"3"}';
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/subscriptions',
          // An array value goes out as one header line per value.
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'Content-Length': String(body.length),
            'Idempotency-Key': key,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  it('builds no Headers object from the request to find the key', async () => {
    const append = vi.spyOn(Headers.prototype, 'append');
    try {
      const res = await post('over-http-1');
      expect(res.status, res.body).toBe(201);
      expect(append).not.toHaveBeenCalled();
    } finally {
      append.mockRestore();
    }
  });

  it('sees a repeated key joined, as Headers.get would, and refuses it', async () => {
    const res = await post(['a', 'b']);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).errors[0].path).toBe('Idempotency-Key');
  });
});
