import {
  FixedClock,
  SequentialIdGenerator,
  createInMemoryStorage,
} from '@btg-funds/adapters-memory';
import { Money } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import { aClient, givenClientWithFunds, moneyUseCases, registered } from '../testing/index.js';
import { ListTransactions } from './list-transactions.js';

/** Seven entries, oldest first: 1 ok, 2 failed, 3 ok, cancel 1, 4 ok, 5 failed, 2 ok. */
async function setup() {
  const storage = createInMemoryStorage();
  const clock = new FixedClock();
  const client = await givenClientWithFunds(storage);
  const other = aClient();
  await storage.clients.add(registered(other));
  const { subscribe, cancel } = moneyUseCases(storage, { clock, ids: new SequentialIdGenerator() });
  const step = async (run: () => Promise<unknown>) => {
    await run().catch(() => undefined);
    clock.advance(1000);
  };
  const sub = (fundId: string, amount?: string) => () =>
    subscribe.execute({
      clientId: client.id,
      fundId,
      amount: amount === undefined ? undefined : Money.parse(amount),
    });
  let first = '';
  await step(async () => {
    first = (await sub('1')()).result.subscription.id;
  });
  await step(sub('2', '1'));
  await step(sub('3'));
  await step(() => cancel.execute({ clientId: client.id, subscriptionId: first }));
  await step(sub('4'));
  await step(sub('5', '300000'));
  await step(sub('2'));
  return { storage, client, other, clock, subscribe, list: new ListTransactions(storage.ledger) };
}

const shape = (t: { type: string; fundId: string; status: string }) =>
  `${t.type}:${t.fundId}:${t.status}`;
const ALL = [
  'subscription:2:completed',
  'subscription:5:failed',
  'subscription:4:completed',
  'cancellation:1:completed',
  'subscription:3:completed',
  'subscription:2:failed',
  'subscription:1:completed',
];

describe('ListTransactions', () => {
  it('lists the whole history newest first, failed attempts included', async () => {
    const { client, list } = await setup();
    const page = await list.execute({ clientId: client.id });
    expect(page.items.map(shape)).toEqual(ALL);
    expect(page.nextCursor).toBeNull();
    const times = page.items.map((t) => t.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it.each([
    [{ type: 'cancellation' as const }, ['cancellation:1:completed']],
    [{ status: 'failed' as const }, ['subscription:5:failed', 'subscription:2:failed']],
    [{ fundId: '2' }, ['subscription:2:completed', 'subscription:2:failed']],
    [{ fundId: '1', type: 'subscription' as const }, ['subscription:1:completed']],
    [{ fundId: '99' }, []],
  ])('filters by %j', async (filter, expected) => {
    const { client, list } = await setup();
    expect((await list.execute({ clientId: client.id, ...filter })).items.map(shape)).toEqual(
      expected,
    );
  });

  it.each([1, 2, 3, 6, 7])('walks every page of %i without duplicates or gaps', async (limit) => {
    const { client, list } = await setup();
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list.execute({ clientId: client.id, limit, cursor });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBe(Math.ceil(ALL.length / limit));
    const full = (await list.execute({ clientId: client.id, limit: 100 })).items.map((t) => t.id);
    expect(seen).toEqual(full);
  });

  it('paginates a filtered history', async () => {
    const { client, list } = await setup();
    const first = await list.execute({ clientId: client.id, status: 'completed', limit: 3 });
    const second = await list.execute({
      clientId: client.id,
      status: 'completed',
      limit: 3,
      cursor: first.nextCursor!,
    });
    expect([...first.items, ...second.items].map(shape)).toEqual(
      ALL.filter((s) => s.endsWith('completed')),
    );
    expect(second.nextCursor).toBeNull();
  });

  it('keeps pages stable while new transactions arrive', async () => {
    const { client, list, subscribe } = await setup();
    const first = await list.execute({ clientId: client.id, limit: 4 });
    await subscribe.execute({ clientId: client.id, fundId: '1' });
    const second = await list.execute({ clientId: client.id, limit: 4, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map(shape)).toEqual(ALL);
  });

  it("never shows another client's history", async () => {
    const { other, list } = await setup();
    expect(await list.execute({ clientId: other.id })).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    'not-a-cursor!',
    '',
    'e30',
    Buffer.from('{"s":0}').toString('base64url'),
    Buffer.from('{"s":-3}').toString('base64url'),
    Buffer.from('{"s":"5"}').toString('base64url'),
    Buffer.from('{"s":1.5}').toString('base64url'),
    Buffer.from('null').toString('base64url'),
    Buffer.from('[1,2').toString('base64url'),
    Buffer.from('{"s":"ñ"}').toString('base64url'),
    'A'.repeat(600),
  ])('answers INVALID_CURSOR for %j', async (cursor) => {
    const { client, list } = await setup();
    await expect(list.execute({ clientId: client.id, cursor })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
  });

  it.each([0, 101, -1, 1.5, Number.NaN])('answers VALIDATION_ERROR for limit %s', async (limit) => {
    const { client, list } = await setup();
    await expect(list.execute({ clientId: client.id, limit })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
  });

  it('accepts limits from 1 to 100', async () => {
    const { client, list } = await setup();
    expect((await list.execute({ clientId: client.id, limit: 1 })).items).toHaveLength(1);
    expect((await list.execute({ clientId: client.id, limit: 100 })).items).toHaveLength(7);
  });
});
