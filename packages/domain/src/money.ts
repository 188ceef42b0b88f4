import Big from 'big.js';
import * as DomainErrors from './domain-errors.js';

export type Currency = 'COP';

/** Two decimals for COP amounts; centavos are the storage unit (minor units). */
const SCALE = 2;
/** Largest amount whose minor units fit a signed Int64 with room for sums: 10^15 COP. */
const MAX_ABS_UNITS = new Big('1e15');
const DECIMAL_PATTERN = /^-?\d{1,16}(\.\d{1,2})?$/;

/**
 * An immutable amount of money in one currency. Arithmetic is decimal (big.js), never JS
 * floating point; conversion to minor units happens only at the storage edge.
 */
export class Money {
  /**
   * The wire format, made once (the value never changes): an amount is printed several times on
   * its way out — stored as centavos, presented, logged — and big.js's `toFixed` is the dearest
   * part of presenting a money answer (issue 16).
   */
  private decimal: string | undefined;

  private constructor(
    private readonly value: Big,
    readonly currency: Currency,
  ) {}

  static zero(currency: Currency = 'COP'): Money {
    return new Money(new Big(0), currency);
  }

  /**
   * Parses an amount given as a JSON number or a decimal string ("75000", "75000.5",
   * "75000.50"). Rejects exponents, more than two decimals, non-finite and huge values.
   */
  static parse(input: unknown, currency: Currency = 'COP'): Money {
    const text = typeof input === 'number' ? numberToPlainString(input) : input;
    if (typeof text !== 'string' || !DECIMAL_PATTERN.test(text.trim())) {
      throw DomainErrors.invalidAmountFormat(input);
    }
    const value = new Big(text.trim());
    if (value.abs().gt(MAX_ABS_UNITS)) {
      throw DomainErrors.amountTooLarge(input);
    }
    return new Money(value, currency);
  }

  /** Like `parse`, and the amount must be strictly positive (request amounts). */
  static parsePositive(input: unknown, currency: Currency = 'COP'): Money {
    const money = Money.parse(input, currency);
    if (!money.isPositive()) throw DomainErrors.amountNotPositive(input);
    return money;
  }

  /**
   * The amount of `minor` centavos. The decimal point is placed in the digits (no big.js
   * division), which also gives the wire format for free: `-5n` is `"-0.05"`.
   */
  static fromMinorUnits(minor: bigint, currency: Currency = 'COP'): Money {
    const negative = minor < 0n;
    const digits = (negative ? -minor : minor).toString().padStart(SCALE + 1, '0');
    const units = digits.slice(0, -SCALE);
    const decimal = `${negative ? '-' : ''}${units}.${digits.slice(-SCALE)}`;
    const money = new Money(new Big(decimal), currency);
    money.decimal = decimal;
    return money;
  }

  /** Exact: every amount has at most two decimals (parse refuses more; arithmetic keeps it so). */
  toMinorUnits(): bigint {
    return BigInt(this.toDecimalString().replace('.', ''));
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.value.plus(other.value), this.currency);
  }

  subtract(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.value.minus(other.value), this.currency);
  }

  negate(): Money {
    return new Money(this.value.times(-1), this.currency);
  }

  compare(other: Money): -1 | 0 | 1 {
    this.assertSameCurrency(other);
    return compareBig(this.value, other.value);
  }

  equals(other: Money): boolean {
    return this.currency === other.currency && compareBig(this.value, other.value) === 0;
  }

  lessThan(other: Money): boolean {
    return this.compare(other) < 0;
  }

  greaterThanOrEqual(other: Money): boolean {
    return this.compare(other) >= 0;
  }

  // Read from the normalised form, as compareBig: zero is the coefficient [0], whatever its sign.
  isPositive(): boolean {
    return this.value.s > 0 && this.value.c[0] !== 0;
  }

  isNegative(): boolean {
    return this.value.s < 0 && this.value.c[0] !== 0;
  }

  isZero(): boolean {
    return this.value.c[0] === 0;
  }

  /** `"75000.00"`: the wire format of the HTTP contract. */
  toDecimalString(): string {
    return (this.decimal ??= this.value.toFixed(SCALE));
  }

  /** `"$ 75.000"` (or `"$ 75.000,50"`): how Colombians read an amount. */
  format(): string {
    const decimal = this.toDecimalString();
    const negative = decimal.startsWith('-');
    const [units = '0', cents = '00'] = (negative ? decimal.slice(1) : decimal).split('.');
    const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    const decimals = cents === '00' ? '' : `,${cents}`;
    return `${negative ? '-' : ''}$ ${grouped}${decimals}`;
  }

  toJSON(): string {
    return this.toDecimalString();
  }

  toString(): string {
    return `${this.toDecimalString()} ${this.currency}`;
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) {
      throw DomainErrors.currencyMismatch(this.currency, other.currency);
    }
  }
}

function numberToPlainString(input: number): string | undefined {
  if (!Number.isFinite(input)) return undefined;
  // A JSON number such as 75000.1 prints exactly as written; 1e21 prints with an exponent and
  // is then rejected by the pattern instead of being silently misread.
  return String(input);
}

/**
 * The sign of a − b, read from big.js's documented normalised form: coefficient digits `c` (no
 * leading or trailing zeros; zero is [0]), exponent `e` of the first digit, sign `s`. Big's own
 * `cmp` (and `eq`, `gt`, `lt`) first copies its argument into a new Big, digit array included,
 * even when it is a Big already: 6–8 copies per money operation, for a comparison that reads
 * both values and writes nothing.
 */
function compareBig(a: Big, b: Big): -1 | 0 | 1 {
  const aZero = a.c[0] === 0;
  const bZero = b.c[0] === 0;
  if (aZero || bZero) return aZero ? (bZero ? 0 : signOf(-b.s)) : signOf(a.s);
  if (a.s !== b.s) return signOf(a.s);
  // Same sign from here: the larger magnitude is the larger number when positive.
  const positive = a.s > 0;
  if (a.e !== b.e) return a.e > b.e === positive ? 1 : -1;
  const shorter = Math.min(a.c.length, b.c.length);
  for (let i = 0; i < shorter; i += 1) {
    if (a.c[i] !== b.c[i]) return a.c[i]! > b.c[i]! === positive ? 1 : -1;
  }
  if (a.c.length === b.c.length) return 0;
  return a.c.length > b.c.length === positive ? 1 : -1;
}

const signOf = (s: number): -1 | 1 => (s < 0 ? -1 : 1);
