/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Api } from './support/test-app.js';

describe('transactions and notifications', () => {
  let api: Api;
  let token: string;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  beforeEach(async () => {
    ctx = await createTestApp();
    api = ctx.api;
    const client = await api.newClient({ phone: '+573001234567' });
    // Notified only once both destinations are proved theirs (ADR 0405).
    await api.verify(client, '+573001234567');
    token = client.token;
    for (const fundId of ['1', '2', '3']) {
      ctx.clock.advance(1000);
      await api.send('POST', '/subscriptions', { token, body: { fundId } });
    }
  });

  it('pages the history newest first with a cursor', async () => {
    const first = await api.send('GET', '/transactions?limit=2', { token });
    expect(first.status).toBe(200);
    expect(first.body.items.map((t: { fundId: string }) => t.fundId)).toEqual(['3', '2']);
    expect(first.body.items[0].createdAt).toBe('2026-01-15T15:00:03.000Z');
    const second = await api.send(
      'GET',
      `/transactions?limit=2&cursor=${first.body.nextCursor as string}`,
      { token },
    );
    expect(second.body.items.map((t: { fundId: string }) => t.fundId)).toEqual(['1']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('filters by fund, type and status', async () => {
    const res = await api.send('GET', '/transactions?fundId=2&type=subscription&status=completed', {
      token,
    });
    expect(res.body.items).toHaveLength(1);
    expect(
      (await api.send('GET', '/transactions?type=cancellation', { token })).body.items,
    ).toEqual([]);
  });

  it.each([['limit=0'], ['limit=101'], ['limit=abc'], ['type=refund'], ['status=ok']])(
    'refuses %s with 400 VALIDATION_ERROR',
    async (query) => {
      const res = await api.send('GET', `/transactions?${query}`, { token });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_ERROR');
    },
  );

  it('refuses a forged cursor with 400 INVALID_CURSOR', async () => {
    const res = await api.send('GET', '/transactions?cursor=bm90LWEtY3Vyc29y', { token });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_CURSOR');
  });

  it('gets one transaction or 404 TRANSACTION_NOT_FOUND', async () => {
    const [tx] = (await api.send('GET', '/transactions', { token })).body.items;
    expect((await api.send('GET', `/transactions/${tx.id as string}`, { token })).body).toEqual(tx);
    const missing = await api.send('GET', '/transactions/nope', { token });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('TRANSACTION_NOT_FOUND');
  });

  it('lists notifications with the destination masked', async () => {
    await api.send('POST', '/subscriptions', { token, body: { fundId: '5', notify: 'sms' } });
    const res = await api.send('GET', '/notifications', { token });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(4);
    const [sms, email] = res.body.items;
    expect(sms).toMatchObject({
      channel: 'sms',
      destination: '+57******4567',
      status: 'pending',
      attempts: 0,
      sentAt: null,
    });
    expect(email.destination).toMatch(/^c\*\*\*[a-z0-9]@example\.com$/);
    expect(JSON.stringify(res.body)).not.toContain('3001234567');
    expect(res.body.items.every((n: { reason: unknown }) => n.reason === null)).toBe(true);
  });

  it('records a notification to an unverified destination as not sent, saying why', async () => {
    const stranger = await api.newClient({ phone: '+573001234567' });
    const res = await api.send('POST', '/subscriptions', {
      token: stranger.token,
      body: { fundId: '5', notify: 'sms' },
    });
    expect(res.status).toBe(201);
    const list = await api.send('GET', '/notifications', { token: stranger.token });
    expect(list.body.items).toEqual([
      expect.objectContaining({
        channel: 'sms',
        status: 'failed',
        attempts: 0,
        reason: {
          code: 'DESTINATION_NOT_VERIFIED',
          message: expect.stringContaining('no está verificado') as unknown,
        },
      }),
    ]);
    expect(ctx.outbox.messages.filter((m) => m.transactionId === res.body.transaction.id)).toEqual(
      [],
    );
  });
});

describe('admin', () => {
  it('lists clients, gets one, and reads their history; clients get 403', async () => {
    const { api } = await createTestApp();
    const client = await api.newClient();
    await api.send('POST', '/subscriptions', { token: client.token, body: { fundId: '1' } });
    const admin = await api.adminToken();
    const page = await api.send('GET', '/admin/clients?limit=1', { token: admin });
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const next = await api.send('GET', `/admin/clients?cursor=${page.body.nextCursor as string}`, {
      token: admin,
    });
    expect(next.body.items.map((c: { id: string }) => c.id)).toContain(client.id);
    const one = await api.send('GET', `/admin/clients/${client.id}`, { token: admin });
    expect(one.body).toMatchObject({ id: client.id, balance: '425000.00' });
    const history = await api.send('GET', `/admin/clients/${client.id}/transactions`, {
      token: admin,
    });
    expect(history.body.items).toHaveLength(1);
    expect((await api.send('GET', '/admin/clients/nope', { token: admin })).status).toBe(404);
    expect(
      (await api.send('GET', '/admin/clients/nope/transactions', { token: admin })).body.code,
    ).toBe('CLIENT_NOT_FOUND');
    expect((await api.send('GET', '/admin/clients', { token: client.token })).status).toBe(403);
    expect((await api.send('GET', '/admin/clients')).status).toBe(401);
  });
});
