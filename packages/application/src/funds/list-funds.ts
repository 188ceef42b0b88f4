import type { Fund } from '@btg-funds/domain';
import type { FundRepository } from '../ports/index.js';

export class ListFunds {
  constructor(private readonly funds: FundRepository) {}

  execute(): Promise<readonly Fund[]> {
    return this.funds.list();
  }
}
