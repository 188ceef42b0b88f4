/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Api } from './support/test-app.js';

describe('Idempotency-Key', () => {
  let api: Api;
  let token: string;
  let clientId: string;
  let storage: Awaited<ReturnType<typeof createTestApp>>['storage'];
  let clock: Awaited<ReturnType<typeof createTestApp>>['clock'];
  beforeEach(async () => {
    ({ api, storage, clock } = await createTestApp());
    ({ token, id: clientId } = await api.newClient());
  });
  const subscribe = (body: unknown, key: string) =>
    api.send('POST', '/subscriptions', { body, token, headers: { 'Idempotency-Key': key } });
  const balance = async () => (await api.send('GET', '/me', { token })).body.balance as string;

  it('replays the first answer with Idempotent-Replayed and moves money once', async () => {
    const first = await subscribe({ fundId: '1' }, 'key-1');
    const second = await subscribe({ fundId: '1' }, 'key-1');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await balance()).toBe('425000.00');
  });

  it('replays a business refusal identically', async () => {
    await subscribe({ fundId: '2', amount: 400000 }, 'big');
    const first = await subscribe({ fundId: '4' }, 'k-4');
    const second = await subscribe({ fundId: '4' }, 'k-4');
    expect(first.status).toBe(422);
    expect(second.status).toBe(422);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const history = await api.send('GET', '/transactions?status=failed', { token });
    expect(history.body.items).toHaveLength(1);
  });

  it('refuses the same key with a different body: 422 IDEMPOTENCY_KEY_REUSED', async () => {
    await subscribe({ fundId: '1' }, 'k');
    const res = await subscribe({ fundId: '3' }, 'k');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await balance()).toBe('425000.00');
  });

  it('answers 409 IDEMPOTENCY_KEY_IN_FLIGHT while the first attempt runs', async () => {
    // A first attempt that holds the key (as another request or instance would, mid-flight).
    const now = clock.now();
    await storage.idempotency.insertIfAbsent({
      clientId,
      key: 'busy',
      fingerprint: JSON.stringify(['subscribe', '1', null, null]),
      transactionId: 'tx-in-flight',
      state: 'in-flight',
      outcome: null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 86_400_000),
      lockedUntil: new Date(now.getTime() + 30_000),
    });
    const res = await subscribe({ fundId: '1' }, 'busy');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
    expect(await balance()).toBe('500000.00');
  });

  it('applies to cancellations too', async () => {
    const { body } = await subscribe({ fundId: '3' }, 's');
    const path = `/subscriptions/${body.subscription.id as string}`;
    const headers = { 'Idempotency-Key': 'c' };
    const first = await api.send('DELETE', path, { token, headers });
    const second = await api.send('DELETE', path, { token, headers });
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await balance()).toBe('500000.00');
  });

  it('validates the key: 1–255 visible ASCII characters', async () => {
    const long = await subscribe({ fundId: '1' }, 'x'.repeat(256));
    expect(long.status).toBe(400);
    expect(long.body.code).toBe('VALIDATION_ERROR');
    expect((await subscribe({ fundId: '1' }, 'x'.repeat(255))).status).toBe(201);
  });

  it('scopes keys to the caller', async () => {
    await subscribe({ fundId: '1' }, 'shared');
    const other = await api.newClient();
    const res = await api.send('POST', '/subscriptions', {
      body: { fundId: '1' },
      token: other.token,
      headers: { 'Idempotency-Key': 'shared' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
  });
});
