import {
  FixedClock,
  SequentialIdGenerator,
  createInMemoryStorage,
} from '@btg-funds/adapters-memory';
import { AccountRefusal, Money } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import {
  aClient,
  aFund,
  givenClientWithFunds,
  moneyUseCases,
  registered,
} from '../testing/index.js';

async function setup() {
  const storage = createInMemoryStorage();
  const clock = new FixedClock();
  const client = await givenClientWithFunds(storage);
  const { subscribe } = moneyUseCases(storage, { clock, ids: new SequentialIdGenerator() });
  const entries = async (clientId = client.id) =>
    (await storage.ledger.list(clientId, {}, { limit: 100 })).map((r) => r.transaction);
  return { storage, clock, client, subscribe, entries };
}

describe('SubscribeToFund', () => {
  it('subscribes for the fund minimum by default and debits it', async () => {
    const { client, subscribe, clock } = await setup();
    const { result, replayed } = await subscribe.execute({ clientId: client.id, fundId: '1' });
    expect(replayed).toBe(false);
    expect(result.balance.toDecimalString()).toBe('425000.00');
    expect(result.subscription).toMatchObject({
      fundId: '1',
      fundName: 'FPV_BTG_PACTUAL_RECAUDADORA',
      status: 'active',
      subscribedAt: clock.now(),
      cancelledAt: null,
    });
    expect(result.subscription.amount.toDecimalString()).toBe('75000.00');
    expect(result.transaction).toMatchObject({
      type: 'subscription',
      status: 'completed',
      subscriptionId: result.subscription.id,
    });
  });

  it('gives every transaction its own UUID-shaped id', async () => {
    const { client, subscribe } = await setup();
    const a = await subscribe.execute({ clientId: client.id, fundId: '1' });
    const b = await subscribe.execute({ clientId: client.id, fundId: '3' });
    expect(a.result.transaction.id).not.toBe(b.result.transaction.id);
    expect(a.result.transaction.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('takes a chosen amount above the minimum', async () => {
    const { client, subscribe } = await setup();
    const { result } = await subscribe.execute({
      clientId: client.id,
      fundId: '3',
      amount: Money.parse('123456.78'),
    });
    expect(result.balance.toDecimalString()).toBe('376543.22');
  });

  it('notifies on the profile preference, or on the channel the request overrides', async () => {
    const { storage, client, subscribe } = await setup();
    const byEmail = await subscribe.execute({ clientId: client.id, fundId: '1' });
    const bySms = await subscribe.execute({ clientId: client.id, fundId: '3', notify: 'sms' });
    const email = await storage.notifications.findByTransactionId(byEmail.result.transaction.id);
    const sms = await storage.notifications.findByTransactionId(bySms.result.transaction.id);
    expect(email).toMatchObject({ channel: 'email', destination: client.email, status: 'pending' });
    expect(sms).toMatchObject({ channel: 'sms', destination: '+573001234567', status: 'pending' });
    expect(sms?.amount.toDecimalString()).toBe('50000.00');
    expect((await storage.clients.findById(client.id))?.client.notificationPreference).toBe(
      'email',
    );
  });

  it('refuses sms for a client without a phone before any money moves', async () => {
    const { storage, subscribe, entries } = await setup();
    const noPhone = aClient({ phone: null });
    await storage.clients.add(registered(noPhone));
    await expect(
      subscribe.execute({ clientId: noPhone.id, fundId: '1', notify: 'sms' }),
    ).rejects.toMatchObject({ code: 'PHONE_REQUIRED_FOR_SMS' });
    expect(await entries(noPhone.id)).toEqual([]);
  });

  it('answers FUND_NOT_FOUND for an unknown fund and writes nothing', async () => {
    const { client, subscribe, entries } = await setup();
    await expect(subscribe.execute({ clientId: client.id, fundId: '99' })).rejects.toMatchObject({
      code: 'FUND_NOT_FOUND',
    });
    expect(await entries()).toEqual([]);
  });

  it('answers CLIENT_NOT_FOUND for an unknown client', async () => {
    const { subscribe } = await setup();
    await expect(subscribe.execute({ clientId: 'ghost', fundId: '1' })).rejects.toMatchObject({
      code: 'CLIENT_NOT_FOUND',
    });
  });

  it('refuses a second active subscription to the same fund without writing anything', async () => {
    const { client, subscribe, entries } = await setup();
    await subscribe.execute({ clientId: client.id, fundId: '1' });
    await expect(subscribe.execute({ clientId: client.id, fundId: '1' })).rejects.toMatchObject({
      code: 'ALREADY_SUBSCRIBED',
    });
    expect(await entries()).toHaveLength(1);
  });

  it.each([
    ['AMOUNT_BELOW_MINIMUM', '1', '74999.99'],
    ['INSUFFICIENT_BALANCE', '4', '500000.01'],
  ])('records %s as a failed transaction that moves no money', async (code, fundId, amount) => {
    const { storage, client, subscribe, entries } = await setup();
    await expect(
      subscribe.execute({ clientId: client.id, fundId, amount: Money.parse(amount) }),
    ).rejects.toMatchObject({ code });
    const [failed] = await entries();
    expect(failed).toMatchObject({
      status: 'failed',
      fundId,
      subscriptionId: null,
      reason: { code },
    });
    expect(failed?.balanceAfter.toDecimalString()).toBe('500000.00');
    expect(await storage.notifications.findByTransactionId(failed!.id)).toBeNull();
  });

  it('answers insufficient balance with the exact message of the statement, and its facts', async () => {
    const { client, subscribe } = await setup();
    await subscribe.execute({ clientId: client.id, fundId: '2', amount: Money.parse('300000') });
    const refused = subscribe.execute({ clientId: client.id, fundId: '4' });
    await expect(refused).rejects.toMatchObject({
      code: 'INSUFFICIENT_BALANCE',
      message: 'No tiene saldo disponible para vincularse al fondo FDO-ACCIONES',
    });
    // The domain's refusal itself, decided once, with what it was decided on.
    await expect(refused).rejects.toBeInstanceOf(AccountRefusal);
    await expect(refused).rejects.toMatchObject({
      details: {
        fundId: '4',
        fundName: 'FDO-ACCIONES',
        requiredAmount: '250000.00',
        availableBalance: '200000.00',
      },
    });
  });

  it('records a subscription to an inactive fund as FUND_INACTIVE', async () => {
    const { storage, client, subscribe, entries } = await setup();
    const closed = aFund({ active: false });
    await storage.funds.add(closed);
    await expect(
      subscribe.execute({ clientId: client.id, fundId: closed.id }),
    ).rejects.toMatchObject({
      code: 'FUND_INACTIVE',
    });
    expect((await entries())[0]).toMatchObject({
      status: 'failed',
      reason: { code: 'FUND_INACTIVE' },
    });
  });

  it('stores a failed attempt under its Idempotency-Key and replays it without a second entry', async () => {
    const { client, subscribe, entries } = await setup();
    const input = {
      clientId: client.id,
      fundId: '1',
      amount: Money.parse('1000'),
      idempotencyKey: 'k-1',
    };
    await expect(subscribe.execute(input)).rejects.toMatchObject({
      code: 'AMOUNT_BELOW_MINIMUM',
    });
    await expect(subscribe.execute(input)).rejects.toMatchObject({
      code: 'AMOUNT_BELOW_MINIMUM',
      replayed: true,
    });
    expect(await entries()).toHaveLength(1);
  });
});
