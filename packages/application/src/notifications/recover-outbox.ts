import {
  positionOf,
  type Clock,
  type IdGenerator,
  type Ledger,
  type LedgerPosition,
  type LedgerRecord,
  type NotificationStore,
} from '../ports/index.js';
import { pendingNotification } from './outbox.js';

export interface RecoveryPolicy {
  /** Ledger entries read per storage call. */
  readonly pageSize: number;
  /** Pages per pass: bounds one pass; a larger backlog is worked through over several passes. */
  readonly maxPages: number;
  /**
   * How long after its `createdAt` an entry may still reach the ledger (a slow request). The
   * checkpoint stays that far behind the reads, so a late append is still examined.
   */
  readonly settleMs: number;
  /** Where the very first pass of a deployment starts (no checkpoint saved yet). */
  readonly initialWindowMs: number;
  /**
   * How often a cycle starts at the durable checkpoint (a sweep: the settle window again, then
   * the checkpoint moves). The cycles between sweeps follow on from what this process has read
   * (ADR 0732).
   */
  readonly sweepEveryMs: number;
  /**
   * How long before the previous cycle began a follow-on cycle starts: an entry appended at most
   * this long after its `createdAt` (by this process's clock) is examined by the next cycle; a
   * later one by the next sweep.
   */
  readonly lateMs: number;
}

export const DEFAULT_RECOVERY_POLICY: RecoveryPolicy = {
  pageSize: 500,
  maxPages: 20,
  settleMs: 5 * 60_000,
  initialWindowMs: 24 * 60 * 60_000,
  sweepEveryMs: 5 * 60_000,
  // Twice the default request deadline (REQUEST_TIMEOUT_MS, 10 s): an append after that is rare.
  lateMs: 20_000,
};

export interface RecoveryReport {
  /** Entries with an intent read by this pass. */
  readonly examined: number;
  /** Delivery records that were missing and have been created. */
  readonly created: number;
  /** False when the pass stopped at its page limit: run the next one soon. */
  readonly caughtUp: boolean;
}

/**
 * Re-creates delivery records for committed operations whose fast-path enqueue was lost (the
 * store failed, or the process died, between the ledger append and the outbox write); run on an
 * interval by every process (ADR 0004). A cycle reads the ledger page by page with a cursor, over
 * as many passes as it takes. Each pass costs pages, never the size of the whole ledger.
 *
 * Two kinds of cycle (ADR 0732). A *sweep* starts at the durable checkpoint and, once caught up,
 * moves the checkpoint to `settleMs` before its first read (ADR 0007): it alone makes recovery
 * durable, and it runs once per `sweepEveryMs`. Between sweeps, a *follow-on* cycle starts
 * `lateMs` before the instant the previous cycle began and moves nothing: every entry appended
 * since then was created after that start (unless it is later than `lateMs`), so it finds a loss
 * within one interval while reading only what is new, not the settle window on every interval.
 */
export class RecoverOutbox {
  /**
   * This process's cycle in progress, or null to start the next one. A sweep's `settled`:
   * `settleMs` before its first read. An entry appended after a read can only have been created
   * after that instant, so everything created before it has been examined.
   */
  private cycle: Cycle | null = null;
  /** When this process's last completed sweep began (epoch ms), null before the first. */
  private lastSweepMs: number | null = null;
  /**
   * When this process's last completed cycle of either kind began (epoch ms), null before the
   * first. Only a completed one: a cycle that failed part-way covered nothing for certain.
   */
  private lastCycleMs: number | null = null;

  constructor(
    private readonly deps: {
      readonly ledger: Ledger;
      readonly store: NotificationStore;
      readonly ids: IdGenerator;
      readonly clock: Clock;
      readonly policy?: RecoveryPolicy;
    },
  ) {}

  async execute(): Promise<RecoveryReport> {
    const policy = this.deps.policy ?? DEFAULT_RECOVERY_POLICY;
    const cycle = this.cycle ?? (await this.nextCycle(policy));
    const report = { examined: 0, created: 0, caughtUp: false };
    let lastCreatedAt: Date | null = null;
    for (let page = 0; page < policy.maxPages && !report.caughtUp; page += 1) {
      const entries = await this.deps.ledger.withNotificationsAfter(cycle.cursor, policy.pageSize);
      report.created += await this.ensureMissing(entries);
      report.examined += entries.length;
      report.caughtUp = entries.length < policy.pageSize;
      const last = entries.at(-1);
      if (last !== undefined) {
        cycle.cursor = positionOf(last);
        lastCreatedAt = last.transaction.createdAt;
      }
    }
    this.cycle = report.caughtUp ? null : cycle;
    if (report.caughtUp) {
      this.lastCycleMs = cycle.startedMs;
      if (cycle.settled !== null) this.lastSweepMs = cycle.startedMs;
    }
    if (cycle.settled !== null) {
      const safe =
        report.caughtUp || lastCreatedAt === null
          ? cycle.settled
          : earliest(lastCreatedAt, cycle.settled);
      await this.deps.store.advanceRecoveryCheckpoint(safe);
    }
    return report;
  }

  /** A sweep when one is due (and as the process's first cycle), else a follow-on cycle. */
  private async nextCycle(policy: RecoveryPolicy): Promise<Cycle> {
    const nowMs = this.deps.clock.now().getTime();
    const previous = this.lastCycleMs;
    if (
      previous === null ||
      this.lastSweepMs === null ||
      nowMs - this.lastSweepMs >= policy.sweepEveryMs
    ) {
      const cursor = await this.cycleStart(policy);
      return { cursor, settled: new Date(nowMs - policy.settleMs), startedMs: nowMs };
    }
    const from = new Date(previous - policy.lateMs);
    return { cursor: { createdAt: from, clientId: '', seq: 0 }, settled: null, startedMs: nowMs };
  }

  private async cycleStart(policy: RecoveryPolicy): Promise<LedgerPosition> {
    const saved = await this.deps.store.recoveryCheckpoint();
    const from = saved ?? new Date(this.deps.clock.now().getTime() - policy.initialWindowMs);
    return { createdAt: from, clientId: '', seq: 0 };
  }

  /** One query says which records exist; only the missing ones are built and written. */
  private async ensureMissing(entries: readonly LedgerRecord[]): Promise<number> {
    const owed = entries.filter(
      (e) => e.notification !== null && e.transaction.status === 'completed',
    );
    if (owed.length === 0) return 0;
    const known = await this.deps.store.knownTransactionIds(owed.map((e) => e.transaction.id));
    let created = 0;
    for (const entry of owed) {
      if (known.has(entry.transaction.id)) continue;
      const record = pendingNotification(entry, this.deps.ids.next());
      if (record !== null && (await this.deps.store.ensure(record))) created += 1;
    }
    return created;
  }
}

/**
 * A cycle in progress: where its next page starts, `settled` for a sweep (`settleMs` before its
 * first read, where the checkpoint moves; null for a follow-on cycle) and when it began.
 */
interface Cycle {
  cursor: LedgerPosition;
  readonly settled: Date | null;
  readonly startedMs: number;
}

const earliest = (a: Date, b: Date): Date => (a < b ? a : b);
