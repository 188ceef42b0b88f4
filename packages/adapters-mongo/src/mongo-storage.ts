import type { Db, MongoClient, MongoClientOptions } from 'mongodb';
import { mongoDriver } from './driver.js';
import { ensureIndexes } from './indexes.js';
import { MongoClientRepository } from './mongo-client-repository.js';
import { MongoFundRepository } from './mongo-fund-repository.js';
import { MongoIdempotencyStore } from './mongo-idempotency-store.js';
import { MongoLedger } from './mongo-ledger.js';
import { MongoNotificationStore } from './mongo-notification-store.js';
import { MongoRateLimitStore } from './mongo-rate-limit-store.js';
import { MongoRefreshTokenStore } from './mongo-refresh-token-store.js';
import { MongoVerificationChallengeStore } from './mongo-verification-challenge-store.js';
import { storageCall } from './storage-errors.js';
import { ledgerWriteConcernFor, type ServerProfile } from './server-profile.js';

export interface MongoStorageConfig {
  /** Any MongoDB connection string; TLS, replica set and auth options go here. */
  readonly uri: string;
  /** Defaults to the database named in the URI path, else "btg". */
  readonly dbName?: string | undefined;
  readonly maxPoolSize?: number | undefined;
  /** How long an operation waits for a usable server before failing (readiness, outages). */
  readonly serverSelectionTimeoutMs?: number | undefined;
  readonly connectTimeoutMs?: number | undefined;
  /**
   * How long one operation waits for the server's answer, and for a free pooled connection,
   * before it fails as StorageUnavailableError (default 5000): a stalled store is noticed in
   * seconds instead of never (ADR 0304).
   */
  readonly socketTimeoutMs?: number | undefined;
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
  readonly rateLimits: MongoRateLimitStore;
  readonly verifications: MongoVerificationChallengeStore;
  readonly db: Db;
  /** The driver's client: its events (commandStarted with monitorCommands) and nothing else. */
  readonly client: MongoClient;
  /** Idempotent; run once at start-up. */
  ensureIndexes(): Promise<void>;
  /** Readiness: resolves when the server answers, throws StorageUnavailableError otherwise. */
  ping(): Promise<void>;
  /**
   * Asks the server what it is and sets the ledger's write concern from it: `w: majority,
   * j: true` on a replica set (MongoDB, Atlas, DocumentDB), the server default otherwise.
   */
  configureDurability(): Promise<ServerProfile>;
  /** Stands in for TTL indexes (ADR 0302); run periodically. */
  deleteExpired(now: Date): Promise<{
    idempotencyKeys: number;
    refreshTokens: number;
    notificationAttempts: number;
    rateLimitHits: number;
    verificationChallenges: number;
  }>;
  close(): Promise<void>;
}

export const DEFAULT_SOCKET_TIMEOUT_MS = 5_000;

/** Builds the storage without connecting: the driver connects on the first operation. */
export function createMongoStorage(config: MongoStorageConfig): MongoStorage {
  const client = new (mongoDriver().MongoClient)(config.uri, {
    ...clientOptions(config, config.maxPoolSize ?? 20),
    monitorCommands: config.monitorCommands ?? false,
  });
  // Readiness asks whether the store answers, on a connection of its own: a pool busy with a
  // burst (or with the drain after a stall) must not make the instance flap in and out of the
  // load balancer (ADR 0603). Connected lazily, on the first ping.
  const probe = new (mongoDriver().MongoClient)(config.uri, clientOptions(config, 1));
  const db = client.db(config.dbName ?? databaseFromUri(config.uri));
  const idempotency = new MongoIdempotencyStore(db);
  const refreshTokens = new MongoRefreshTokenStore(db);
  const notifications = new MongoNotificationStore(db);
  const ledger = new MongoLedger(db);
  const rateLimits = new MongoRateLimitStore(db);
  const verifications = new MongoVerificationChallengeStore(db);
  return {
    clients: new MongoClientRepository(db),
    funds: new MongoFundRepository(db),
    ledger,
    idempotency,
    refreshTokens,
    notifications,
    rateLimits,
    verifications,
    db,
    client,
    ensureIndexes: () => storageCall(() => ensureIndexes(db)),
    ping: async () => {
      await storageCall(() => probe.db(db.databaseName).command({ ping: 1 }));
    },
    configureDurability: async () => {
      const hello = await storageCall(() => db.command({ hello: 1 }));
      const profile: ServerProfile = { replicaSet: typeof hello.setName === 'string' };
      ledger.useWriteConcern(ledgerWriteConcernFor(profile));
      return profile;
    },
    deleteExpired: async (now) => ({
      idempotencyKeys: await idempotency.deleteExpired(now),
      refreshTokens: await refreshTokens.deleteExpired(now),
      // A claimed delivery attempt matters only to dispatchers holding a copy from their last
      // read of due records (minutes); a day is far beyond that.
      notificationAttempts: await notifications.deleteClaimsBefore(
        new Date(now.getTime() - 24 * 60 * 60 * 1000),
      ),
      rateLimitHits: await rateLimits.deleteExpired(now),
      verificationChallenges: await verifications.deleteExpired(now),
    }),
    close: async () => {
      // Head moves still in flight (ADR 0715) are answered first: closing under them would only
      // turn them into logged driver errors.
      await ledger.headsSettled();
      await Promise.all([client.close(), probe.close()]);
    },
  };
}

function clientOptions(config: MongoStorageConfig, maxPoolSize: number): MongoClientOptions {
  const socketTimeoutMs = config.socketTimeoutMs ?? DEFAULT_SOCKET_TIMEOUT_MS;
  return {
    maxPoolSize,
    serverSelectionTimeoutMS: config.serverSelectionTimeoutMs ?? 5_000,
    connectTimeoutMS: config.connectTimeoutMs ?? 10_000,
    socketTimeoutMS: socketTimeoutMs,
    waitQueueTimeoutMS: socketTimeoutMs,
    appName: config.appName ?? 'btg-funds',
    // The adapters never rely on multi-document transactions or sessions, which FerretDB and
    // older DocumentDB lack; the driver is told nothing else, so URI options still apply.
  };
}

/** Creates the storage, checks the server answers and makes sure the indexes exist. */
export async function connectMongo(config: MongoStorageConfig): Promise<MongoStorage> {
  const storage = createMongoStorage(config);
  try {
    await storage.ping();
    await storage.ensureIndexes();
    await storage.configureDurability();
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
