import {
  compareFundIds,
  DuplicateFundId,
  NotFound,
  type FundRepository,
} from '@btg-funds/application';
import { Fund, type FundCategory } from '@btg-funds/domain';
import type { Collection, Db, Long } from 'mongodb';
import { collection, COLLECTIONS } from './collections.js';
import { moneyFromStored, moneyToLong } from './money-codec.js';
import { isDuplicateKeyError, storageCall } from './storage-errors.js';

export interface FundDocument {
  /** The fund id itself: unique by construction. */
  _id: string;
  name: string;
  minimumAmount: Long | bigint;
  category: FundCategory;
  active: boolean;
}

export class MongoFundRepository implements FundRepository {
  private readonly funds: Collection<FundDocument>;

  constructor(db: Db) {
    this.funds = collection<FundDocument>(db, COLLECTIONS.funds);
  }

  async add(fund: Fund): Promise<void> {
    try {
      await storageCall(() => this.funds.insertOne(toDocument(fund)));
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      throw new DuplicateFundId(fund.id);
    }
  }

  async seed(funds: readonly Fund[]): Promise<void> {
    // One insert per fund, duplicates ignored: idempotent, concurrent start-ups are harmless,
    // and an admin's edits to an existing fund survive a restart.
    for (const fund of funds) {
      try {
        await storageCall(() => this.funds.insertOne(toDocument(fund)));
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }

  async update(fund: Fund): Promise<void> {
    const { _id, ...fields } = toDocument(fund);
    const result = await storageCall(() => this.funds.updateOne({ _id }, { $set: fields }));
    if (result.matchedCount === 0) throw new NotFound('fund', fund.id);
  }

  async findById(id: string): Promise<Fund | null> {
    const found = await storageCall(() => this.funds.findOne({ _id: id }));
    return found === null ? null : fromDocument(found);
  }

  async list(): Promise<readonly Fund[]> {
    // The catalogue is small; the shared numeric-then-lexicographic order is applied here
    // because no index or collation expresses it portably (FerretDB has no collations).
    const found = await storageCall(() => this.funds.find({}).toArray());
    return found.map(fromDocument).sort((a, b) => compareFundIds(a.id, b.id));
  }
}

function toDocument(fund: Fund): FundDocument {
  const s = fund.toSnapshot();
  return {
    _id: s.id,
    name: s.name,
    minimumAmount: moneyToLong(s.minimumAmount),
    category: s.category,
    active: s.active,
  };
}

function fromDocument(doc: FundDocument): Fund {
  return Fund.restore({
    id: doc._id,
    name: doc.name,
    minimumAmount: moneyFromStored(doc.minimumAmount),
    category: doc.category,
    active: doc.active,
  });
}
