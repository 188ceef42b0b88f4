import {
  FixedClock,
  SequentialIdGenerator,
  createInMemoryStorage,
} from '@btg-funds/adapters-memory';
import { Money } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import { aClient, givenClientWithFunds, moneyUseCases, registered } from '../testing/index.js';
import { GetTransaction } from './get-transaction.js';
import { ListTransactions } from './list-transactions.js';

async function setup() {
  const storage = createInMemoryStorage();
  const client = await givenClientWithFunds(storage);
  const { subscribe } = moneyUseCases(storage, {
    clock: new FixedClock(),
    ids: new SequentialIdGenerator(),
  });
  return { storage, client, subscribe, get: new GetTransaction(storage.ledger) };
}

describe('GetTransaction', () => {
  it('returns a completed transaction of the caller', async () => {
    const { client, subscribe, get } = await setup();
    const { result } = await subscribe.execute({ clientId: client.id, fundId: '1' });
    expect(
      await get.execute({ clientId: client.id, transactionId: result.transaction.id }),
    ).toEqual(result.transaction);
  });

  it('returns a failed attempt with its reason', async () => {
    const { storage, client, subscribe, get } = await setup();
    await subscribe
      .execute({ clientId: client.id, fundId: '1', amount: Money.parse('10') })
      .catch(() => undefined);
    const [failed] = (await new ListTransactions(storage.ledger).execute({ clientId: client.id }))
      .items;
    expect(await get.execute({ clientId: client.id, transactionId: failed!.id })).toMatchObject({
      status: 'failed',
      reason: { code: 'AMOUNT_BELOW_MINIMUM' },
    });
  });

  it("answers TRANSACTION_NOT_FOUND for someone else's or an unknown transaction", async () => {
    const { storage, client, subscribe, get } = await setup();
    const { result } = await subscribe.execute({ clientId: client.id, fundId: '1' });
    const other = aClient();
    await storage.clients.add(registered(other));
    for (const input of [
      { clientId: other.id, transactionId: result.transaction.id },
      { clientId: client.id, transactionId: 'nope' },
    ]) {
      await expect(get.execute(input)).rejects.toMatchObject({ code: 'TRANSACTION_NOT_FOUND' });
    }
  });
});
