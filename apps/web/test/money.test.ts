import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAmountInput,
  formatCop,
  formatShare,
  fromCentavos,
  parseCopInput,
  toCentavos,
} from '../src/lib/money.js';

const plain = (text: string) => text.replace(/\u00a0/g, ' ');
// Up to 10^15 pesos in centavos: beyond 2^53, where a float would already be wrong.
const centavos = fc.bigInt({ min: 0n, max: 10n ** 17n });

describe('money in the web app (decimal strings, never floats)', () => {
  it('formats es-CO pesos, centavos only when not zero', () => {
    expect(plain(formatCop('500000.00'))).toBe('$ 500.000');
    expect(plain(formatCop('75000.50'))).toBe('$ 75.000,50');
    expect(plain(formatCop('0.05'))).toBe('$ 0,05');
    expect(plain(formatCop('-10000.00'))).toBe('-$ 10.000');
    expect(plain(formatCop('999.00'))).toBe('$ 999');
    expect(plain(formatCop('1234567.89'))).toBe('$ 1.234.567,89');
    // 2^53 + 1 centavos: a float would print ...992 instead of ...993.
    expect(plain(formatCop('90071992547409.93'))).toBe('$ 90.071.992.547.409,93');
    expect(formatCop('75000.00')).toContain('\u00a0'); // "$" never wraps apart from the number
  });

  it('reads what a Colombian types, and refuses what is ambiguous', () => {
    expect(parseCopInput('75.000')).toBe('75000.00');
    expect(parseCopInput('75000')).toBe('75000.00');
    expect(parseCopInput('75.000,5')).toBe('75000.50');
    expect(parseCopInput(' $ 1.250.000,05 ')).toBe('1250000.05');
    expect(parseCopInput('$\u00a075.000')).toBe('75000.00');
    for (const bad of [
      '',
      '75.5',
      '7.50.000',
      '75,000,00',
      '1,234',
      '75.000,505',
      '-5',
      '5e3',
      'abc',
      '75 000x',
    ]) {
      expect(parseCopInput(bad), bad).toBeNull();
    }
  });

  it('law: formatting then parsing gives back the same decimal string, for any amount', () => {
    fc.assert(
      fc.property(centavos, (value) => {
        expect(parseCopInput(formatCop(value))).toBe(fromCentavos(value));
        expect(parseCopInput(formatAmountInput(value))).toBe(fromCentavos(value));
        expect(toCentavos(fromCentavos(value))).toBe(value);
      }),
    );
  });

  it('law: the format agrees with Intl es-CO fed the exact decimal string', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), (value) => {
        const decimal = fromCentavos(value);
        const digits = value % 100n === 0n ? 0 : 2;
        const intl = new Intl.NumberFormat('es-CO', {
          style: 'currency',
          currency: 'COP',
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        });
        // Intl's string overload (ES2023) formats the decimal exactly, like our own code.
        expect(formatCop(decimal)).toBe(intl.format(decimal as unknown as number));
      }),
    );
  });

  it('shares add up from integers', () => {
    expect(plain(formatShare(150_000_00n, 500_000_00n))).toBe('30 %');
    expect(plain(formatShare(1n, 3n))).toBe('33,3 %');
    expect(plain(formatShare(0n, 0n))).toBe('0 %');
  });
});
