import type { Money } from '@btg-funds/domain';
import { sameMoney, storedMoney, type StoredMoney } from './stored-money.js';

/**
 * The largest distance from its owner's epoch at which a row's time is still a small integer
 * (Smi) on every V8 build: 31-bit Smis with pointer compression, 32-bit without. About 12 days.
 */
export const SMALL_INTEGER_MS = 2 ** 30 - 1;

/**
 * What consecutive rows of one client share (ADR 0731): the client id, the opening balance and
 * the instant their times count from. A row keeps its time as milliseconds since `epoch`, which
 * V8 stores in the row itself; an epoch-milliseconds number (~1.8e12) is beyond the small
 * integers and was a 16-byte heap number per row.
 */
export class RowOwner {
  constructor(
    readonly clientId: string,
    readonly openingBalance: StoredMoney,
    readonly epoch: number,
  ) {}

  /** Whether `createdAt`'s distance from the epoch is a small integer. */
  holds(createdAt: number): boolean {
    const since = createdAt - this.epoch;
    return Number.isInteger(since) && Math.abs(since) <= SMALL_INTEGER_MS;
  }
}

/**
 * `current` when it can stand for an entry with this opening balance and time (almost always:
 * the opening balance does not change, and a client's entries are close in time), else a new
 * owner whose epoch is the entry's own time.
 */
export function ownerFor(
  current: RowOwner | null,
  clientId: string,
  openingBalance: Money,
  createdAt: number,
): RowOwner {
  if (
    current !== null &&
    current.holds(createdAt) &&
    sameMoney(current.openingBalance, openingBalance)
  ) {
    return current;
  }
  return new RowOwner(clientId, storedMoney(openingBalance), createdAt);
}
