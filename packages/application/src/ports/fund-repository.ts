import type { Fund } from '@btg-funds/domain';

export interface FundRepository {
  /** Throws ApplicationError FUND_ALREADY_EXISTS on a duplicate id. */
  add(fund: Fund): Promise<void>;
  /** Inserts the funds that do not exist yet; existing ones are left as they are. */
  seed(funds: readonly Fund[]): Promise<void>;
  update(fund: Fund): Promise<void>;
  findById(id: string): Promise<Fund | null>;
  /** All funds ordered by id (numeric ids in numeric order). */
  list(): Promise<readonly Fund[]>;
}
