import { Fund, type FundCategory } from './fund.js';
import { Money } from './money.js';

const SEED: ReadonlyArray<
  readonly [id: string, name: string, minimum: string, category: FundCategory]
> = [
  ['1', 'FPV_BTG_PACTUAL_RECAUDADORA', '75000', 'FPV'],
  ['2', 'FPV_BTG_PACTUAL_ECOPETROL', '125000', 'FPV'],
  ['3', 'DEUDAPRIVADA', '50000', 'FIC'],
  ['4', 'FDO-ACCIONES', '250000', 'FIC'],
  ['5', 'FPV_BTG_PACTUAL_DINAMICA', '100000', 'FPV'],
];

/** The five funds of the original statement (SPEC §1); seeded idempotently at start-up. */
export const SEEDED_FUNDS: readonly Fund[] = SEED.map(([id, name, minimum, category]) =>
  Fund.create({ id, name, minimumAmount: Money.parse(minimum), category }),
);
