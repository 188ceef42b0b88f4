import type { Fund, Money } from '@btg-funds/domain';
import { fundNotFound } from '../application-errors.js';
import { NotFound, type FundRepository } from '../ports/index.js';

/** PATCH /funds/{id} (admin). Existing subscriptions keep the amount they were made with. */
export class UpdateFund {
  constructor(private readonly funds: FundRepository) {}

  async execute(input: {
    fundId: string;
    name?: string | undefined;
    minimumAmount?: Money | undefined;
    active?: boolean | undefined;
  }): Promise<Fund> {
    const fund = await this.funds.findById(input.fundId);
    if (fund === null) throw fundNotFound(input.fundId);
    const updated = fund.update({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.minimumAmount !== undefined && { minimumAmount: input.minimumAmount }),
      ...(input.active !== undefined && { active: input.active }),
    });
    try {
      await this.funds.update(updated);
    } catch (error) {
      // Removed between the read and the write.
      if (error instanceof NotFound) throw fundNotFound(input.fundId);
      throw error;
    }
    return updated;
  }
}
