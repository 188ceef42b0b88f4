import type { Fund } from '@btg-funds/domain';
import { compareFundIds } from '../../funds/compare-fund-ids.js';
import { DuplicateFundId, NotFound, type FundRepository } from '../../ports/index.js';
import { tick } from './tick.js';

/** Funds in a map, unique by id. */
export class FakeFundRepository implements FundRepository {
  private readonly funds = new Map<string, Fund>();

  async add(fund: Fund): Promise<void> {
    await tick();
    if (this.funds.has(fund.id)) throw new DuplicateFundId(fund.id);
    this.funds.set(fund.id, fund);
  }

  async seed(funds: readonly Fund[]): Promise<void> {
    await tick();
    for (const fund of funds) if (!this.funds.has(fund.id)) this.funds.set(fund.id, fund);
  }

  async update(fund: Fund): Promise<void> {
    await tick();
    if (!this.funds.has(fund.id)) throw new NotFound('fund', fund.id);
    this.funds.set(fund.id, fund);
  }

  async findById(id: string): Promise<Fund | null> {
    await tick();
    return this.funds.get(id) ?? null;
  }

  async list(): Promise<readonly Fund[]> {
    await tick();
    return [...this.funds.values()].sort((a, b) => compareFundIds(a.id, b.id));
  }
}
