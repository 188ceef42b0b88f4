import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from './money.js';

/** Any two-decimal amount the contract accepts (|x| ≤ 10^15 COP), built from exact centavos. */
const centavos = fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n });
const money = centavos.map((minor) => Money.fromMinorUnits(minor));
const runs = { numRuns: 200 };
const sign = (n: bigint): number => (n > 0n ? 1 : n < 0n ? -1 : 0);

describe('Money laws', () => {
  it('addition is commutative', () => {
    fc.assert(
      fc.property(money, money, (a, b) => a.add(b).equals(b.add(a))),
      runs,
    );
  });

  it('addition is associative', () => {
    fc.assert(
      fc.property(money, money, money, (a, b, c) =>
        a
          .add(b)
          .add(c)
          .equals(a.add(b.add(c))),
      ),
      runs,
    );
  });

  it('zero is the identity', () => {
    fc.assert(
      fc.property(money, (a) => a.add(Money.zero()).equals(a) && Money.zero().add(a).equals(a)),
      runs,
    );
  });

  it('a + (-a) = 0', () => {
    fc.assert(
      fc.property(money, (a) => a.add(a.negate()).isZero()),
      runs,
    );
  });

  it('subtracting is adding the negation', () => {
    fc.assert(
      fc.property(money, money, (a, b) => a.subtract(b).equals(a.add(b.negate()))),
      runs,
    );
  });

  it('adding money is adding centavos', () => {
    fc.assert(
      fc.property(centavos, centavos, (x, y) => {
        const sum = Money.fromMinorUnits(x).add(Money.fromMinorUnits(y));
        expect(sum.toMinorUnits()).toBe(x + y);
      }),
      runs,
    );
  });

  it('compare agrees with the order of centavos', () => {
    fc.assert(
      fc.property(centavos, centavos, (x, y) => {
        const a = Money.fromMinorUnits(x);
        const b = Money.fromMinorUnits(y);
        expect(a.compare(b)).toBe(sign(x - y));
        expect(a.lessThan(b)).toBe(x < y);
        expect(a.greaterThanOrEqual(b)).toBe(x >= y);
        expect(a.equals(b)).toBe(x === y);
      }),
      runs,
    );
  });
});

describe("Money's comparisons agree with big.js", () => {
  // Amounts close to each other: the same sign, exponent and leading digits, which is where a
  // comparison of the digits themselves decides (a random pair mostly differs in magnitude).
  const near = fc
    .tuple(centavos, fc.bigInt({ min: -1000n, max: 1000n }), fc.integer({ min: 0, max: 12 }))
    .map(([x, delta, shift]) => [x, x + delta * 10n ** BigInt(shift)] as const);
  const reference = (x: bigint, y: bigint): number =>
    new Big(x.toString()).div(100).cmp(new Big(y.toString()).div(100));

  it('compare gives what Big#cmp gives, for amounts far apart and close together', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(centavos, centavos), near), ([x, y]) => {
        const a = Money.fromMinorUnits(x);
        const b = Money.fromMinorUnits(y);
        expect(a.compare(b)).toBe(reference(x, y));
        expect(b.compare(a)).toBe(reference(y, x));
        expect(a.equals(b)).toBe(x === y);
      }),
      { numRuns: 1000 },
    );
  });

  it('zero is zero whatever its sign; the sign tests agree with the centavos', () => {
    const negativeZero = Money.zero().negate();
    for (const zero of [Money.zero(), negativeZero, Money.fromMinorUnits(0n)]) {
      expect([zero.isZero(), zero.isPositive(), zero.isNegative()]).toEqual([true, false, false]);
      expect(zero.compare(Money.zero())).toBe(0);
      expect(zero.compare(Money.fromMinorUnits(1n))).toBe(-1);
      expect(zero.compare(Money.fromMinorUnits(-1n))).toBe(1);
    }
    fc.assert(
      fc.property(centavos, (x) => {
        const a = Money.fromMinorUnits(x);
        expect([a.isZero(), a.isPositive(), a.isNegative()]).toEqual([x === 0n, x > 0n, x < 0n]);
      }),
      runs,
    );
  });
});

describe('Money round trips', () => {
  it('minor units round-trip exactly (bigint ↔ Money)', () => {
    fc.assert(
      fc.property(centavos, (minor) => {
        expect(Money.fromMinorUnits(minor).toMinorUnits()).toBe(minor);
      }),
      runs,
    );
  });

  it('centavos print as big.js prints their hundredth (the digits are placed, not divided)', () => {
    fc.assert(
      fc.property(centavos, (minor) => {
        const reference = new Big(minor.toString()).div(100).toFixed(2);
        expect(Money.fromMinorUnits(minor).toDecimalString()).toBe(reference);
        // The same amount reached by arithmetic prints through big.js itself, and agrees.
        expect(Money.zero().add(Money.fromMinorUnits(minor)).toDecimalString()).toBe(reference);
      }),
      runs,
    );
    expect(Money.fromMinorUnits(-5n).toDecimalString()).toBe('-0.05');
    expect(Money.fromMinorUnits(0n).toDecimalString()).toBe('0.00');
    expect(Money.fromMinorUnits(-100n).format()).toBe('-$ 1');
  });

  it('parse(toDecimalString(x)) == x', () => {
    fc.assert(
      fc.property(money, (a) => Money.parse(a.toDecimalString()).equals(a)),
      runs,
    );
  });

  it('a JSON number with two decimals parses to the same amount as its string', () => {
    // 15 significant digits: every double prints them back exactly.
    const jsonSafe = fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n });
    fc.assert(
      fc.property(jsonSafe, (minor) => {
        const a = Money.fromMinorUnits(minor);
        expect(Money.parse(Number(a.toDecimalString())).toMinorUnits()).toBe(minor);
      }),
      runs,
    );
  });

  it('the es-CO format reads back as the same amount', () => {
    fc.assert(
      fc.property(money, (a) => {
        const plain = a.format().replace('$ ', '').replaceAll('.', '').replace(',', '.');
        expect(Money.parse(plain).equals(a)).toBe(true);
        expect(a.format()).toMatch(/^-?\$ \d{1,3}(\.\d{3})*(,\d{2})?$/);
      }),
      runs,
    );
  });
});
