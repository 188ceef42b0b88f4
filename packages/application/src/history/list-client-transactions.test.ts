import { createFakeStorage, givenClientWithFunds, moneyUseCases } from '../testing/index.js';
import type { ClientRepository } from '../ports/index.js';
import { describe, expect, it } from 'vitest';
import { ListClientTransactions } from './list-client-transactions.js';
import { ListTransactions } from './list-transactions.js';

async function setup() {
  const storage = createFakeStorage();
  const client = await givenClientWithFunds(storage);
  await moneyUseCases(storage).subscribe.execute({ clientId: client.id, fundId: '3' });
  const list = new ListClientTransactions(storage.clients, new ListTransactions(storage.ledger));
  return { storage, client, list };
}

describe('ListClientTransactions', () => {
  it("lists a known client's history", async () => {
    const { client, list } = await setup();
    const page = await list.execute({ clientId: client.id });
    expect(page.items.map((item) => item.type)).toEqual(['subscription']);
  });

  it('says CLIENT_NOT_FOUND for an unknown client, before judging its cursor', async () => {
    const { list } = await setup();
    await expect(list.execute({ clientId: 'nope' })).rejects.toMatchObject({
      code: 'CLIENT_NOT_FOUND',
    });
    await expect(list.execute({ clientId: 'nope', cursor: 'bad' })).rejects.toMatchObject({
      code: 'CLIENT_NOT_FOUND',
    });
  });

  it('says INVALID_CURSOR for a known client with a bad cursor', async () => {
    const { client, list } = await setup();
    await expect(list.execute({ clientId: client.id, cursor: 'bad' })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
  });

  it('sends the client read and the history read together (one storage wait)', async () => {
    const { storage, client } = await setup();
    const started: string[] = [];
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The client read is held until the history read has started: awaited in turn, it never is.
    const clients: ClientRepository = Object.assign(Object.create(storage.clients) as object, {
      findById: async (id: string) => {
        started.push('client');
        await held;
        return storage.clients.findById(id);
      },
    }) as ClientRepository;
    const history = {
      execute: async (input: { clientId: string }) => {
        started.push('history');
        release();
        return new ListTransactions(storage.ledger).execute(input);
      },
    };
    const page = await new ListClientTransactions(clients, history).execute({
      clientId: client.id,
    });
    expect(started).toEqual(['client', 'history']);
    expect(page.items).toHaveLength(1);
  });
});
