import {
  FixedClock,
  SequentialIdGenerator,
  createInMemoryStorage,
} from '@btg-funds/adapters-memory';
import { Money } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import { aClient, givenClientWithFunds, moneyUseCases } from '../testing/index.js';
import { GetSubscription } from './get-subscription.js';
import { ListSubscriptions } from './list-subscriptions.js';

/** Client subscribed to 1, then 3 (a failed attempt at 4 in between), then cancelled 1. */
async function setup() {
  const storage = createInMemoryStorage();
  const clock = new FixedClock();
  const client = await givenClientWithFunds(storage);
  const other = aClient();
  await storage.clients.add(other);
  const { subscribe, cancel } = moneyUseCases(storage, { clock, ids: new SequentialIdGenerator() });
  const first = await subscribe.execute({ clientId: client.id, fundId: '1' });
  clock.advance(1000);
  await subscribe
    .execute({ clientId: client.id, fundId: '4', amount: Money.parse('600000') })
    .catch(() => undefined);
  clock.advance(1000);
  const second = await subscribe.execute({ clientId: client.id, fundId: '3' });
  clock.advance(1000);
  await cancel.execute({ clientId: client.id, subscriptionId: first.result.subscription.id });
  return {
    client,
    other,
    list: new ListSubscriptions(storage.ledger),
    get: new GetSubscription(storage.ledger),
    first: first.result.subscription,
    second: second.result.subscription,
    cancelledAt: clock.now(),
  };
}

describe('ListSubscriptions', () => {
  it("lists the caller's subscriptions newest first, with their current status", async () => {
    const { client, list, first, second, cancelledAt } = await setup();
    const items = await list.execute({ clientId: client.id });
    expect(items.map((s) => [s.id, s.fundId, s.status])).toEqual([
      [second.id, '3', 'active'],
      [first.id, '1', 'cancelled'],
    ]);
    expect(items[1]).toMatchObject({ cancelledAt, subscribedAt: first.subscribedAt });
    expect(items[1]?.amount.toDecimalString()).toBe('75000.00');
  });

  it('filters by status', async () => {
    const { client, list, first, second } = await setup();
    expect(
      (await list.execute({ clientId: client.id, status: 'active' })).map((s) => s.id),
    ).toEqual([second.id]);
    expect(
      (await list.execute({ clientId: client.id, status: 'cancelled' })).map((s) => s.id),
    ).toEqual([first.id]);
  });

  it('answers the active ones exactly as the full history does', async () => {
    const { client, list } = await setup();
    const all = await list.execute({ clientId: client.id });
    expect(await list.execute({ clientId: client.id, status: 'active' })).toEqual(
      all.filter((s) => s.status === 'active'),
    );
  });

  it("never shows another client's subscriptions", async () => {
    const { other, list } = await setup();
    expect(await list.execute({ clientId: other.id })).toEqual([]);
  });
});

describe('GetSubscription', () => {
  it('returns one of the caller’s subscriptions in its current state', async () => {
    const { client, get, first, second } = await setup();
    expect(await get.execute({ clientId: client.id, subscriptionId: first.id })).toMatchObject({
      status: 'cancelled',
    });
    expect(await get.execute({ clientId: client.id, subscriptionId: second.id })).toEqual(second);
  });

  it("answers SUBSCRIPTION_NOT_FOUND for someone else's or an unknown subscription", async () => {
    const { other, client, get, second } = await setup();
    await expect(
      get.execute({ clientId: other.id, subscriptionId: second.id }),
    ).rejects.toMatchObject({ code: 'SUBSCRIPTION_NOT_FOUND' });
    await expect(
      get.execute({ clientId: client.id, subscriptionId: 'nope' }),
    ).rejects.toMatchObject({ code: 'SUBSCRIPTION_NOT_FOUND' });
  });
});
