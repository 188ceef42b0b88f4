import type { IdempotencyRecord, IdempotencyStore, StoredOutcome } from '@btg-funds/application';
import { yieldToOthers } from './yield-to-others.js';

export class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, IdempotencyRecord>();

  async insertIfAbsent(record: IdempotencyRecord): Promise<IdempotencyRecord | null> {
    await yieldToOthers();
    const existing = this.records.get(keyOf(record.clientId, record.key));
    if (existing !== undefined) return existing;
    this.records.set(keyOf(record.clientId, record.key), record);
    return null;
  }

  async remove(record: IdempotencyRecord): Promise<void> {
    await yieldToOthers();
    const current = this.records.get(keyOf(record.clientId, record.key));
    if (current?.transactionId === record.transactionId && current.state === record.state) {
      this.records.delete(keyOf(record.clientId, record.key));
    }
  }

  async relock(record: IdempotencyRecord, lockedUntil: Date): Promise<void> {
    await yieldToOthers();
    const current = this.records.get(keyOf(record.clientId, record.key));
    if (current?.transactionId === record.transactionId && current.state === 'in-flight') {
      this.records.set(keyOf(record.clientId, record.key), { ...current, lockedUntil });
    }
  }

  async complete(record: IdempotencyRecord, outcome: StoredOutcome): Promise<void> {
    await yieldToOthers();
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
