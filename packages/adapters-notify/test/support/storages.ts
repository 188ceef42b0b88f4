import { randomBytes } from 'node:crypto';
import { createInMemoryStorage } from '@btg-funds/adapters-memory';
import { connectMongo } from '@btg-funds/adapters-mongo';
import type { BankStorage } from './bank.js';

export interface TestStorage {
  readonly storage: BankStorage;
  close(): Promise<void>;
}

/** MONGODB_URI (CI: FerretDB) enables the MongoDB variant of the pipeline tests. */
export const MONGODB_URI = process.env.MONGODB_URI ?? '';

export const STORAGES: ReadonlyArray<readonly [string, () => Promise<TestStorage>]> = [
  [
    'memory',
    () => Promise.resolve({ storage: createInMemoryStorage(), close: () => Promise.resolve() }),
  ],
  ['mongo', openMongo],
];

/** A database of its own, dropped afterwards, so runs and files never see each other's data. */
async function openMongo(): Promise<TestStorage> {
  const dbName = `notify_${randomBytes(6).toString('hex')}`;
  const mongo = await connectMongo({ uri: MONGODB_URI, dbName, serverSelectionTimeoutMs: 5_000 });
  return {
    storage: mongo,
    close: async () => {
      await mongo.db.dropDatabase();
      await mongo.close();
    },
  };
}
