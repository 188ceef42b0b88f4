import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../src/ledger-row.js';
import { RowsByPosition } from '../src/rows-by-position.js';

type Position = Pick<LedgerRow, 'createdAt' | 'clientId' | 'seq'>;

/** Only the position is read by the index: a row of three fields stands in for a LedgerRow. */
const rowAt = (createdAt: number, clientId: string, seq: number): LedgerRow =>
  ({ createdAt, clientId, seq }) as Position as LedgerRow;

const byPosition = (a: Position, b: Position): number =>
  a.createdAt - b.createdAt ||
  (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0) ||
  a.seq - b.seq;

/** A fixed pseudo-random sequence (a linear congruential generator), so a failure reproduces. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Every row of `index`, read back through `after` from before the first position. */
const everyRow = (index: RowsByPosition): LedgerRow[] => index.after(-Infinity, '', 0, 1e9);

describe('RowsByPosition', () => {
  it('keeps rows appended in order, each read after the position before it', () => {
    const index = new RowsByPosition();
    const rows = Array.from({ length: 50 }, (_, i) => rowAt(1000 + i, 'client', i + 1));
    for (const row of rows) index.add(row);
    expect(everyRow(index)).toEqual(rows);
    expect(index.after(1010, 'client', 11, 3)).toEqual(rows.slice(11, 14));
    expect(index.after(1049, 'client', 50, 10)).toEqual([]);
  });

  // Operations of different clients interleave: an append may be created a few milliseconds
  // before the last row kept, or long before it (a slow request), or at the same millisecond.
  it('places rows that arrive out of order, near the end or far from it, in position order', () => {
    const random = randomFrom(7);
    const index = new RowsByPosition();
    const added: LedgerRow[] = [];
    for (let i = 0; i < 2000; i += 1) {
      const late = random() < 0.02 ? Math.floor(random() * 1500) : Math.floor(random() * 8);
      const row = rowAt(i - late, `client-${Math.floor(random() * 5)}`, i + 1);
      index.add(row);
      added.push(row);
    }
    const sorted = [...added].sort(byPosition);
    expect(everyRow(index)).toEqual(sorted);
    // A page after any row's position starts right after it.
    for (const at of [0, 1, 999, 1998]) {
      const { createdAt, clientId, seq } = sorted[at]!;
      expect(index.after(createdAt, clientId, seq, 5)).toEqual(sorted.slice(at + 1, at + 6));
    }
  });

  it('puts a row older than every kept row first, and ties in time in client then seq order', () => {
    const index = new RowsByPosition();
    const b2 = rowAt(500, 'b', 2);
    const a9 = rowAt(500, 'a', 9);
    const b1 = rowAt(500, 'b', 1);
    const first = rowAt(10, 'z', 1);
    for (const row of [b2, a9, b1, first]) index.add(row);
    expect(everyRow(index)).toEqual([first, a9, b1, b2]);
  });
});
