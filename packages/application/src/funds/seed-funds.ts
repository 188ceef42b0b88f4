import { SEEDED_FUNDS } from '@btg-funds/domain';
import type { FundRepository } from '../ports/index.js';

/** Start-up: the five funds of SPEC §1, created only where missing (admin edits survive). */
export class SeedFunds {
  constructor(private readonly funds: FundRepository) {}

  execute(): Promise<void> {
    return this.funds.seed(SEEDED_FUNDS);
  }
}
