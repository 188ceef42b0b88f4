import { Fund, type FundCategory, type Money } from '@btg-funds/domain';
import { fundAlreadyExists } from '../application-errors.js';
import { DuplicateFundId, type FundRepository } from '../ports/index.js';

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
    try {
      await this.funds.add(fund);
    } catch (error) {
      if (error instanceof DuplicateFundId) throw fundAlreadyExists(fund.id);
      throw error;
    }
    return fund;
  }
}
