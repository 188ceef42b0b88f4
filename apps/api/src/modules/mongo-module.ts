import { createMongoStorage, type MongoStorageConfig } from '@btg-funds/adapters-mongo';
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
      (logger: Logger): AppStorage => mongoAppStorage(config, logger),
      [TOKENS.Logger],
    );
  });
}

function mongoAppStorage(config: MongoStorageConfig, logger: Logger): AppStorage {
  const storage = createMongoStorage({ appName: 'btg-funds-api', ...config });
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
    rateLimits: storage.rateLimits,
    ping: () => storage.ping(),
    prepare: async () => {
      await storage.ping();
      await storage.ensureIndexes();
      const { replicaSet } = await storage.configureDurability();
      logger.info(
        {
          db: storage.db.databaseName,
          ledgerWriteConcern: storage.ledger.appendWriteConcern ?? 'server default',
          replicaSet,
        },
        'mongo: connected, indexes ensured',
      );
      sweep = setInterval(purge, SWEEP_INTERVAL_MS);
      sweep.unref();
    },
    close: async () => {
      clearInterval(sweep);
      await storage.close();
    },
  };
}
