import {
  aClient,
  createFakeStorage,
  FixedClock,
  givenClientWithFunds,
  moneyUseCases,
  registered,
  SequentialIdGenerator,
} from '../testing/index.js';
import { Money } from '@btg-funds/domain';
import type { Ledger } from '../ports/index.js';
import { describe, expect, it } from 'vitest';
import { GetSubscription } from './get-subscription.js';
import { ListSubscriptions } from './list-subscriptions.js';

/** Client subscribed to 1, then 3 (a failed attempt at 4 in between), then cancelled 1. */
async function setup() {
  const storage = createFakeStorage();
  const clock = new FixedClock();
  const client = await givenClientWithFunds(storage);
  const other = aClient();
  await storage.clients.add(registered(other));
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
    const { items, nextCursor } = await list.execute({ clientId: client.id });
    expect(nextCursor).toBeNull();
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
      (await list.execute({ clientId: client.id, status: 'active' })).items.map((s) => s.id),
    ).toEqual([second.id]);
    expect(
      (await list.execute({ clientId: client.id, status: 'cancelled' })).items.map((s) => s.id),
    ).toEqual([first.id]);
  });

  it('answers the active ones exactly as the full history does', async () => {
    const { client, list } = await setup();
    const all = await list.execute({ clientId: client.id });
    expect((await list.execute({ clientId: client.id, status: 'active' })).items).toEqual(
      all.items.filter((s) => s.status === 'active'),
    );
  });

  it("never shows another client's subscriptions", async () => {
    const { other, list } = await setup();
    expect(await list.execute({ clientId: other.id })).toEqual({ items: [], nextCursor: null });
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

/** A client who subscribed to fund 3 and cancelled `cycles` times, then subscribed to 1 and 5. */
async function longHistory(cycles: number) {
  const storage = createFakeStorage();
  const clock = new FixedClock();
  const client = await givenClientWithFunds(storage);
  const { subscribe, cancel } = moneyUseCases(storage, { clock, ids: new SequentialIdGenerator() });
  const opened: string[] = [];
  for (let i = 0; i < cycles; i += 1) {
    const { result } = await subscribe.execute({ clientId: client.id, fundId: '3' });
    opened.push(result.subscription.id);
    clock.advance(1000);
    await cancel.execute({ clientId: client.id, subscriptionId: result.subscription.id });
    clock.advance(1000);
  }
  for (const fundId of ['1', '5']) {
    opened.push((await subscribe.execute({ clientId: client.id, fundId })).result.subscription.id);
    clock.advance(1000);
  }
  return { storage, client, newestFirst: opened.reverse() };
}

/** Wraps the ledger so every call to it is recorded by name: one call is one storage read. */
function countedLedger(ledger: Ledger, calls: string[]): Ledger {
  return new Proxy(ledger, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(name));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('ListSubscriptions pages like the history (ADR 0222)', () => {
  it('answers 20 by default with a cursor, and the cursor walks everything once', async () => {
    const { storage, client, newestFirst } = await longHistory(30);
    const list = new ListSubscriptions(storage.ledger);
    const first = await list.execute({ clientId: client.id });
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list.execute({ clientId: client.id, limit: 7, cursor });
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(seen).toEqual(newestFirst);
  });

  it.each(['active', 'cancelled'] as const)(
    'pages the %s ones without gaps or repeats',
    async (status) => {
      const { storage, client, newestFirst } = await longHistory(12);
      const list = new ListSubscriptions(storage.ledger);
      const expected = newestFirst.filter((_, i) => (status === 'active' ? i < 2 : i >= 2));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list.execute({ clientId: client.id, status, limit: 1, cursor });
        expect(page.items.every((s) => s.status === status)).toBe(true);
        seen.push(...page.items.map((s) => s.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect(seen).toEqual(expected);
    },
  );

  it('reads the ledger a constant number of times per page, however long the history', async () => {
    const readsFor = async (cycles: number, status?: 'active' | 'cancelled') => {
      const { storage, client } = await longHistory(cycles);
      const calls: string[] = [];
      const list = new ListSubscriptions(countedLedger(storage.ledger, calls));
      await list.execute({ clientId: client.id, status, limit: 5 });
      return calls.length;
    };
    for (const status of [undefined, 'active', 'cancelled'] as const) {
      expect(await readsFor(40, status)).toBe(await readsFor(3, status));
      expect(await readsFor(40, status)).toBeLessThanOrEqual(3);
    }
  });

  it("finds the active ones without sorting the client's history (never `latest()`)", async () => {
    const { storage, client, newestFirst } = await longHistory(4);
    const asked: string[] = [];
    const ledger = countedLedger(storage.ledger, asked);
    for (const status of ['active', 'cancelled'] as const) {
      for (const limit of [20, 1]) {
        const page = await new ListSubscriptions(ledger).execute({
          clientId: client.id,
          status,
          limit,
        });
        const expected = newestFirst.filter((_, i) => (status === 'active' ? i < 2 : i >= 2));
        expect(page.items.map((s) => s.id)).toEqual(expected.slice(0, limit));
      }
    }
    expect(asked).toContain('latestOf');
    expect(asked).not.toContain('latest');
  });

  it('answers the active ones from the latest entry alone when they fit on the page (ADR 0722)', async () => {
    const storage = createFakeStorage();
    const clock = new FixedClock();
    const client = await givenClientWithFunds(storage);
    const ids = new SequentialIdGenerator();
    const { subscribe, cancel } = moneyUseCases(storage, { clock, ids });
    const opened: Record<string, string> = {};
    for (const fundId of ['3', '1', '5', '2']) {
      opened[fundId] = (
        await subscribe.execute({ clientId: client.id, fundId })
      ).result.subscription.id;
      clock.advance(1000);
    }
    await cancel.execute({ clientId: client.id, subscriptionId: opened['1']! });
    clock.advance(1000);
    await subscribe.execute({ clientId: client.id, fundId: '1' });

    const asked: string[] = [];
    const list = new ListSubscriptions(countedLedger(storage.ledger, asked));
    const page = await list.execute({ clientId: client.id, status: 'active' });
    expect(asked).toEqual(['latestOf']);
    // The same subscriptions, in the same order, as the history makes them.
    const everything = await new ListSubscriptions(storage.ledger).execute({ clientId: client.id });
    expect(page).toEqual({
      items: everything.items.filter((s) => s.status === 'active'),
      nextCursor: null,
    });
    expect(page.items.map((s) => s.fundId)).toEqual(['1', '2', '5', '3']);
    // More than a page: read from the openings, with a cursor to the rest.
    const first = await list.execute({ clientId: client.id, status: 'active', limit: 3 });
    expect(first.items).toEqual(page.items.slice(0, 3));
    const rest = await list.execute({
      clientId: client.id,
      status: 'active',
      limit: 3,
      cursor: first.nextCursor!,
    });
    expect(rest).toEqual({ items: page.items.slice(3), nextCursor: null });
  });

  it('refuses a bad cursor and an out-of-range limit', async () => {
    const { storage, client } = await longHistory(1);
    const list = new ListSubscriptions(storage.ledger);
    await expect(list.execute({ clientId: client.id, cursor: '%%' })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
    await expect(list.execute({ clientId: client.id, limit: 101 })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
  });
});
