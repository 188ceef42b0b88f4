import { idempotencyKeyReused } from '../application-errors.js';
import type {
  Clock,
  IdempotencyRecord,
  IdempotencyStore,
  IdGenerator,
  StoredOutcome,
} from '../ports/index.js';
import { checkKey, inFlight, isFinalAnswer, replayError } from './idempotency-rules.js';

export interface IdempotencyConfig {
  /** How long a key's first response is replayed (24 h: docs/product/http-contract.md, "Idempotency-Key"). */
  readonly ttlMs: number;
  /** How long an in-flight attempt is trusted before it is presumed dead and taken over. */
  readonly lockMs: number;
}

export const DEFAULT_IDEMPOTENCY_CONFIG: IdempotencyConfig = {
  ttlMs: 24 * 60 * 60 * 1000,
  lockMs: 30_000,
};

export interface AttemptContext {
  readonly transactionId: string;
  /** True when this attempt takes over a key whose first attempt died mid-way. */
  readonly resumed: boolean;
}

/**
 * Rebuilds the answer of an attempt whose effect is already durable (the ledger entry that holds
 * the reserved transaction id), or null when there is none yet. `orphaned`: the attempt's lock
 * has expired, so it may have died before finishing its follow-up writes (the outbox record).
 */
export type AnswerOf<T> = (transactionId: string, orphaned: boolean) => Promise<T | null>;

export interface Idempotent<T> {
  readonly result: T;
  readonly replayed: boolean;
}

/**
 * Idempotency-Key semantics (docs/product/http-contract.md, "Idempotency-Key"). The key reserves
 * a transaction id before any money moves and keeps it for its whole life (ADR 0003): a retry
 * finds the effect under that id and is answered from it (ADR 0715), and after a failure whose
 * outcome is not known (an outage, a write that may have landed) it resumes that id, so the
 * ledger's unique transaction id applies the operation at most once.
 */
export class IdempotencyGuard {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly config: IdempotencyConfig = DEFAULT_IDEMPOTENCY_CONFIG,
    /** Store failures the guard absorbs (the answer still goes out); for the logs. */
    private readonly reportError: (error: unknown) => void = () => undefined,
  ) {}

  /**
   * Runs `attempt` once per key. A success is not stored (one write fewer per request, ADR
   * 0715): its record stays in-flight, and a retry is answered from the effect itself —
   * `answered` is asked before an in-flight record counts as busy or is resumed. Only a final
   * business error is stored, as it wrote nothing to answer from.
   */
  async run<T>(
    request: { clientId: string; key: string | undefined; fingerprint: string },
    attempt: (context: AttemptContext) => Promise<T>,
    answered: AnswerOf<T>,
  ): Promise<Idempotent<T>> {
    if (request.key === undefined) {
      return {
        result: await attempt({ transactionId: this.ids.next(), resumed: false }),
        replayed: false,
      };
    }
    checkKey(request.key);
    const claim = await this.claim(request.clientId, request.key, request.fingerprint, answered);
    if (claim.kind === 'answered') return { result: claim.result, replayed: true };
    try {
      const result = await attempt({
        transactionId: claim.record.transactionId,
        resumed: claim.resumed,
      });
      // Nothing to store: a retry is answered from the effect (the ledger entry).
      return { result, replayed: false };
    } catch (error) {
      await this.settleFailure(claim.record, error);
      throw error;
    }
  }

  private async claim<T>(
    clientId: string,
    key: string,
    fingerprint: string,
    answered: AnswerOf<T>,
  ): Promise<
    { kind: 'owned'; record: IdempotencyRecord; resumed: boolean } | { kind: 'answered'; result: T }
  > {
    // Bounded: each pass either owns the key, answers, or removed an expired record.
    for (let pass = 0; pass < 4; pass += 1) {
      const now = this.clock.now();
      const fresh = this.newRecord(clientId, key, fingerprint, this.ids.next(), now);
      const existing = await this.store.insertIfAbsent(fresh);
      if (existing === null) return { kind: 'owned', record: fresh, resumed: false };
      if (existing.expiresAt <= now) {
        await this.store.remove(existing);
        continue;
      }
      if (existing.fingerprint !== fingerprint) {
        throw idempotencyKeyReused();
      }
      // A stored business error replays as given (it throws).
      if (existing.outcome?.kind === 'error') replayError(existing.outcome);
      // In flight, or a success (a version before ADR 0715 stored some): is its effect durable?
      const locked = existing.lockedUntil > now;
      const result = await answered(existing.transactionId, !locked);
      if (result !== null) return { kind: 'answered', result };
      if (locked) throw inFlight();
      // Released after an unknown outcome, or its attempt died: resume with its transaction id,
      // never a new one. The record is never removed in between, so no rival can slip in a new
      // id; two resumers racing run the same id, and the ledger lets it land once.
      const lockedUntil = new Date(now.getTime() + this.config.lockMs);
      await this.store.relock(existing, lockedUntil);
      return { kind: 'owned', record: { ...existing, lockedUntil }, resumed: true };
    }
    throw inFlight();
  }

  private async settleFailure(record: IdempotencyRecord, error: unknown): Promise<void> {
    if (!isFinalAnswer(error)) {
      await this.release(record);
      return;
    }
    // A business answer is part of the contract and replays as given.
    const outcome: StoredOutcome = {
      kind: 'error',
      code: error.code,
      message: error.message,
      details: error.details,
    };
    await this.store.complete(record, outcome).catch((storeError: unknown) => {
      // Answered but not stored: a retry decides again. Nothing can apply twice: an answer that
      // moved no money wrote nothing, and a recorded failure holds the reserved transaction id.
      return this.release(record, storeError);
    });
  }

  /**
   * The outcome is not known (or could not be stored): keep the transaction id and unlock the
   * key so that a retry resumes it at once. If even this fails, the lock simply expires.
   */
  private async release(record: IdempotencyRecord, cause?: unknown): Promise<void> {
    if (cause !== undefined) this.reportError(cause);
    try {
      await this.store.relock(record, this.clock.now());
    } catch (error) {
      this.reportError(error);
    }
  }

  private newRecord(
    clientId: string,
    key: string,
    fingerprint: string,
    transactionId: string,
    now: Date,
  ): IdempotencyRecord {
    return {
      clientId,
      key,
      fingerprint,
      transactionId,
      state: 'in-flight',
      outcome: null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.ttlMs),
      lockedUntil: new Date(now.getTime() + this.config.lockMs),
    };
  }
}
