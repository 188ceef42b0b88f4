import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { Fund, type FundCategory } from './fund.js';
import { Money } from './money.js';

const valid = {
  id: 'FDO_NUEVO-1',
  name: 'FONDO NUEVO',
  minimumAmount: Money.parse('50000'),
  category: 'FIC' as FundCategory,
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'none';
}

describe('Fund.create', () => {
  it('creates an active fund with a trimmed name', () => {
    const fund = Fund.create({ ...valid, name: '  FONDO NUEVO ' });
    expect(fund.toSnapshot()).toEqual({ ...valid, name: 'FONDO NUEVO', active: true });
  });

  it('keeps an explicit active flag', () => {
    expect(Fund.create({ ...valid, active: false }).active).toBe(false);
  });

  it.each(['', 'a b', 'fondo/1', 'ñandú', 'x'.repeat(65)])('rejects the id %j', (id) => {
    expect(codeOf(() => Fund.create({ ...valid, id }))).toBe('INVALID_FUND');
  });

  it.each(['', '   ', 'x'.repeat(101), 'FONDO<script>', 'FONDO\n2'])(
    'rejects the name %j',
    (name) => {
      expect(codeOf(() => Fund.create({ ...valid, name }))).toBe('INVALID_FUND');
    },
  );

  it('accepts Spanish letters in names', () => {
    expect(Fund.create({ ...valid, name: 'Fondo Pensión Ñ' }).name).toBe('Fondo Pensión Ñ');
  });

  it.each(['0', '-1'])('rejects the minimum %s: it must be positive', (minimum) => {
    expect(codeOf(() => Fund.create({ ...valid, minimumAmount: Money.parse(minimum) }))).toBe(
      'INVALID_FUND',
    );
  });

  it('rejects an unknown category', () => {
    const category = 'ETF' as unknown as FundCategory;
    expect(codeOf(() => Fund.create({ ...valid, category }))).toBe('INVALID_FUND');
  });

  it('explains the rejection in Spanish', () => {
    expect(() => Fund.create({ ...valid, minimumAmount: Money.zero() })).toThrow(
      'El monto mínimo del fondo debe ser mayor que cero.',
    );
  });
});

describe('Fund.update', () => {
  const fund = Fund.create(valid);

  it('changes only the given fields and returns a copy', () => {
    const updated = fund.update({ minimumAmount: Money.parse('60000'), active: false });
    expect(updated.toSnapshot()).toEqual({
      ...fund.toSnapshot(),
      minimumAmount: Money.parse('60000'),
      active: false,
    });
    expect(fund.active).toBe(true);
    expect(fund.minimumAmount.toDecimalString()).toBe('50000.00');
  });

  it('renames with the same validation as create', () => {
    expect(fund.update({ name: ' OTRO ' }).name).toBe('OTRO');
    expect(codeOf(() => fund.update({ name: '' }))).toBe('INVALID_FUND');
    expect(codeOf(() => fund.update({ minimumAmount: Money.zero() }))).toBe('INVALID_FUND');
  });

  it('with no changes is the same fund', () => {
    expect(fund.update({}).toSnapshot()).toEqual(fund.toSnapshot());
  });

  it('restore rebuilds a fund from its snapshot', () => {
    expect(Fund.restore(fund.toSnapshot()).toSnapshot()).toEqual(fund.toSnapshot());
  });
});
