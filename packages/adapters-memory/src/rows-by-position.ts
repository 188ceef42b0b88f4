import type { LedgerRow } from './ledger-row.js';

/**
 * Rows in (createdAt, clientId, seq) order — the order outbox recovery reads in (ADR 0007) — in a
 * sorted array searched by bisection.
 */
export class RowsByPosition {
  private readonly rows: LedgerRow[] = [];

  add(row: LedgerRow): void {
    // Appends arrive nearly in createdAt order: the insertion point is at or near the end, and
    // most often the end itself, where a push moves nothing.
    const at = this.firstAfter(row.createdAt, row.clientId, row.seq);
    if (at === this.rows.length) this.rows.push(row);
    else this.rows.splice(at, 0, row);
  }

  /** At most `limit` rows strictly after the position, in order. */
  after(createdAt: number, clientId: string, seq: number, limit: number): LedgerRow[] {
    const start = this.firstAfter(createdAt, clientId, seq);
    return this.rows.slice(start, start + limit);
  }

  private firstAfter(createdAt: number, clientId: string, seq: number): number {
    let low = 0;
    let high = this.rows.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const row = this.rows[middle]!;
      // As comparePositions: time, then client id, then seq.
      const byTime = row.createdAt - createdAt;
      const order =
        byTime !== 0
          ? byTime
          : row.clientId !== clientId
            ? row.clientId < clientId
              ? -1
              : 1
            : row.seq - seq;
      if (order <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
