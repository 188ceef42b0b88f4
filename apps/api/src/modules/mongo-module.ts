import {
  createMongoStorage,
  type MongoStorage,
  type MongoStorageConfig,
} from '@btg-funds/adapters-mongo';
import { ContainerModule } from 'inversify';
import type { Logger } from 'pino';
import type { AppStorage } from '../runtime/app-storage.js';
import { TOKENS } from '../tokens.js';

/** How often expired idempotency keys and refresh tokens are purged (no TTL on FerretDB). */
const SWEEP_INTERVAL_MS = 15 * 60 * 1000;

/**
 * Storage on MongoDB / Atlas / DocumentDB / FerretDB (MONGODB_URI set). The driver connects
 * lazily; `prepare()` (start-up) checks the server answers, creates the indexes and starts the
 * expiry sweep; `close()` stops the sweep and the connection pool.
 */
export function mongoModule(config: MongoStorageConfig): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(TOKENS.Storage).toResolvedValue(
      (logger: Logger): AppStorage =>
        mongoAppStorage(createMongoStorage({ appName: 'btg-funds-api', ...config }), logger),
      [TOKENS.Logger],
    );
  });
}

/** The process's view of a Mongo storage (exported so tests can wrap a monitored one). */
export function mongoAppStorage(storage: MongoStorage, logger: Logger): AppStorage {
  let sweep: NodeJS.Timeout | undefined;
  const purge = () => {
    storage.deleteExpired(new Date()).then(
      (deleted) => logger.debug({ deleted }, 'mongo: expired records purged'),
      (error: unknown) => logger.warn({ err: error }, 'mongo: expiry sweep failed'),
    );
  };
  return {
    kind: 'mongo',
    clients: storage.clients,
    funds: storage.funds,
    ledger: storage.ledger,
    idempotency: storage.idempotency,
    refreshTokens: storage.refreshTokens,
    notifications: storage.notifications,
    ping: () => storage.ping(),
    prepare: async () => {
      await storage.ping();
      await storage.ensureIndexes();
      logger.info({ db: storage.db.databaseName }, 'mongo: connected, indexes ensured');
      sweep = setInterval(purge, SWEEP_INTERVAL_MS);
      sweep.unref();
    },
    close: async () => {
      clearInterval(sweep);
      await storage.close();
    },
  };
}
