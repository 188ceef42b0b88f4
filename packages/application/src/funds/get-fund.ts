import type { Fund } from '@btg-funds/domain';
import { ApplicationError } from '../errors.js';
import type { FundRepository } from '../ports/index.js';

export class GetFund {
  constructor(private readonly funds: FundRepository) {}

  async execute(input: { fundId: string }): Promise<Fund> {
    const fund = await this.funds.findById(input.fundId);
    if (fund === null) throw fundNotFound(input.fundId);
    return fund;
  }
}

export function fundNotFound(fundId: string): ApplicationError {
  return new ApplicationError('FUND_NOT_FOUND', `El fondo ${fundId} no existe.`, { fundId });
}
