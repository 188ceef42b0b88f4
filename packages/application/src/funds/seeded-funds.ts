import { Fund, Money, type FundCategory } from '@btg-funds/domain';

const SEED: ReadonlyArray<
  readonly [id: string, name: string, minimum: string, category: FundCategory]
> = [
  ['1', 'FPV_BTG_PACTUAL_RECAUDADORA', '75000', 'FPV'],
  ['2', 'FPV_BTG_PACTUAL_ECOPETROL', '125000', 'FPV'],
  ['3', 'DEUDAPRIVADA', '50000', 'FIC'],
  ['4', 'FDO-ACCIONES', '250000', 'FIC'],
  ['5', 'FPV_BTG_PACTUAL_DINAMICA', '100000', 'FPV'],
];

/**
 * This product's five funds (docs/product/rules.md, "Funds"); seeded idempotently at start-up.
 * Product data, not a domain rule: a team embedding the domain brings its own catalogue.
 */
export const SEEDED_FUNDS: readonly Fund[] = SEED.map(([id, name, minimum, category]) =>
  Fund.create({ id, name, minimumAmount: Money.parse(minimum), category }),
);
