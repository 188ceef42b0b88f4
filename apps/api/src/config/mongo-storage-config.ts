import { mongoConfigFromEnv, type MongoStorageConfig } from '@btg-funds/adapters-mongo';
import type { AppConfig } from './app-config.js';

/**
 * The adapter's settings: URI and database from AppConfig (MONGODB_URI, MONGODB_DB), pool size
 * and timeout (MONGODB_POOL_SIZE, MONGODB_TIMEOUT_MS) validated by adapters-mongo, which
 * throws MongoConfigError naming the variable — at start-up, before anything listens.
 */
export function mongoStorageConfig(
  config: AppConfig,
  env: Readonly<Record<string, string | undefined>>,
): MongoStorageConfig {
  if (config.storage.kind !== 'mongo') throw new Error('storage is not configured as mongo');
  const { uri, dbName } = config.storage;
  const tuned = mongoConfigFromEnv({ ...env, MONGODB_URI: uri, MONGODB_DB: dbName });
  return { ...tuned, uri };
}
