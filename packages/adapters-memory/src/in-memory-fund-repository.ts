import { ApplicationError, compareFundIds, type FundRepository } from '@btg-funds/application';
import type { Fund } from '@btg-funds/domain';
import { yieldToOthers } from './yield-to-others.js';

export class InMemoryFundRepository implements FundRepository {
  private readonly funds = new Map<string, Fund>();

  async add(fund: Fund): Promise<void> {
    await yieldToOthers();
    if (this.funds.has(fund.id)) {
      throw new ApplicationError('FUND_ALREADY_EXISTS', `Ya existe un fondo con id ${fund.id}.`, {
        fundId: fund.id,
      });
    }
    this.funds.set(fund.id, fund);
  }

  async seed(funds: readonly Fund[]): Promise<void> {
    await yieldToOthers();
    for (const fund of funds) if (!this.funds.has(fund.id)) this.funds.set(fund.id, fund);
  }

  async update(fund: Fund): Promise<void> {
    await yieldToOthers();
    if (!this.funds.has(fund.id)) {
      throw new ApplicationError('FUND_NOT_FOUND', `El fondo ${fund.id} no existe.`, {
        fundId: fund.id,
      });
    }
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
