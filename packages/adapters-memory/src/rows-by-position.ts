import type { LedgerRow } from './ledger-row.js';

/**
 * Rows in (createdAt, clientId, seq) order — the order outbox recovery reads in (ADR 0007) — in a
 * sorted array searched by bisection.
 */
export class RowsByPosition {
  private readonly rows: LedgerRow[] = [];

  add(row: LedgerRow): void {
    const { createdAt, clientId, seq } = row;
    const at = this.firstAfterFromEnd(createdAt, clientId, seq);
    if (at === this.rows.length) this.rows.push(row);
    else this.rows.splice(at, 0, row);
  }

  /** At most `limit` rows strictly after the position, in order. */
  after(createdAt: number, clientId: string, seq: number, limit: number): LedgerRow[] {
    const start = this.firstAfter(createdAt, clientId, seq);
    return this.rows.slice(start, start + limit);
  }

  /**
   * `firstAfter`, searched from the end: appends arrive nearly in createdAt order (operations of
   * different clients interleave by a few milliseconds), so the insertion point is at or just
   * before the end. Steps of 1, 2, 4… back from the end bracket it among rows still in the CPU's
   * cache; a bisection over every row ever kept touched ~log2(n) rows that were not (the largest
   * single cost of an in-memory append under load).
   */
  private firstAfterFromEnd(createdAt: number, clientId: string, seq: number): number {
    const end = this.rows.length;
    let high = end;
    for (let step = 1; high > 0; step *= 2) {
      const probe = Math.max(0, end - step);
      if (comparePosition(this.rows[probe]!, createdAt, clientId, seq) <= 0) {
        return this.firstAfter(createdAt, clientId, seq, probe + 1, high);
      }
      high = probe;
    }
    return 0;
  }

  private firstAfter(
    createdAt: number,
    clientId: string,
    seq: number,
    from = 0,
    to = this.rows.length,
  ): number {
    let low = from;
    let high = to;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (comparePosition(this.rows[middle]!, createdAt, clientId, seq) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** `row`'s position against (createdAt, clientId, seq), as comparePositions: time, client, seq. */
function comparePosition(row: LedgerRow, createdAt: number, clientId: string, seq: number): number {
  const byTime = row.createdAt - createdAt;
  if (byTime !== 0) return byTime;
  if (row.clientId !== clientId) return row.clientId < clientId ? -1 : 1;
  return row.seq - seq;
}
