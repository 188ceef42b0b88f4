import type { Fund } from '@btg-funds/domain';

export function presentFund(fund: Fund) {
  return {
    id: fund.id,
    name: fund.name,
    minimumAmount: fund.minimumAmount.toDecimalString(),
    category: fund.category,
    active: fund.active,
  };
}
