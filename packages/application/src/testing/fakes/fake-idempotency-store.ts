import type { IdempotencyRecord, IdempotencyStore, StoredOutcome } from '../../ports/index.js';
import { tick } from './tick.js';

/**
 * Idempotency records by (clientId, key), each kept until removed, expired or not: as the Mongo
 * store until its sweep (no TTL index), so the guard's setting aside of an expired one is tested.
 */
export class FakeIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, IdempotencyRecord>();

  async insertIfAbsent(record: IdempotencyRecord): Promise<IdempotencyRecord | null> {
    await tick();
    const existing = this.records.get(keyOf(record));
    if (existing !== undefined) return existing;
    this.records.set(keyOf(record), record);
    return null;
  }

  async remove(record: IdempotencyRecord): Promise<void> {
    await tick();
    const current = this.records.get(keyOf(record));
    if (current?.transactionId === record.transactionId && current.state === record.state) {
      this.records.delete(keyOf(record));
    }
  }

  async relock(record: IdempotencyRecord, lockedUntil: Date): Promise<void> {
    await tick();
    const current = this.records.get(keyOf(record));
    if (current?.transactionId === record.transactionId && current.state === 'in-flight') {
      this.records.set(keyOf(record), { ...current, lockedUntil });
    }
  }

  async complete(record: IdempotencyRecord, outcome: StoredOutcome): Promise<void> {
    await tick();
    const current = this.records.get(keyOf(record));
    if (current?.transactionId === record.transactionId) {
      this.records.set(keyOf(record), { ...current, state: 'completed', outcome });
    }
  }
}

const keyOf = (record: IdempotencyRecord) => JSON.stringify([record.clientId, record.key]);
