import { Client, SEEDED_FUNDS } from '@btg-funds/domain';
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
      expect.arrayContaining(['_id_', 'transaction_id_unique', 'client_seq', 'created_at']),
    );
  });

  it('keeps its data across a close and a reconnect (restart)', async () => {
    const first = await storage.open();
    const client = Client.create({
      id: 'restart-client',
      email: 'restart@example.com',
      fullName: 'Ana Restart',
      notificationPreference: 'email',
      passwordHash: 'hash',
      createdAt: new Date('2026-01-02T03:04:05.678Z'),
    });
    await first.clients.add(client);
    await first.funds.seed(SEEDED_FUNDS);
    await first.close();

    const second = await connectMongo({ uri: storage.uri, dbName: storage.dbName });
    try {
      expect((await second.clients.findById('restart-client'))?.toSnapshot()).toEqual(
        client.toSnapshot(),
      );
      expect((await second.funds.list()).map((f) => f.id)).toEqual(['1', '2', '3', '4', '5']);
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
