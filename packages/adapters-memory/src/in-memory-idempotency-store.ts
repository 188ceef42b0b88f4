import type { IdempotencyRecord, IdempotencyStore, StoredOutcome } from '@btg-funds/application';
import { ExpiryQueue } from './expiry-queue.js';
import { eventLoopTurn, type StorageTurn } from './storage-turn.js';

/**
 * Idempotency records by (clientId, key). Records whose replay window closed are forgotten as
 * new ones arrive (the record's own createdAt is "now"), as the Mongo sweep does: the guard
 * treats an expired record as absent anyway, so only memory changes.
 */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  constructor(private readonly turn: StorageTurn = eventLoopTurn) {}

  private readonly records = new Map<string, IdempotencyRecord>();
  private readonly expiry = new ExpiryQueue<string>();

  /** Records held (expired ones included until the next insert forgets them). */
  get size(): number {
    return this.records.size;
  }

  async insertIfAbsent(record: IdempotencyRecord): Promise<IdempotencyRecord | null> {
    await this.turn();
    this.deleteExpired(record.createdAt);
    const existing = this.records.get(keyOf(record.clientId, record.key));
    if (existing !== undefined) return existing;
    this.records.set(keyOf(record.clientId, record.key), record);
    this.expiry.add(keyOf(record.clientId, record.key), record.expiresAt);
    return null;
  }

  /** Forgets every record whose replay window has closed at `now`. */
  deleteExpired(now: Date): void {
    this.expiry.drain(now, (key) => {
      const current = this.records.get(key);
      if (current !== undefined && current.expiresAt <= now) this.records.delete(key);
    });
  }

  async remove(record: IdempotencyRecord): Promise<void> {
    await this.turn();
    const current = this.records.get(keyOf(record.clientId, record.key));
    if (current?.transactionId === record.transactionId && current.state === record.state) {
      this.records.delete(keyOf(record.clientId, record.key));
    }
  }

  async relock(record: IdempotencyRecord, lockedUntil: Date): Promise<void> {
    await this.turn();
    const current = this.records.get(keyOf(record.clientId, record.key));
    if (current?.transactionId === record.transactionId && current.state === 'in-flight') {
      this.records.set(keyOf(record.clientId, record.key), { ...current, lockedUntil });
    }
  }

  async complete(record: IdempotencyRecord, outcome: StoredOutcome): Promise<void> {
    await this.turn();
    const current = this.records.get(keyOf(record.clientId, record.key));
    if (current?.transactionId === record.transactionId) {
      this.records.set(keyOf(record.clientId, record.key), {
        ...current,
        state: 'completed',
        outcome,
      });
    }
  }
}

const keyOf = (clientId: string, key: string): string => JSON.stringify([clientId, key]);
