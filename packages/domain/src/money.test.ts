import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { Money, type Currency } from './money.js';

function rejection(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('Money.parse', () => {
  it.each([
    ['75000', '75000.00'],
    [75000, '75000.00'],
    [75000.5, '75000.50'],
    ['75000.5', '75000.50'],
    ['75000.50', '75000.50'],
    [' 75000 ', '75000.00'],
    ['0', '0.00'],
    ['-12.30', '-12.30'],
    [0.01, '0.01'],
    ['1000000000000000', '1000000000000000.00'],
  ] as const)('accepts %j as %s', (input, decimal) => {
    expect(Money.parse(input).toDecimalString()).toBe(decimal);
  });

  it('reads -0 (number and string) as zero, never as a negative amount', () => {
    for (const input of [-0, '-0', '-0.00']) {
      const money = Money.parse(input);
      expect(money.isZero()).toBe(true);
      expect(money.isNegative()).toBe(false);
      expect(money.toDecimalString()).toBe('0.00');
      expect(money.toMinorUnits()).toBe(0n);
    }
  });

  it.each([
    ['1e5'],
    [1e21],
    ['75000.123'],
    [75000.123],
    [0.1 + 0.2],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [Number.NEGATIVE_INFINITY],
    [''],
    [' '],
    ['abc'],
    ['75,000'],
    ['75.000.00'],
    ['+75000'],
    ['.5'],
    ['5.'],
    ['0x10'],
    ['12345678901234567'],
    [null],
    [undefined],
    [true],
    [false],
    [{}],
    [{ amount: 75000 }],
    [[75000]],
    [75000n],
  ] as const)('rejects %s with INVALID_AMOUNT and a Spanish message', (input) => {
    const error = rejection(() => Money.parse(input));
    expect(error.code).toBe('INVALID_AMOUNT');
    expect(error.message).toBe('El monto debe ser un número con máximo dos decimales.');
  });

  it('rejects amounts above 10^15 COP, which would not fit Int64 centavos with room for sums', () => {
    for (const input of [
      '1000000000000000.01',
      '9999999999999999',
      '-1000000000000000.01',
      1e15 + 1,
    ]) {
      const error = rejection(() => Money.parse(input));
      expect(error.code).toBe('INVALID_AMOUNT');
      expect(error.message).toBe('El monto excede el máximo permitido.');
    }
  });
});

describe('Money.parsePositive', () => {
  it('accepts a strictly positive amount', () => {
    expect(Money.parsePositive('0.01').toDecimalString()).toBe('0.01');
  });

  it.each([[0], ['0'], ['0.00'], [-0], [-1], ['-75000']] as const)(
    'rejects %j: the amount must be greater than zero',
    (input) => {
      const error = rejection(() => Money.parsePositive(input));
      expect(error.code).toBe('INVALID_AMOUNT');
      expect(error.message).toBe('El monto debe ser mayor que cero.');
    },
  );

  it('still rejects malformed input with the format message', () => {
    expect(rejection(() => Money.parsePositive('1e5')).message).toMatch(/dos decimales/);
  });
});

describe('Money output', () => {
  it('prints the wire format with exactly two decimals', () => {
    expect(Money.parse('75000').toDecimalString()).toBe('75000.00');
    expect(Money.parse(75000.5).toJSON()).toBe('75000.50');
    expect(JSON.stringify({ amount: Money.parse('1') })).toBe('{"amount":"1.00"}');
    expect(Money.parse('75000').toString()).toBe('75000.00 COP');
  });

  it.each([
    ['75000', '$ 75.000'],
    ['1234567.89', '$ 1.234.567,89'],
    ['0', '$ 0'],
    ['999', '$ 999'],
    ['1000', '$ 1.000'],
    ['500000', '$ 500.000'],
    ['75000.5', '$ 75.000,50'],
    ['0.05', '$ 0,05'],
    ['-250000', '-$ 250.000'],
  ])('formats %s for es-CO as %s', (input, formatted) => {
    expect(Money.parse(input).format()).toBe(formatted);
  });
});

describe('Money minor units (the storage edge)', () => {
  it.each([
    ['75000', 7_500_000n],
    ['75000.5', 7_500_050n],
    ['0.01', 1n],
    ['-12.34', -1234n],
    ['1000000000000000', 100_000_000_000_000_000n],
  ])('%s is %s centavos and back', (input, minor) => {
    const money = Money.parse(input);
    expect(money.toMinorUnits()).toBe(minor);
    expect(Money.fromMinorUnits(minor).equals(money)).toBe(true);
  });

  it('keeps centavos exact where a JS float would not', () => {
    const sum = Money.parse('0.1').add(Money.parse('0.2'));
    expect(sum.toDecimalString()).toBe('0.30');
    expect(sum.toMinorUnits()).toBe(30n);
  });
});

describe('Money arithmetic and comparison', () => {
  const a = Money.parse('100000');
  const b = Money.parse('75000.25');

  it('adds, subtracts and negates without mutating', () => {
    expect(a.add(b).toDecimalString()).toBe('175000.25');
    expect(a.subtract(b).toDecimalString()).toBe('24999.75');
    expect(b.negate().toDecimalString()).toBe('-75000.25');
    expect(a.toDecimalString()).toBe('100000.00');
  });

  it('compares', () => {
    expect(a.compare(b)).toBe(1);
    expect(b.compare(a)).toBe(-1);
    expect(a.compare(Money.parse('100000.00'))).toBe(0);
    expect(b.lessThan(a)).toBe(true);
    expect(a.greaterThanOrEqual(Money.parse('100000'))).toBe(true);
    expect(Money.zero().isZero()).toBe(true);
    expect(a.isPositive()).toBe(true);
  });

  it('refuses to mix currencies', () => {
    const usd = Money.parse('10', 'USD' as unknown as Currency);
    for (const op of [() => a.add(usd), () => a.subtract(usd), () => a.compare(usd)]) {
      const error = rejection(op);
      expect(error.code).toBe('CURRENCY_MISMATCH');
      expect(error.message).toBe('No se pueden combinar monedas distintas.');
    }
    expect(Money.parse('10').equals(usd)).toBe(false);
  });
});
