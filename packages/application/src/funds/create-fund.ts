import { Fund, type FundCategory, type Money } from '@btg-funds/domain';
import type { FundRepository } from '../ports/index.js';

/** POST /funds (admin). A duplicate id is FUND_ALREADY_EXISTS (409). */
export class CreateFund {
  constructor(private readonly funds: FundRepository) {}

  async execute(input: {
    id: string;
    name: string;
    minimumAmount: Money;
    category: FundCategory;
  }): Promise<Fund> {
    const fund = Fund.create(input);
    await this.funds.add(fund);
    return fund;
  }
}
