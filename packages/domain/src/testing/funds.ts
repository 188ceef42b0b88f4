import { Fund, type FundCategory } from '../fund.js';
import { Money } from '../money.js';

/**
 * Test data: five funds shaped like this product's catalogue (which the application seeds; the
 * domain itself knows no particular fund), and the opening balance this product uses.
 */
export const TEST_FUNDS: readonly Fund[] = (
  [
    ['1', 'FPV_BTG_PACTUAL_RECAUDADORA', '75000', 'FPV'],
    ['2', 'FPV_BTG_PACTUAL_ECOPETROL', '125000', 'FPV'],
    ['3', 'DEUDAPRIVADA', '50000', 'FIC'],
    ['4', 'FDO-ACCIONES', '250000', 'FIC'],
    ['5', 'FPV_BTG_PACTUAL_DINAMICA', '100000', 'FPV'],
  ] as const satisfies ReadonlyArray<readonly [string, string, string, FundCategory]>
).map(([id, name, minimum, category]) =>
  Fund.create({ id, name, minimumAmount: Money.parse(minimum), category }),
);

export const testFund = (id: string): Fund => {
  const fund = TEST_FUNDS.find((f) => f.id === id);
  if (fund === undefined) throw new Error(`no test fund ${id}`);
  return fund;
};

export const OPENING_BALANCE = Money.parse('500000');
export const OPENING = { openingBalance: OPENING_BALANCE } as const;
