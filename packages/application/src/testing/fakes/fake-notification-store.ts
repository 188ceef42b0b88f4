import type {
  AttemptClaim,
  ClaimOutcome,
  NotificationRecord,
  NotificationStatus,
  NotificationStore,
} from '../../ports/index.js';
import { tick } from './tick.js';

/** The outbox by transaction id, plus claimed attempts and the recovery checkpoint; scans. */
export class FakeNotificationStore implements NotificationStore {
  private readonly records = new Map<string, NotificationRecord>();
  private readonly claims = new Map<string, AttemptClaim>();
  private checkpoint: Date | null = null;

  async ensure(record: NotificationRecord): Promise<boolean> {
    await tick();
    if (this.records.has(record.transactionId)) return false;
    this.records.set(record.transactionId, record);
    return true;
  }

  async due(now: Date, limit: number): Promise<readonly NotificationRecord[]> {
    await tick();
    return [...this.records.values()]
      .filter((r) => r.status === 'pending' && r.nextAttemptAt <= now)
      .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || compare(a.id, b.id))
      .slice(0, limit);
  }

  async claimAttempt(claim: AttemptClaim): Promise<ClaimOutcome> {
    await tick();
    const key = `${claim.notificationId}:${claim.attempt}`;
    const existing = this.claims.get(key);
    if (existing === undefined) {
      this.claims.set(key, claim);
      return 'claimed';
    }
    return existing.leaseUntil > claim.claimedAt ? 'held' : 'abandoned';
  }

  async update(record: NotificationRecord): Promise<void> {
    await tick();
    const current = this.records.get(record.transactionId);
    if (current?.status !== 'pending' || current.attempts >= record.attempts) return;
    this.records.set(record.transactionId, record);
  }

  async knownTransactionIds(transactionIds: readonly string[]): Promise<ReadonlySet<string>> {
    await tick();
    return new Set(transactionIds.filter((id) => this.records.has(id)));
  }

  async recoveryCheckpoint(): Promise<Date | null> {
    await tick();
    return this.checkpoint;
  }

  async advanceRecoveryCheckpoint(to: Date): Promise<void> {
    await tick();
    if (this.checkpoint === null || to > this.checkpoint) this.checkpoint = to;
  }

  async listByClient(clientId: string, limit: number): Promise<readonly NotificationRecord[]> {
    await tick();
    return [...this.records.values()]
      .filter((r) => r.clientId === clientId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || compare(b.id, a.id))
      .slice(0, limit);
  }

  async findByTransactionId(transactionId: string): Promise<NotificationRecord | null> {
    await tick();
    return this.records.get(transactionId) ?? null;
  }

  async countByStatus(status: NotificationStatus): Promise<number> {
    await tick();
    return [...this.records.values()].filter((r) => r.status === status).length;
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
