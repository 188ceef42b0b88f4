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
    rateLimits: storage.rateLimits,
    verifications: storage.verifications,
    ping: () => storage.ping(),
    prepare: async () => {
      await storage.ping().catch((error: unknown) => {
        // The error itself only says "La base de datos no está disponible" (it is written for
        // users); the operator needs where the process looked, why it failed and how long it
        // waited. Hosts only: the URI may carry credentials. The whole chain follows in the
        // "start-up failed" line (main.ts).
        const target = targetOf(storage);
        const cause = rootCause(error);
        logger.error(
          { ...target, cause },
          `mongo: cannot reach ${target.hosts.join(', ')} (db ${target.db}) within ${target.timeoutMs} ms: ${cause}`,
        );
        throw error;
      });
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

/** Where the driver looks, as it parsed the URI: hosts (or the SRV name), database, timeout. */
function targetOf(storage: MongoStorage) {
  const options = storage.db.client.options;
  return {
    hosts: options.srvHost !== undefined ? [`${options.srvHost} (SRV)`] : options.hosts.map(String),
    db: storage.db.databaseName,
    timeoutMs: options.serverSelectionTimeoutMS,
  };
}

/** The innermost message of a cause chain (`connect ECONNREFUSED 10.0.0.5:27017`). */
function rootCause(error: unknown): string {
  let current = error;
  for (
    let depth = 0;
    depth < 10 && current instanceof Error && current.cause !== undefined;
    depth++
  ) {
    current = current.cause;
  }
  return current instanceof Error ? `${current.name}: ${current.message}` : String(current);
}
