import { afterAll, beforeAll } from 'vitest';
import { connectMongo, type MongoStorage } from '../mongo-storage.js';
import { testMongo, uniqueDbName } from './test-mongo.js';

export interface TestStorage {
  /** The storage of the file; valid inside tests (after beforeAll). */
  readonly current: MongoStorage;
  readonly uri: string;
  readonly dbName: string;
  /** Another client on the same database (its own pool), closed after the file. */
  open(): Promise<MongoStorage>;
}

/**
 * Registers beforeAll/afterAll for a file: one fresh database, indexes ensured, dropped at the
 * end. Call inside a describe that is skipped when `testMongo()` is unavailable.
 */
export function useTestStorage(label: string): TestStorage {
  const dbName = uniqueDbName(label);
  const opened: MongoStorage[] = [];
  let uri = '';
  let main: MongoStorage | undefined;
  const open = async (): Promise<MongoStorage> => {
    const storage = await connectMongo({ uri, dbName, serverSelectionTimeoutMs: 10_000 });
    opened.push(storage);
    return storage;
  };
  beforeAll(async () => {
    const mongo = await testMongo();
    if (!mongo.available) throw new Error(mongo.reason);
    uri = mongo.uri;
    main = await open();
  });
  afterAll(async () => {
    // Head moves still in flight (ADR 0715) would re-create the dropped database.
    await Promise.all(opened.map((s) => s.ledger.headsSettled()));
    await main?.db.dropDatabase();
    await Promise.all(opened.map((s) => s.close()));
    const mongo = await testMongo();
    if (mongo.available) await mongo.stop();
  });
  return {
    get current() {
      if (main === undefined) throw new Error('test storage used outside a test');
      return main;
    },
    get uri() {
      return uri;
    },
    dbName,
    open,
  };
}
