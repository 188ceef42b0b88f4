/**
 * For each client, the highest ledger position this process knows to exist. Entries are never
 * removed and positions have no gaps, so "position n exists" stays true forever and implies every
 * position below it: a stale value is only lower than the truth, never wrong. Bounded (least
 * recently used first out), so a process that sees many clients keeps a constant footprint.
 */
export class KnownPositions {
  private readonly highest = new Map<string, number>();

  constructor(private readonly capacity = 10_000) {}

  /** True when `seq` is known to exist for `clientId`. */
  has(clientId: string, seq: number): boolean {
    const known = this.highest.get(clientId);
    if (known === undefined) return false;
    this.touch(clientId, known);
    return seq <= known;
  }

  /** Records that `seq` exists for `clientId` (a read saw it, or an append wrote it). */
  saw(clientId: string, seq: number): void {
    const known = this.highest.get(clientId) ?? 0;
    this.touch(clientId, Math.max(known, seq));
    if (this.highest.size > this.capacity) {
      const oldest = this.highest.keys().next();
      if (oldest.done !== true) this.highest.delete(oldest.value);
    }
  }

  private touch(clientId: string, seq: number): void {
    this.highest.delete(clientId);
    this.highest.set(clientId, seq);
  }
}
