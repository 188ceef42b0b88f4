/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Api } from './support/test-app.js';

describe('subscriptions', () => {
  let api: Api;
  let client: Awaited<ReturnType<Api['newClient']>>;
  beforeEach(async () => {
    ({ api } = await createTestApp());
    client = await api.newClient();
  });
  const subscribe = (body: unknown, headers: Record<string, string> = {}) =>
    api.send('POST', '/subscriptions', { body, token: client.token, headers });

  it('subscribes at the fund minimum by default and debits the balance', async () => {
    const res = await subscribe({ fundId: '1' });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(res.body.balance).toBe('425000.00');
    expect(res.body.subscription).toMatchObject({
      fundId: '1',
      fundName: 'FPV_BTG_PACTUAL_RECAUDADORA',
      amount: '75000.00',
      status: 'active',
      cancelledAt: null,
    });
    expect(res.body.transaction).toMatchObject({
      type: 'subscription',
      status: 'completed',
      amount: '75000.00',
      balanceAfter: '425000.00',
      reason: null,
    });
    const me = await api.send('GET', '/me', { token: client.token });
    expect(me.body.balance).toBe('425000.00');
  });

  it('accepts an amount as a number or a string with up to two decimals', async () => {
    expect((await subscribe({ fundId: '1', amount: 80000.5 })).body.subscription.amount).toBe(
      '80000.50',
    );
    expect((await subscribe({ fundId: '2', amount: '125000.25' })).body.balance).toBe('294999.25');
  });

  it.each([
    [{ fundId: '1', amount: 0 }],
    [{ fundId: '1', amount: -5 }],
    [{ fundId: '1', amount: '1.234' }],
    [{ fundId: '1', amount: 1.234 }],
    [{ fundId: '1', amount: '1e5' }],
    [{ fundId: '1', amount: 'abc' }],
    [{ fundId: '1', amount: true }],
    [{ fundId: 1 }],
    [{}],
    [{ fundId: '1', notify: 'fax' }],
    [{ fundId: '1', clientId: 'someone-else' }],
  ])('rejects %j with 400 VALIDATION_ERROR and moves no money', async (body) => {
    const res = await subscribe(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_ERROR');
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect((await api.send('GET', '/me', { token: client.token })).body.balance).toBe('500000.00');
  });

  it('maps every business outcome of POST /subscriptions', async () => {
    expect((await subscribe({ fundId: '99' })).body).toMatchObject({
      status: 404,
      code: 'FUND_NOT_FOUND',
    });
    const below = await subscribe({ fundId: '1', amount: 1000 });
    expect(below.status).toBe(422);
    expect(below.body.code).toBe('AMOUNT_BELOW_MINIMUM');
    expect((await subscribe({ fundId: '1' })).status).toBe(201);
    const twice = await subscribe({ fundId: '1' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_SUBSCRIBED');
    const admin = await api.adminToken();
    await api.send('PATCH', '/funds/3', { body: { active: false }, token: admin });
    const inactive = await subscribe({ fundId: '3' });
    expect(inactive.status).toBe(422);
    expect(inactive.body.code).toBe('FUND_INACTIVE');
    const sms = await subscribe({ fundId: '2', notify: 'sms' });
    expect(sms.status).toBe(422);
    expect(sms.body.code).toBe('PHONE_REQUIRED_FOR_SMS');
  });

  it('plays the BTG story: FDO-ACCIONES refused with the exact Spanish message', async () => {
    for (const fundId of ['1', '2', '3', '5'])
      expect((await subscribe({ fundId })).status).toBe(201);
    expect((await api.send('GET', '/me', { token: client.token })).body.balance).toBe('150000.00');
    const refused = await subscribe({ fundId: '4' });
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({
      type: 'urn:btg-funds:problem:insufficient-balance',
      title: 'Operación rechazada',
      status: 422,
      code: 'INSUFFICIENT_BALANCE',
      detail: 'No tiene saldo disponible para vincularse al fondo FDO-ACCIONES',
    });
    expect((await api.send('GET', '/me', { token: client.token })).body.balance).toBe('150000.00');
    const history = await api.send('GET', '/transactions', { token: client.token });
    expect(history.body.items.map((t: { status: string }) => t.status)).toEqual([
      'failed',
      'completed',
      'completed',
      'completed',
      'completed',
    ]);
    expect(history.body.items[0].reason.code).toBe('INSUFFICIENT_BALANCE');
  });

  it('lists, gets and cancels with a refund; a second cancel is 409', async () => {
    const { body } = await subscribe({ fundId: '3' });
    const id = body.subscription.id as string;
    expect(
      (await api.send('GET', `/subscriptions/${id}`, { token: client.token })).body.status,
    ).toBe('active');
    const cancelled = await api.send('DELETE', `/subscriptions/${id}`, { token: client.token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.balance).toBe('500000.00');
    expect(cancelled.body.subscription.status).toBe('cancelled');
    expect(cancelled.body.transaction).toMatchObject({ type: 'cancellation', amount: '50000.00' });
    const again = await api.send('DELETE', `/subscriptions/${id}`, { token: client.token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_CANCELLED');
    const active = await api.send('GET', '/subscriptions?status=active', { token: client.token });
    expect(active.body.items).toEqual([]);
    const all = await api.send('GET', '/subscriptions', { token: client.token });
    expect(all.body.items).toHaveLength(1);
    expect(
      (await api.send('GET', '/subscriptions?status=gone', { token: client.token })).status,
    ).toBe(400);
    expect((await api.send('DELETE', '/subscriptions/nope', { token: client.token })).status).toBe(
      404,
    );
  });

  it('never shows or acts on another client’s subscription (BOLA → 404)', async () => {
    const { body } = await subscribe({ fundId: '1' });
    const other = await api.newClient();
    const id = body.subscription.id as string;
    const seen = await api.send('GET', `/subscriptions/${id}`, { token: other.token });
    expect(seen.status).toBe(404);
    expect(seen.body.code).toBe('SUBSCRIPTION_NOT_FOUND');
    expect((await api.send('DELETE', `/subscriptions/${id}`, { token: other.token })).status).toBe(
      404,
    );
    const txId = body.transaction.id as string;
    expect((await api.send('GET', `/transactions/${txId}`, { token: other.token })).status).toBe(
      404,
    );
    expect((await api.send('GET', '/subscriptions', { token: other.token })).body.items).toEqual(
      [],
    );
    expect((await api.send('GET', '/me', { token: client.token })).body.balance).toBe('425000.00');
  });

  it('is client-only: no token 401 with WWW-Authenticate, admin 403', async () => {
    const anonymous = await api.send('POST', '/subscriptions', { body: { fundId: '1' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const admin = await api.adminToken();
    const res = await api.send('GET', '/subscriptions', { token: admin });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });
});
