import { createInMemoryStorage } from '@btg-funds/adapters-memory';
import { describe, expect, it } from 'vitest';
import type { ClientRepository, Ledger } from '../ports/index.js';
import {
  aClient,
  givenClientWithFunds,
  moneyUseCases,
  seededFund,
  registered,
} from '../testing/index.js';
import { ListClients } from './list-clients.js';

/** Seven clients; two pairs share a creation instant, so ids break the tie. */
async function setup() {
  const storage = createInMemoryStorage();
  const base = Date.parse('2026-01-15T15:00:00.000Z');
  const instants = [0, 1, 1, 2, 3, 3, 4];
  const ids = ['g', 'b', 'a', 'c', 'e', 'd', 'f'];
  for (const [i, id] of ids.entries()) {
    await storage.clients.add(
      registered(aClient({ id, createdAt: new Date(base + instants[i]! * 1000) })),
    );
  }
  return { list: new ListClients(storage.clients, storage.ledger) };
}

const ORDER = ['g', 'a', 'b', 'c', 'd', 'e', 'f'];

describe('ListClients', () => {
  it('lists every client oldest first, with balances', async () => {
    const { list } = await setup();
    const page = await list.execute({});
    expect(page.items.map((c) => c.id)).toEqual(ORDER);
    expect(page.items.every((c) => c.balance.toDecimalString() === '500000.00')).toBe(true);
    expect(page.items[0]).not.toHaveProperty('passwordHash');
    expect(page.nextCursor).toBeNull();
  });

  it.each([1, 2, 3, 7])('walks pages of %i without duplicates or gaps', async (limit) => {
    const { list } = await setup();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list.execute({ limit, cursor });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(seen).toEqual(ORDER);
  });

  it('rejects a bad cursor and an out-of-range limit', async () => {
    const { list } = await setup();
    for (const cursor of [
      '%%%',
      Buffer.from('{"t":"x","i":"a"}').toString('base64url'),
      Buffer.from('{"t":1}').toString('base64url'),
    ]) {
      await expect(list.execute({ cursor })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    }
    for (const limit of [0, 101]) {
      await expect(list.execute({ limit })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    }
  });
});

/** Wraps a port so every call to it is counted: one call is one storage read. */
function counted<T extends object>(port: T, calls: { count: number }): T {
  return new Proxy(port, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.count += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('ListClients cost', () => {
  async function readsForPageOf(clients: number) {
    const storage = createInMemoryStorage();
    const { subscribe } = moneyUseCases(storage);
    const first = await givenClientWithFunds(storage);
    await subscribe.execute({ clientId: first.id, fundId: seededFund('3').id });
    for (let i = 1; i < clients; i += 1) await storage.clients.add(registered(aClient()));
    const calls = { count: 0 };
    const list = new ListClients(
      counted<ClientRepository>(storage.clients, calls),
      counted<Ledger>(storage.ledger, calls),
    );
    const page = await list.execute({ limit: 100 });
    expect(page.items).toHaveLength(clients);
    const balance = (subscribed: boolean) =>
      page.items
        .filter((c) => (c.id === first.id) === subscribed)
        .map((c) => c.balance.toDecimalString());
    return { reads: calls.count, subscribed: balance(true), others: new Set(balance(false)) };
  }

  it('reads storage a constant number of times, whatever the number of clients listed', async () => {
    const few = await readsForPageOf(3);
    const many = await readsForPageOf(90);
    expect(many.reads).toBe(few.reads);
    expect(few.reads).toBe(2); // the page of clients, then their balances in one batch
    expect(many.subscribed).toEqual(['450000.00']);
    expect(many.others).toEqual(new Set(['500000.00']));
  });
});
