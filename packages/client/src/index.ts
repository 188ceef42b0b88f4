/**
 * @packageDocumentation
 * Typed HTTP client of the btg-funds API, generated from its OpenAPI document (openapi-fetch):
 * bearer auth with a single-flight refresh, one ApiError for every failure, Idempotency-Key on
 * money calls. Browser-safe ESM; no dependency besides openapi-fetch.
 */
export {
  createBtgClient,
  type BtgClient,
  type BtgClientOptions,
  type MoneyCallOptions,
  type MoneyOutcome,
} from './create-btg-client.js';
export { ApiError, isApiError, type ClientErrorCode, type FieldError } from './api-error.js';
export type { SessionEnd } from './session.js';
export {
  memoryTokenStore,
  webStorageTokenStore,
  type KeyValueStorage,
  type Tokens,
  type TokenStore,
} from './token-store.js';
export { newIdempotencyKey } from './idempotency-key.js';
export { unwrap } from './unwrap.js';
export type * from './api-types.js';
