import { describeOutboxRecoveryContract } from '@btg-funds/application/testing';
import { afterAll, describe } from 'vitest';
import { connectMongo, type MongoStorage } from './mongo-storage.js';
import { testMongo, uniqueDbName } from './testing/test-mongo.js';

const mongo = await testMongo();

// The recovery checkpoint is one per store, so each scenario gets a database of its own.
describe.skipIf(!mongo.available)('adapters-mongo outbox recovery', () => {
  const opened: MongoStorage[] = [];
  afterAll(async () => {
    for (const storage of opened) {
      await storage.db.dropDatabase();
      await storage.close();
    }
  });
  describeOutboxRecoveryContract('mongo', async () => {
    if (!mongo.available) throw new Error(mongo.reason);
    const storage = await connectMongo({ uri: mongo.uri, dbName: uniqueDbName('recovery') });
    opened.push(storage);
    return storage;
  });
});
