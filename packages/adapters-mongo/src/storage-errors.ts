import { StorageUnavailable } from '@btg-funds/application';
import { mongoDriver } from './driver.js';

/**
 * The store could not be reached or did not answer in time. Use cases let it through as an
 * outage (never a business outcome); the message names no host and no credential.
 */
export class StorageUnavailableError extends StorageUnavailable {
  override readonly name = 'StorageUnavailableError';
  constructor(options?: { cause?: unknown }) {
    super(undefined, options);
  }
}

/** E11000 on any unique index (including _id); MongoDB, DocumentDB and FerretDB all use it. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}

/** Pool errors the driver does not export as classes: no free connection in time, pool shut. */
const POOL_ERRORS = new Set(['MongoWaitQueueTimeoutError', 'MongoPoolClosedError']);

function isUnavailable(error: unknown): boolean {
  const {
    MongoNetworkError,
    MongoNotConnectedError,
    MongoOperationTimeoutError,
    MongoServerSelectionError,
    MongoTopologyClosedError,
  } = mongoDriver();
  return (
    error instanceof MongoNetworkError ||
    (error instanceof Error && POOL_ERRORS.has(error.name)) ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoOperationTimeoutError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError
  );
}

/** Runs a driver call, turning connectivity failures into StorageUnavailableError. */
export async function storageCall<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isUnavailable(error)) throw new StorageUnavailableError({ cause: error });
    throw error;
  }
}
