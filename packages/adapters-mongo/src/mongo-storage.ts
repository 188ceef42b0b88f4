import { MongoClient, type Db } from 'mongodb';
import { ensureIndexes } from './indexes.js';
import { MongoClientRepository } from './mongo-client-repository.js';
import { MongoFundRepository } from './mongo-fund-repository.js';
import { MongoIdempotencyStore } from './mongo-idempotency-store.js';
import { MongoLedger } from './mongo-ledger.js';
import { MongoNotificationStore } from './mongo-notification-store.js';
import { MongoRefreshTokenStore } from './mongo-refresh-token-store.js';
import { storageCall } from './storage-errors.js';

export interface MongoStorageConfig {
  /** Any MongoDB connection string; TLS, replica set and auth options go here. */
  readonly uri: string;
  /** Defaults to the database named in the URI path, else "btg". */
  readonly dbName?: string | undefined;
  readonly maxPoolSize?: number | undefined;
  /** How long an operation waits for a usable server before failing (readiness, outages). */
  readonly serverSelectionTimeoutMs?: number | undefined;
  readonly connectTimeoutMs?: number | undefined;
  /** Identifies the process in server logs. */
  readonly appName?: string | undefined;
  /** Emit the driver's command events on `client` (tests count storage round trips with it). */
  readonly monitorCommands?: boolean | undefined;
}

/** Every port implementation over one connection pool, plus the operations of the process. */
export interface MongoStorage {
  readonly clients: MongoClientRepository;
  readonly funds: MongoFundRepository;
  readonly ledger: MongoLedger;
  readonly idempotency: MongoIdempotencyStore;
  readonly refreshTokens: MongoRefreshTokenStore;
  readonly notifications: MongoNotificationStore;
  readonly db: Db;
  /** The driver's client: its events (commandStarted with monitorCommands) and nothing else. */
  readonly client: MongoClient;
  /** Idempotent; run once at start-up. */
  ensureIndexes(): Promise<void>;
  /** Readiness: resolves when the server answers, throws StorageUnavailableError otherwise. */
  ping(): Promise<void>;
  /** Stands in for TTL indexes (ADR 0302); run periodically. */
  deleteExpired(now: Date): Promise<{ idempotencyKeys: number; refreshTokens: number }>;
  close(): Promise<void>;
}

/** Builds the storage without connecting: the driver connects on the first operation. */
export function createMongoStorage(config: MongoStorageConfig): MongoStorage {
  const client = new MongoClient(config.uri, {
    maxPoolSize: config.maxPoolSize ?? 20,
    serverSelectionTimeoutMS: config.serverSelectionTimeoutMs ?? 5_000,
    connectTimeoutMS: config.connectTimeoutMs ?? 10_000,
    appName: config.appName ?? 'btg-funds',
    monitorCommands: config.monitorCommands ?? false,
    // The adapters never rely on multi-document transactions or sessions, which FerretDB and
    // older DocumentDB lack; the driver is told nothing else, so URI options still apply.
  });
  const db = client.db(config.dbName ?? databaseFromUri(config.uri));
  const idempotency = new MongoIdempotencyStore(db);
  const refreshTokens = new MongoRefreshTokenStore(db);
  return {
    clients: new MongoClientRepository(db),
    funds: new MongoFundRepository(db),
    ledger: new MongoLedger(db),
    idempotency,
    refreshTokens,
    notifications: new MongoNotificationStore(db),
    db,
    client,
    ensureIndexes: () => storageCall(() => ensureIndexes(db)),
    ping: async () => {
      await storageCall(() => db.command({ ping: 1 }));
    },
    deleteExpired: async (now) => ({
      idempotencyKeys: await idempotency.deleteExpired(now),
      refreshTokens: await refreshTokens.deleteExpired(now),
    }),
    close: () => client.close(),
  };
}

/** Creates the storage, checks the server answers and makes sure the indexes exist. */
export async function connectMongo(config: MongoStorageConfig): Promise<MongoStorage> {
  const storage = createMongoStorage(config);
  try {
    await storage.ping();
    await storage.ensureIndexes();
    return storage;
  } catch (error) {
    await storage.close();
    throw error;
  }
}

/** The database in the URI path (`mongodb://host/btg?…` → "btg"), else "btg". */
export function databaseFromUri(uri: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]+)/.exec(uri);
  const name = match?.[1] === undefined ? '' : decodeURIComponent(match[1]);
  return name === '' ? 'btg' : name;
}
