import { Money } from '@btg-funds/domain';

/**
 * An amount as the in-memory ledger keeps it: integer centavos (a plain number) for COP amounts
 * whose centavos are exact in a double — up to 10^15 centavos, ~10 trillion COP — and the Money
 * itself otherwise. A number costs its field alone (no extra object below 2^31 centavos); a Money
 * holds a big.js value with its digit array, ~230 bytes.
 */
export type StoredMoney = number | Money;

/** Centavos with at most 15 digits are exact in a double. */
const EXACT_DIGITS = 15;
/** Rebuilt amounts, by centavos: Money is immutable, and few values recur (minimums, balances). */
const rebuilt = new Map<number, Money>();
const REBUILT_KEPT = 1024;
/**
 * The last conversions made, by identity: most amounts written are the same few objects (fund
 * minimums, the opening balance), while a balance is a new Money each time. A WeakMap remembered
 * every one of those, an ephemeron per money operation for the collector to trace; a few slots
 * looked up by identity keep the hits at a fraction of the cost.
 */
const RECENT_KEPT = 8;
const recentMoney: (Money | undefined)[] = new Array<Money | undefined>(RECENT_KEPT).fill(
  undefined,
);
const recentStored: StoredMoney[] = new Array<StoredMoney>(RECENT_KEPT).fill(0);
let recentNext = 0;

export function storedMoney(money: Money): StoredMoney {
  for (let i = 0; i < RECENT_KEPT; i += 1) {
    if (recentMoney[i] === money) return recentStored[i]!;
  }
  const stored = centavosOf(money) ?? money;
  recentMoney[recentNext] = money;
  recentStored[recentNext] = stored;
  recentNext = (recentNext + 1) % RECENT_KEPT;
  return stored;
}

export function moneyOf(stored: StoredMoney): Money {
  if (typeof stored !== 'number') return stored;
  const known = rebuilt.get(stored);
  if (known !== undefined) return known;
  const money = Money.fromMinorUnits(BigInt(stored));
  // Bounded: a new generation starts rather than the cache growing with the data.
  if (rebuilt.size >= REBUILT_KEPT) rebuilt.clear();
  rebuilt.set(stored, money);
  return money;
}

export function sameMoney(stored: StoredMoney, money: Money): boolean {
  const other = storedMoney(money);
  return typeof stored === 'number'
    ? stored === other
    : typeof other !== 'number' && stored.equals(other);
}

/** "-1234.56" → -123456, exactly: the decimal string always has two decimals. */
function centavosOf(money: Money): number | null {
  if (money.currency !== 'COP') return null;
  const digits = money.toDecimalString().replace('.', '');
  const unsigned = digits.startsWith('-') ? digits.length - 1 : digits.length;
  return unsigned <= EXACT_DIGITS ? Number(digits) : null;
}
