import { givenClientWithFunds, moneyUseCases } from '@btg-funds/application/testing';
import { SEEDED_FUNDS } from '@btg-funds/application';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from './collections.js';
import { connectMongo } from './mongo-storage.js';
import { testMongo } from './testing/test-mongo.js';
import { useTestStorage } from './testing/test-storage.js';

const mongo = await testMongo();

describe.skipIf(!mongo.available)('MongoStorage against a real server', () => {
  const storage = useTestStorage('storage');

  it('answers ping and creates its indexes idempotently (twice, and from two clients)', async () => {
    await storage.current.ping();
    const other = await storage.open();
    await Promise.all([storage.current.ensureIndexes(), other.ensureIndexes()]);
    const names = (await storage.current.db.collection(COLLECTIONS.ledger).indexes()).map(
      (i) => i.name,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        '_id_',
        'transaction_id_unique',
        'client_seq',
        'created_at_client_seq',
      ]),
    );
  });

  it('keeps clients, funds, money and idempotency keys across a reconnect (restart)', async () => {
    const first = await storage.open();
    const client = await givenClientWithFunds(first);
    const request = { clientId: client.id, fundId: '4', idempotencyKey: 'restart-key' };
    const before = await moneyUseCases(first).subscribe.execute(request);
    await first.close();

    const second = await connectMongo({ uri: storage.uri, dbName: storage.dbName });
    try {
      expect((await second.clients.findById(client.id))?.client.toSnapshot()).toEqual(
        client.toSnapshot(),
      );
      expect((await second.funds.list()).map((f) => f.id).slice(0, 5)).toEqual(
        SEEDED_FUNDS.map((f) => f.id),
      );
      const latest = await second.ledger.latest(client.id);
      expect(latest?.transaction.balanceAfter.toDecimalString()).toBe('250000.00');
      // The same key after the restart replays the stored answer and moves no money.
      const again = await moneyUseCases(second).subscribe.execute(request);
      expect(again.replayed).toBe(true);
      expect(again.result.transaction.id).toBe(before.result.transaction.id);
      expect((await second.ledger.latest(client.id))?.seq).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('reports an unreachable server as StorageUnavailableError', async () => {
    const dead = await import('./mongo-storage.js').then((m) =>
      m.createMongoStorage({ uri: 'mongodb://127.0.0.1:1/x', serverSelectionTimeoutMs: 300 }),
    );
    try {
      await expect(dead.ping()).rejects.toMatchObject({ name: 'StorageUnavailableError' });
      await expect(dead.funds.findById('1')).rejects.toMatchObject({
        name: 'StorageUnavailableError',
      });
    } finally {
      await dead.close();
    }
  });
});
