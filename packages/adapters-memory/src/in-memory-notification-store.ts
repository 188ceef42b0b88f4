import {
  NOTIFICATIONS_SHOWN,
  type AttemptClaim,
  type ClaimOutcome,
  type NotificationRecord,
  type NotificationStatus,
  type NotificationStore,
} from '@btg-funds/application';
import { ClientNotifications } from './client-notifications.js';
import { eventLoopTurn, type StorageTurn } from './storage-turn.js';

/**
 * Every record by transaction id, plus indexes so no call scans the whole outbox (it keeps
 * every notification ever made): the pending ones (what `due` looks at, on every dispatcher
 * tick), each client's records in listing order, and a count per status (metrics, counting
 * forgotten ones too).
 *
 * A long-running process would otherwise keep every notification ever made: a delivered one
 * (sent or failed for good) that GET /notifications no longer shows — `keepPerClient` newer ones
 * exist — is forgotten, keeping only its transaction id, so `ensure` (outbox recovery) never
 * re-creates it and it is never sent twice.
 */
export class InMemoryNotificationStore implements NotificationStore {
  private readonly byTransactionId = new Map<string, NotificationRecord>();
  private readonly pending = new Map<string, NotificationRecord>();
  private readonly byClient = new Map<string, ClientNotifications>();
  private readonly counts = new Map<NotificationStatus, number>();
  /** Delivery attempts claimed, `notificationId:attempt` → claim, oldest first. */
  private readonly claims = new Map<string, AttemptClaim>();
  private checkpoint: Date | null = null;
  private readonly forgotten = new Set<string>();

  constructor(
    private readonly keepPerClient: number = NOTIFICATIONS_SHOWN,
    private readonly turn: StorageTurn = eventLoopTurn,
  ) {}

  /** Notification records held in full (forgotten ones are a transaction id each). */
  get size(): number {
    return this.byTransactionId.size;
  }

  async ensure(record: NotificationRecord): Promise<boolean> {
    await this.turn();
    if (this.byTransactionId.has(record.transactionId)) return false;
    if (this.forgotten.has(record.transactionId)) return false;
    this.write(record);
    const client = this.byClient.get(record.clientId) ?? this.newClient(record.clientId);
    client.add(record);
    // A withheld notification is created failed (ADR 0405): delivered from the start, so it is
    // forgotten like a sent one once the listing no longer shows it.
    if (record.status !== 'pending') this.forgetBeyondShown(client);
    return true;
  }

  async due(now: Date, limit: number): Promise<readonly NotificationRecord[]> {
    await this.turn();
    return [...this.pending.values()]
      .filter((r) => r.nextAttemptAt <= now)
      .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || compare(a.id, b.id))
      .slice(0, limit);
  }

  async claimAttempt(claim: AttemptClaim): Promise<ClaimOutcome> {
    await this.turn();
    this.forgetClaimsBefore(new Date(claim.claimedAt.getTime() - CLAIM_RETENTION_MS));
    const key = `${claim.notificationId}:${claim.attempt}`;
    const existing = this.claims.get(key);
    if (existing === undefined) {
      this.claims.set(key, claim);
      return 'claimed';
    }
    return existing.leaseUntil > claim.claimedAt ? 'held' : 'abandoned';
  }

  async update(record: NotificationRecord): Promise<void> {
    await this.turn();
    const current = this.byTransactionId.get(record.transactionId);
    if (current?.status !== 'pending' || current.attempts >= record.attempts) return;
    this.write(record);
    const client = this.byClient.get(current.clientId);
    client?.replace(current, record);
    if (client !== undefined && record.status !== 'pending') this.forgetBeyondShown(client);
  }

  async knownTransactionIds(transactionIds: readonly string[]): Promise<ReadonlySet<string>> {
    await this.turn();
    // A forgotten (delivered, no longer shown) notification is known: never re-created.
    return new Set(
      transactionIds.filter((id) => this.byTransactionId.has(id) || this.forgotten.has(id)),
    );
  }

  async recoveryCheckpoint(): Promise<Date | null> {
    await this.turn();
    return this.checkpoint;
  }

  async advanceRecoveryCheckpoint(to: Date): Promise<void> {
    await this.turn();
    if (this.checkpoint === null || to > this.checkpoint) this.checkpoint = to;
  }

  async listByClient(clientId: string, limit: number): Promise<readonly NotificationRecord[]> {
    await this.turn();
    return this.byClient.get(clientId)?.newest(clientId, limit) ?? [];
  }

  async findByTransactionId(transactionId: string): Promise<NotificationRecord | null> {
    await this.turn();
    return this.byTransactionId.get(transactionId) ?? null;
  }

  async countByStatus(status: NotificationStatus): Promise<number> {
    await this.turn();
    return this.counts.get(status) ?? 0;
  }

  /**
   * Forgets the client's delivered records that GET /notifications no longer shows (`keepPerClient`
   * newer ones exist), keeping their transaction ids.
   */
  private forgetBeyondShown(client: ClientNotifications): void {
    client.removeHidden(this.keepPerClient, (record) => {
      this.byTransactionId.delete(record.transactionId);
      this.forgotten.add(record.transactionId);
    });
  }

  private newClient(clientId: string): ClientNotifications {
    const client = new ClientNotifications();
    this.byClient.set(clientId, client);
    return client;
  }

  /** Stores the record and keeps the pending index and the counts in step with it. */
  private write(record: NotificationRecord): void {
    const previous = this.byTransactionId.get(record.transactionId);
    if (previous !== undefined) this.count(previous.status, -1);
    this.count(record.status, 1);
    this.byTransactionId.set(record.transactionId, record);
    if (record.status === 'pending') this.pending.set(record.transactionId, record);
    else this.pending.delete(record.transactionId);
  }

  /**
   * Claims are only ever looked up by a dispatcher holding a copy of a record from its last
   * `due` read, minutes old at most; a day later nobody can ask about them.
   */
  private forgetClaimsBefore(cutoff: Date): void {
    for (const [key, claim] of this.claims) {
      if (claim.claimedAt >= cutoff) return;
      this.claims.delete(key);
    }
  }

  private count(status: NotificationStatus, delta: number): void {
    this.counts.set(status, (this.counts.get(status) ?? 0) + delta);
  }
}

/** How long a claimed attempt is remembered (see forgetClaimsBefore). */
const CLAIM_RETENTION_MS = 24 * 60 * 60 * 1000;

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
