import { describe, expect, it } from 'vitest';
import { SEEDED_FUNDS } from './seeded-funds.js';

describe('SEEDED_FUNDS', () => {
  it('are exactly the five funds of the statement', () => {
    expect(
      SEEDED_FUNDS.map((f) => [
        f.id,
        f.name,
        f.minimumAmount.toDecimalString(),
        f.category,
        f.active,
      ]),
    ).toEqual([
      ['1', 'FPV_BTG_PACTUAL_RECAUDADORA', '75000.00', 'FPV', true],
      ['2', 'FPV_BTG_PACTUAL_ECOPETROL', '125000.00', 'FPV', true],
      ['3', 'DEUDAPRIVADA', '50000.00', 'FIC', true],
      ['4', 'FDO-ACCIONES', '250000.00', 'FIC', true],
      ['5', 'FPV_BTG_PACTUAL_DINAMICA', '100000.00', 'FPV', true],
    ]);
  });

  it('have string ids and COP minimums', () => {
    for (const fund of SEEDED_FUNDS) {
      expect(typeof fund.id).toBe('string');
      expect(fund.minimumAmount.currency).toBe('COP');
    }
  });
});
