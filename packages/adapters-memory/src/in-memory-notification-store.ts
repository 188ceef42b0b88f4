import type {
  NotificationRecord,
  NotificationStatus,
  NotificationStore,
} from '@btg-funds/application';
import { yieldToOthers } from './yield-to-others.js';

export class InMemoryNotificationStore implements NotificationStore {
  private readonly byTransactionId = new Map<string, NotificationRecord>();

  async ensure(record: NotificationRecord): Promise<boolean> {
    await yieldToOthers();
    if (this.byTransactionId.has(record.transactionId)) return false;
    this.byTransactionId.set(record.transactionId, record);
    return true;
  }

  async due(now: Date, limit: number): Promise<readonly NotificationRecord[]> {
    await yieldToOthers();
    return [...this.byTransactionId.values()]
      .filter((r) => r.status === 'pending' && r.nextAttemptAt <= now)
      .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || compare(a.id, b.id))
      .slice(0, limit);
  }

  async update(record: NotificationRecord): Promise<void> {
    await yieldToOthers();
    if (this.byTransactionId.has(record.transactionId)) {
      this.byTransactionId.set(record.transactionId, record);
    }
  }

  async listByClient(clientId: string, limit: number): Promise<readonly NotificationRecord[]> {
    await yieldToOthers();
    return [...this.byTransactionId.values()]
      .filter((r) => r.clientId === clientId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || compare(b.id, a.id))
      .slice(0, limit);
  }

  async findByTransactionId(transactionId: string): Promise<NotificationRecord | null> {
    await yieldToOthers();
    return this.byTransactionId.get(transactionId) ?? null;
  }

  async countByStatus(status: NotificationStatus): Promise<number> {
    await yieldToOthers();
    let count = 0;
    for (const record of this.byTransactionId.values()) if (record.status === status) count += 1;
    return count;
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
