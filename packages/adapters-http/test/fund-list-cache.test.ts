/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { describe, expect, it } from 'vitest';
import { createTestApp } from './support/test-app.js';

/** The test app, with the store's fund list reads counted. */
async function countedApp(config = {}) {
  const app = await createTestApp({ config });
  const read = app.storage.funds.list.bind(app.storage.funds);
  const counter = { reads: 0, fail: false };
  app.storage.funds.list = () => {
    counter.reads += 1;
    return counter.fail ? Promise.reject(new Error('store down')) : read();
  };
  return { ...app, counter };
}

describe('GET /funds from one precomputed body (ADR 0704)', () => {
  it('reads the store once for many callers, those arriving together included', async () => {
    const { api, counter } = await countedApp();
    const together = await Promise.all(Array.from({ length: 10 }, () => api.send('GET', '/funds')));
    const later = await api.send('GET', '/funds');
    expect(counter.reads).toBe(1);
    for (const res of [...together, later]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.body.items.map((f: { id: string }) => f.id)).toEqual(['1', '2', '3', '4', '5']);
    }
    expect(new Set([...together, later].map((r) => r.headers.get('etag'))).size).toBe(1);
  });

  it('answers 304 without a body to the ETag the caller holds, 200 to anything else', async () => {
    const { api } = await countedApp();
    const first = await api.send('GET', '/funds');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"otra", ${etag}`, '*']) {
      const res = await api.send('GET', '/funds', { headers: { 'If-None-Match': ifNoneMatch } });
      expect(res.status, ifNoneMatch).toBe(304);
      expect(res.body).toBeNull();
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('x-request-id')).toBeTruthy();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    for (const ifNoneMatch of ['"otra"', etag.slice(0, -2) + '"', '', 'basura sin comillas']) {
      const res = await api.send('GET', '/funds', { headers: { 'If-None-Match': ifNoneMatch } });
      expect(res.status, ifNoneMatch).toBe(200);
      expect(res.body.items).toHaveLength(5);
    }
  });

  it("shows an admin's change on the next request, under a new ETag", async () => {
    const { api } = await countedApp();
    const before = await api.send('GET', '/funds');
    const admin = await api.adminToken();
    const patched = await api.send('PATCH', '/funds/3', {
      body: { name: 'DEUDA_PRIVADA_II' },
      token: admin,
    });
    expect(patched.status).toBe(200);
    const after = await api.send('GET', '/funds', {
      headers: { 'If-None-Match': before.headers.get('etag')! },
    });
    expect(after.status).toBe(200);
    expect(after.body.items[2].name).toBe('DEUDA_PRIVADA_II');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));

    const fund = { id: '6', name: 'FIC_NUEVO', minimumAmount: '10000', category: 'FIC' };
    expect((await api.send('POST', '/funds', { body: fund, token: admin })).status).toBe(201);
    const listed = await api.send('GET', '/funds');
    expect(listed.body.items.map((f: { id: string }) => f.id)).toContain('6');
  });

  it('keeps no failed read: the next caller reads the store again', async () => {
    const { api, counter } = await countedApp();
    counter.fail = true;
    const failed = await api.send('GET', '/funds');
    expect(failed.status).toBe(500);
    expect(failed.body.code).toBe('INTERNAL_ERROR');
    counter.fail = false;
    const res = await api.send('GET', '/funds');
    expect(res.status).toBe(200);
    expect(counter.reads).toBe(2);
  });

  it("reads again once the body is older than fundListMaxAgeMs (another instance's edit)", async () => {
    const { api, storage, counter } = await countedApp({ fundListMaxAgeMs: 0 });
    await api.send('GET', '/funds');
    // Another instance, sharing the store, deactivates a fund: this one never heard of it.
    const fund = (await storage.funds.findById('4'))!;
    await storage.funds.update(fund.update({ active: false }));
    const res = await api.send('GET', '/funds');
    expect(res.body.items[3]).toMatchObject({ id: '4', active: false });
    expect(counter.reads).toBe(2);
  });
});
