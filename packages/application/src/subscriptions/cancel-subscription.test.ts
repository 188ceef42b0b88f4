import {
  FixedClock,
  SequentialIdGenerator,
  createInMemoryStorage,
} from '@btg-funds/adapters-memory';
import { AccountRefusal, Money } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import { GetProfile } from '../clients/get-profile.js';
import { aClient, givenClientWithFunds, moneyUseCases, registered } from '../testing/index.js';

async function setup() {
  const storage = createInMemoryStorage();
  const clock = new FixedClock();
  const client = await givenClientWithFunds(storage);
  const { subscribe, cancel } = moneyUseCases(storage, { clock, ids: new SequentialIdGenerator() });
  const { result } = await subscribe.execute({
    clientId: client.id,
    fundId: '4',
    amount: Money.parse('300000'),
  });
  clock.advance(60_000);
  const balanceOf = async (clientId = client.id) =>
    (
      await new GetProfile(storage.clients, storage.ledger).execute({ clientId })
    ).balance.toDecimalString();
  return { storage, clock, client, cancel, subscription: result.subscription, balanceOf };
}

describe('CancelSubscription', () => {
  it('closes the subscription and refunds its amount', async () => {
    const { storage, clock, client, cancel, subscription, balanceOf } = await setup();
    const { result, replayed } = await cancel.execute({
      clientId: client.id,
      subscriptionId: subscription.id,
    });
    expect(replayed).toBe(false);
    expect(result.balance.toDecimalString()).toBe('500000.00');
    expect(result.subscription).toMatchObject({
      id: subscription.id,
      status: 'cancelled',
      cancelledAt: clock.now(),
      subscribedAt: subscription.subscribedAt,
    });
    expect(result.transaction).toMatchObject({
      type: 'cancellation',
      status: 'completed',
      fundId: '4',
    });
    expect(result.transaction.amount.toDecimalString()).toBe('300000.00');
    expect(await balanceOf()).toBe('500000.00');
    const notification = await storage.notifications.findByTransactionId(result.transaction.id);
    expect(notification).toMatchObject({ transactionType: 'cancellation', channel: 'email' });
  });

  it('answers ALREADY_CANCELLED the second time and refunds only once', async () => {
    const { client, cancel, subscription, balanceOf } = await setup();
    await cancel.execute({ clientId: client.id, subscriptionId: subscription.id });
    await expect(
      cancel.execute({ clientId: client.id, subscriptionId: subscription.id }),
    ).rejects.toMatchObject({ code: 'ALREADY_CANCELLED' });
    expect(await balanceOf()).toBe('500000.00');
  });

  it("decides a refused cancellation once: the account's own refusal, with its text and facts", async () => {
    const { storage, client, cancel, subscription } = await setup();
    await cancel.execute({ clientId: client.id, subscriptionId: subscription.id });
    let lookups = 0;
    const findBySubscriptionId = storage.ledger.findBySubscriptionId.bind(storage.ledger);
    storage.ledger.findBySubscriptionId = (...args) => {
      lookups += 1;
      return findBySubscriptionId(...args);
    };
    const again = cancel.execute({ clientId: client.id, subscriptionId: subscription.id });
    await expect(again).rejects.toBeInstanceOf(AccountRefusal);
    await expect(again).rejects.toMatchObject({
      code: 'ALREADY_CANCELLED',
      message: 'La suscripción ya fue cancelada.',
      details: { subscriptionId: subscription.id, fundId: '4', fundName: 'FDO-ACCIONES' },
    });
    const unknown = cancel.execute({ clientId: client.id, subscriptionId: 'nope' });
    await expect(unknown).rejects.toBeInstanceOf(AccountRefusal);
    await expect(unknown).rejects.toMatchObject({
      code: 'SUBSCRIPTION_NOT_FOUND',
      message: 'La suscripción no existe.',
    });
    // One read of the subscription's entries per request, before deciding; none after.
    expect(lookups).toBe(2);
  });

  it("treats someone else's subscription as not found and leaves both accounts alone", async () => {
    const { storage, client, cancel, subscription, balanceOf } = await setup();
    const intruder = aClient();
    await storage.clients.add(registered(intruder));
    await expect(
      cancel.execute({ clientId: intruder.id, subscriptionId: subscription.id }),
    ).rejects.toMatchObject({ code: 'SUBSCRIPTION_NOT_FOUND' });
    expect(await balanceOf(client.id)).toBe('200000.00');
    expect(await balanceOf(intruder.id)).toBe('500000.00');
  });

  it('answers SUBSCRIPTION_NOT_FOUND for an unknown id', async () => {
    const { client, cancel } = await setup();
    await expect(
      cancel.execute({ clientId: client.id, subscriptionId: 'nope' }),
    ).rejects.toMatchObject({ code: 'SUBSCRIPTION_NOT_FOUND' });
  });

  it('replays a cancellation sent twice with one Idempotency-Key', async () => {
    const { storage, client, cancel, subscription } = await setup();
    const input = { clientId: client.id, subscriptionId: subscription.id, idempotencyKey: 'c-1' };
    const first = await cancel.execute(input);
    const second = await cancel.execute(input);
    expect(second.replayed).toBe(true);
    expect(second.result).toEqual(first.result);
    const history = await storage.ledger.list(client.id, { type: 'cancellation' }, { limit: 10 });
    expect(history).toHaveLength(1);
  });
});
