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
/** Conversions already made: most amounts written are the same few objects (fund minimums). */
const converted = new WeakMap<Money, StoredMoney>();

export function storedMoney(money: Money): StoredMoney {
  const known = converted.get(money);
  if (known !== undefined) return known;
  const stored = centavosOf(money) ?? money;
  converted.set(money, stored);
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
