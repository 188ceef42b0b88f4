/**
 * A fresh Idempotency-Key (a random UUID). Make one per user intent — e.g. when a "Subscribe"
 * dialog opens — and send it with every attempt of that intent: a double click, a retry after a
 * timeout or a replay after a token refresh then moves money once.
 */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}
