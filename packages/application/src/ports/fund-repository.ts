import type { Fund } from '@btg-funds/domain';

export interface FundRepository {
  /** Throws DuplicateFundId when a fund with that id is stored already. */
  add(fund: Fund): Promise<void>;
  /** Inserts the funds that do not exist yet; existing ones are left as they are. */
  seed(funds: readonly Fund[]): Promise<void>;
  /** Throws NotFound when no fund has that id. */
  update(fund: Fund): Promise<void>;
  findById(id: string): Promise<Fund | null>;
  /** All funds ordered by id (numeric ids in numeric order). */
  list(): Promise<readonly Fund[]>;
}
