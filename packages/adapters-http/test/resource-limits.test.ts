/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD } from './support/test-app.js';

const login = { email: 'ana@example.com', password: PASSWORD };

describe('resource limits: the validation answer never grows with the input (ADR 0222)', () => {
  it('lists at most 20 field errors, and says how many there were', async () => {
    const { app } = await createTestApp();
    const unknown = Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`campo${i}`, 1]));
    const body = JSON.stringify({ ...login, ...unknown });
    expect(body.length).toBeGreaterThan(13_000);
    const res = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
      body,
    });
    const text = await res.text();
    const problem = JSON.parse(text) as { code: string; errors: unknown[]; detail: string };
    expect(res.status).toBe(400);
    expect(problem.code).toBe('VALIDATION_ERROR');
    expect(problem.errors).toHaveLength(20);
    expect(problem.detail).toContain('se muestran 20 de 1200 errores');
    expect(text.length).toBeLessThan(4_000);
  });

  it('cuts a field name that is as long as the body allows', async () => {
    const { api } = await createTestApp();
    const res = await api.send('POST', '/auth/login', {
      body: { ...login, ['x'.repeat(10_000)]: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path.length).toBeLessThanOrEqual(120);
    expect(res.body.errors[0].message.length).toBeLessThanOrEqual(120);
  });
});

describe('GET /subscriptions pages like the history (ADR 0222)', () => {
  it('gives 20 and a cursor to a caller that sends neither, and walks the rest with it', async () => {
    const { api } = await createTestApp();
    const client = await api.newClient();
    for (let i = 0; i < 23; i += 1) {
      const opened = await api.send('POST', '/subscriptions', {
        body: { fundId: '3' },
        token: client.token,
      });
      expect(opened.status).toBe(201);
      const id = opened.body.subscription.id as string;
      const cancelled = await api.send('DELETE', `/subscriptions/${id}`, { token: client.token });
      expect(cancelled.status).toBe(200);
    }
    const first = await api.send('GET', '/subscriptions', { token: client.token });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(20);
    expect(typeof first.body.nextCursor).toBe('string');
    const rest = await api.send(
      'GET',
      `/subscriptions?status=cancelled&limit=100&cursor=${first.body.nextCursor as string}`,
      { token: client.token },
    );
    expect(rest.body.items).toHaveLength(3);
    expect(rest.body.nextCursor).toBeNull();
    const bad = await api.send('GET', '/subscriptions?cursor=%25%25', { token: client.token });
    expect([bad.status, bad.body.code]).toEqual([400, 'INVALID_CURSOR']);
  });
});
