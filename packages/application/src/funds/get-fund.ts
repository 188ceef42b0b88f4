import type { Fund } from '@btg-funds/domain';
import { fundNotFound } from '../application-errors.js';
import type { FundRepository } from '../ports/index.js';

export class GetFund {
  constructor(private readonly funds: FundRepository) {}

  async execute(input: { fundId: string }): Promise<Fund> {
    const fund = await this.funds.findById(input.fundId);
    if (fund === null) throw fundNotFound(input.fundId);
    return fund;
  }
}
