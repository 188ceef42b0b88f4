import type { FundRepository } from '../ports/index.js';
import { SEEDED_FUNDS } from './seeded-funds.js';

/** Start-up: this product's five funds, created only where missing (admin edits survive). */
export class SeedFunds {
  constructor(private readonly funds: FundRepository) {}

  execute(): Promise<void> {
    return this.funds.seed(SEEDED_FUNDS);
  }
}
