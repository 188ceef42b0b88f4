import { describe, expect, it } from 'vitest';
import { createTestApp } from './support/test-app.js';

describe('paths with a trailing slash', () => {
  it('answer like the same path without it, never 405', async () => {
    const { app } = await createTestApp();
    for (const path of ['/api/v1/funds', '/api/v1/funds/1', '/health', '/api/v1/docs']) {
      const plain = await app.request(path);
      const slashed = await app.request(`${path}/`);
      expect(slashed.status, `${path}/`).toBe(plain.status);
      expect(slashed.headers.get('content-type'), `${path}/`).toBe(
        plain.headers.get('content-type'),
      );
    }
    const funds = await app.request('/api/v1/funds/');
    expect(((await funds.json()) as { items: unknown[] }).items).toHaveLength(5);
  });

  it('keeps auth and method rules of the path without the slash', async () => {
    const { api } = await createTestApp();
    const noToken = await api.send('GET', '/me/');
    expect(noToken.status).toBe(401);
    const client = await api.newClient();
    const me = await api.send('GET', '/me/', { token: client.token });
    expect(me.status).toBe(200);
    const wrongMethod = await api.send('DELETE', '/funds/');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).not.toContain('DELETE');
  });

  it('answers 404 for unknown paths with or without the slash', async () => {
    const { app } = await createTestApp();
    expect((await app.request('/api/v1/nothing/')).status).toBe(404);
    expect((await app.request('/api/v1/nothing')).status).toBe(404);
  });
});

describe('GET /', () => {
  it('redirects to the interactive docs by default', async () => {
    const { app } = await createTestApp();
    const res = await app.request('/');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/api/v1/docs');
    const docs = await app.request(res.headers.get('location') ?? '');
    expect(docs.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('serves the handler the composition root gives (the web app, later)', async () => {
    const { app } = await createTestApp({
      overrides: { home: (c) => c.html('<h1>BTG Fondos</h1>') },
    });
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('BTG Fondos');
  });
});
