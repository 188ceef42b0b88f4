import { ApplicationError, isBusinessError } from '../errors.js';
import type {
  Clock,
  IdempotencyRecord,
  IdempotencyStore,
  IdGenerator,
  StoredOutcome,
} from '../ports/index.js';

export interface IdempotencyConfig {
  /** How long a key's first response is replayed (SPEC §4.4: 24 h). */
  readonly ttlMs: number;
  /** How long an in-flight attempt is trusted before it is presumed dead and taken over. */
  readonly lockMs: number;
}

export const DEFAULT_IDEMPOTENCY_CONFIG: IdempotencyConfig = {
  ttlMs: 24 * 60 * 60 * 1000,
  lockMs: 30_000,
};

export interface OutcomeCodec<T> {
  serialize(value: T): unknown;
  deserialize(value: unknown): T;
}

export interface AttemptContext {
  readonly transactionId: string;
  /** True when this attempt takes over a key whose first attempt died mid-way. */
  readonly resumed: boolean;
}

export interface Idempotent<T> {
  readonly result: T;
  readonly replayed: boolean;
}

/**
 * SPEC §4.4 Idempotency-Key semantics. The key reserves a transaction id before any money
 * moves; the ledger's unique transaction id then guarantees that a retried or resumed attempt
 * applies the operation at most once.
 */
export class IdempotencyGuard {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly config: IdempotencyConfig = DEFAULT_IDEMPOTENCY_CONFIG,
  ) {}

  async run<T>(
    request: { clientId: string; key: string | undefined; fingerprint: string },
    codec: OutcomeCodec<T>,
    attempt: (context: AttemptContext) => Promise<T>,
  ): Promise<Idempotent<T>> {
    if (request.key === undefined) {
      return {
        result: await attempt({ transactionId: this.ids.next(), resumed: false }),
        replayed: false,
      };
    }
    checkKey(request.key);
    const claim = await this.claim(request.clientId, request.key, request.fingerprint);
    if (claim.kind === 'replay') return { result: replay(claim.record, codec), replayed: true };
    try {
      const result = await attempt({
        transactionId: claim.record.transactionId,
        resumed: claim.resumed,
      });
      await this.store.complete(request.clientId, request.key, {
        kind: 'success',
        value: codec.serialize(result),
      });
      return { result, replayed: false };
    } catch (error) {
      await this.settleFailure(claim.record, error);
      throw error;
    }
  }

  private async claim(
    clientId: string,
    key: string,
    fingerprint: string,
  ): Promise<
    | { kind: 'owned'; record: IdempotencyRecord; resumed: boolean }
    | { kind: 'replay'; record: IdempotencyRecord }
  > {
    // Bounded: each pass either owns the key, answers, or removed a dead record.
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
        throw new ApplicationError(
          'IDEMPOTENCY_KEY_REUSED',
          'La clave de idempotencia ya se usó con una solicitud diferente.',
        );
      }
      if (existing.state === 'completed') return { kind: 'replay', record: existing };
      if (existing.lockedUntil > now) throw inFlight();
      // The first attempt died: take over with its transaction id, never a new one.
      await this.store.remove(existing);
      const takeover = { ...existing, lockedUntil: new Date(now.getTime() + this.config.lockMs) };
      if ((await this.store.insertIfAbsent(takeover)) === null) {
        return { kind: 'owned', record: takeover, resumed: true };
      }
    }
    throw inFlight();
  }

  private async settleFailure(record: IdempotencyRecord, error: unknown): Promise<void> {
    // A business answer is part of the contract and replays as given; anything transient
    // (an outage, a lost race) frees the key so the client can simply retry.
    if (isBusinessError(error) && error.code !== 'CONCURRENT_MODIFICATION') {
      const outcome: StoredOutcome = {
        kind: 'error',
        code: error.code,
        message: error.message,
        details: error.details,
      };
      await this.store.complete(record.clientId, record.key, outcome);
    } else {
      await this.store.remove(record);
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

function replay<T>(record: IdempotencyRecord, codec: OutcomeCodec<T>): T {
  const outcome = record.outcome;
  if (outcome === null) throw inFlight();
  if (outcome.kind === 'success') return codec.deserialize(outcome.value);
  throw new ApplicationError(
    outcome.code as ApplicationError['code'],
    outcome.message,
    outcome.details,
    true,
  );
}

function checkKey(key: string): void {
  if (key.length < 1 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ApplicationError(
      'VALIDATION_ERROR',
      'El encabezado Idempotency-Key debe tener entre 1 y 255 caracteres ASCII visibles.',
      { path: 'Idempotency-Key' },
    );
  }
}

function inFlight(): ApplicationError {
  return new ApplicationError(
    'IDEMPOTENCY_KEY_IN_FLIGHT',
    'Una solicitud con esta clave de idempotencia aún está en proceso.',
  );
}
