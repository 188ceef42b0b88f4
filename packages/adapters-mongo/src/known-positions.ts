import type { LedgerRecord } from '@btg-funds/application';

interface Known {
  readonly seq: number;
  /** The entry at `seq`, when this process has seen it (not only learnt that it exists). */
  readonly entry: LedgerRecord | undefined;
}

/**
 * For each client, the highest ledger position this process knows to exist, and the entry there
 * when it has seen it. Entries are never removed or changed and positions have no gaps, so
 * "position n exists" stays true forever and implies every position below it: a stale value is
 * only lower than the truth, never wrong. Bounded (least recently used first out), so a process
 * that sees many clients keeps a constant footprint.
 */
export class KnownPositions {
  private readonly highest = new Map<string, Known>();

  constructor(private readonly capacity = 10_000) {}

  /** True when `seq` is known to exist for `clientId`. */
  has(clientId: string, seq: number): boolean {
    const known = this.highest.get(clientId);
    if (known === undefined) return false;
    this.touch(clientId, known);
    return seq <= known.seq;
  }

  /** The highest known position (0: none known), and its entry if this process has seen it. */
  highestOf(clientId: string): Known {
    return this.highest.get(clientId) ?? { seq: 0, entry: undefined };
  }

  /** Records that `seq` exists for `clientId` (an insert of it was refused as taken). */
  saw(clientId: string, seq: number): void {
    this.record(clientId, { seq, entry: undefined });
  }

  /** Records an entry this process read or wrote: its position exists, and this is its content. */
  sawEntry(entry: LedgerRecord): void {
    this.record(entry.clientId, { seq: entry.seq, entry });
  }

  private record(clientId: string, next: Known): void {
    const known = this.highest.get(clientId);
    const kept =
      known === undefined ||
      next.seq > known.seq ||
      (next.seq === known.seq && known.entry === undefined)
        ? next
        : known;
    this.touch(clientId, kept);
    if (this.highest.size > this.capacity) {
      const oldest = this.highest.keys().next();
      if (oldest.done !== true) this.highest.delete(oldest.value);
    }
  }

  private touch(clientId: string, known: Known): void {
    this.highest.delete(clientId);
    this.highest.set(clientId, known);
  }
}
