import {
  compareFundIds,
  DuplicateFundId,
  NotFound,
  type FundRepository,
} from '@btg-funds/application';
import type { Fund } from '@btg-funds/domain';
import { yieldToOthers } from './yield-to-others.js';

export class InMemoryFundRepository implements FundRepository {
  private readonly funds = new Map<string, Fund>();

  async add(fund: Fund): Promise<void> {
    await yieldToOthers();
    if (this.funds.has(fund.id)) throw new DuplicateFundId(fund.id);
    this.funds.set(fund.id, fund);
  }

  async seed(funds: readonly Fund[]): Promise<void> {
    await yieldToOthers();
    for (const fund of funds) if (!this.funds.has(fund.id)) this.funds.set(fund.id, fund);
  }

  async update(fund: Fund): Promise<void> {
    await yieldToOthers();
    if (!this.funds.has(fund.id)) throw new NotFound('fund', fund.id);
    this.funds.set(fund.id, fund);
  }

  async findById(id: string): Promise<Fund | null> {
    await yieldToOthers();
    return this.funds.get(id) ?? null;
  }

  async list(): Promise<readonly Fund[]> {
    await yieldToOthers();
    return [...this.funds.values()].sort((a, b) => compareFundIds(a.id, b.id));
  }
}
