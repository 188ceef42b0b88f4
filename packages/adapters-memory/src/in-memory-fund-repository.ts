import {
  compareFundIds,
  DuplicateFundId,
  NotFound,
  type FundRepository,
} from '@btg-funds/application';
import type { Fund } from '@btg-funds/domain';
import { eventLoopTurn, type StorageTurn } from './storage-turn.js';

export class InMemoryFundRepository implements FundRepository {
  constructor(private readonly turn: StorageTurn = eventLoopTurn) {}

  private readonly funds = new Map<string, Fund>();

  async add(fund: Fund): Promise<void> {
    await this.turn();
    if (this.funds.has(fund.id)) throw new DuplicateFundId(fund.id);
    this.funds.set(fund.id, fund);
  }

  async seed(funds: readonly Fund[]): Promise<void> {
    await this.turn();
    for (const fund of funds) if (!this.funds.has(fund.id)) this.funds.set(fund.id, fund);
  }

  async update(fund: Fund): Promise<void> {
    await this.turn();
    if (!this.funds.has(fund.id)) throw new NotFound('fund', fund.id);
    this.funds.set(fund.id, fund);
  }

  async findById(id: string): Promise<Fund | null> {
    await this.turn();
    return this.funds.get(id) ?? null;
  }

  async list(): Promise<readonly Fund[]> {
    await this.turn();
    return [...this.funds.values()].sort((a, b) => compareFundIds(a.id, b.id));
  }
}
