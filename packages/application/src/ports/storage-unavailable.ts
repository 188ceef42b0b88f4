/**
 * Thrown by any storage adapter when its store cannot be reached or did not answer in time.
 * An outage, never a business outcome: callers may retry, and the HTTP layer answers 503.
 */
export class StorageUnavailable extends Error {
  override readonly name: string = 'StorageUnavailable';
  readonly retryable = true;

  constructor(
    message = 'La base de datos no está disponible en este momento.',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
