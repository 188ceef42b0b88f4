/**
 * @packageDocumentation
 * MongoDB implementations of the btg-funds ports on the official driver, portable to MongoDB,
 * Atlas, Amazon DocumentDB and FerretDB (no transactions, no atomic conditional updates).
 */
export {
  connectMongo,
  createMongoStorage,
  databaseFromUri,
  DEFAULT_SOCKET_TIMEOUT_MS,
  type MongoStorage,
  type MongoStorageConfig,
} from './mongo-storage.js';
export { MongoClientRepository } from './mongo-client-repository.js';
export { MongoFundRepository } from './mongo-fund-repository.js';
export { MongoLedger } from './mongo-ledger.js';
export { MongoIdempotencyStore } from './mongo-idempotency-store.js';
export { MongoRefreshTokenStore } from './mongo-refresh-token-store.js';
export { MongoNotificationStore } from './mongo-notification-store.js';
export { MongoRateLimitStore } from './mongo-rate-limit-store.js';
export { MongoVerificationChallengeStore } from './mongo-verification-challenge-store.js';
export { ledgerWriteConcernFor, type ServerProfile } from './server-profile.js';
export { ensureIndexes, INDEXES } from './indexes.js';
export { COLLECTIONS } from './collections.js';
export { isDuplicateKeyError, StorageUnavailableError } from './storage-errors.js';
export { MongoConfigError, mongoConfigFromEnv, type Env } from './mongo-config-from-env.js';
