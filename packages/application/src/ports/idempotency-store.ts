/**
 * A use-case outcome as stored for replay: plain JSON, so any store can keep it. The guard stores
 * only business errors (ADR 0715); a `success` is what versions before it stored, and is answered
 * from the ledger like an unstored one.
 */
export type StoredOutcome =
  | { readonly kind: 'success'; readonly value: unknown }
  | {
      readonly kind: 'error';
      readonly code: string;
      readonly message: string;
      readonly details: Readonly<Record<string, unknown>>;
    };

export interface IdempotencyRecord {
  readonly clientId: string;
  readonly key: string;
  /** Canonical form of the request; a different one under the same key is a misuse. */
  readonly fingerprint: string;
  /** The transaction id reserved for the operation, so a resumed attempt cannot pay twice. */
  readonly transactionId: string;
  readonly state: 'in-flight' | 'completed';
  readonly outcome: StoredOutcome | null;
  readonly createdAt: Date;
  /** Replays are honoured until then (24 h after creation). */
  readonly expiresAt: Date;
  /** An in-flight record older than this belongs to a dead attempt and may be taken over. */
  readonly lockedUntil: Date;
}

/**
 * Idempotency keys scoped to a client; (clientId, key) is unique. A record keeps the transaction
 * id it was created with until it completes or expires: a retry after an outcome that is not
 * known resumes that id, and the ledger's unique transaction id applies it at most once (ADR 0003).
 */
export interface IdempotencyStore {
  /** Inserts `record` unless (clientId, key) exists; returns the existing record then. */
  insertIfAbsent(record: IdempotencyRecord): Promise<IdempotencyRecord | null>;
  /** Removes the record only if it is still the one given (same transactionId and state). */
  remove(record: IdempotencyRecord): Promise<void>;
  /**
   * Moves the lock of the in-flight record that still holds `record.transactionId` (a takeover,
   * or a release after a failure whose outcome is not known). Last writer wins, harmlessly:
   * whoever holds the lock runs the same transaction id.
   */
  relock(record: IdempotencyRecord, lockedUntil: Date): Promise<void>;
  /** Stores the outcome on the record that still holds `record.transactionId`. */
  complete(record: IdempotencyRecord, outcome: StoredOutcome): Promise<void>;
}
