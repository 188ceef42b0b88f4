import type { RateLimitStore, RateWindow } from '@btg-funds/application';
import type { Collection, Db } from 'mongodb';
import { collection, COLLECTIONS } from './collections.js';
import { isDuplicateKeyError, storageCall } from './storage-errors.js';

export interface RateLimitHitDocument {
  /** `${windowStartMs}:${n}:${key}`: unique, so each count is claimed by exactly one hit. */
  _id: string;
  key: string;
  windowStart: Date;
  /** This hit's position in its window: 1, 2, 3… without gaps. */
  n: number;
  /** When the window ends and the document may be purged (no TTL index on FerretDB). */
  expiresAt: Date;
}

/** Bounds one increment under extreme contention; each pass is one read and one insert. */
const MAX_PASSES = 64;

/**
 * Rate-limit counters shared by every API process (ADR 0203). A hit claims the next position
 * of its window with a unique insert, so no two hits ever get the same count and none is lost:
 * exact on MongoDB, DocumentDB and FerretDB, whose `$inc` is a non-atomic read-modify-write
 * that would lose concurrent hits and let a limit be exceeded. Positions are gapless (a hit
 * only ever tries the position after one that exists), so the highest position is the count.
 */
export class MongoRateLimitStore implements RateLimitStore {
  private readonly hits: Collection<RateLimitHitDocument>;

  constructor(db: Db) {
    this.hits = collection<RateLimitHitDocument>(db, COLLECTIONS.rateLimitHits);
  }

  async increment(
    key: string,
    window: RateWindow,
    ceiling = Number.POSITIVE_INFINITY,
  ): Promise<number> {
    let taken = await this.count(key, window);
    for (let pass = 0; pass < MAX_PASSES; pass += 1) {
      if (taken >= ceiling) return taken + 1;
      const n = taken + 1;
      try {
        await storageCall(() => this.hits.insertOne(toDocument(key, window, n)));
        return n;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      // Another hit took n: jump to the newest position rather than walking one by one.
      taken = Math.max(n, await this.count(key, window));
    }
    throw new Error(`rate-limit counter ${key} kept moving for ${MAX_PASSES} passes`);
  }

  async count(key: string, window: RateWindow): Promise<number> {
    const top = await storageCall(() =>
      this.hits
        .find({ key, windowStart: window.start })
        .sort({ n: -1 })
        .limit(1)
        .project<{ n: number }>({ _id: 0, n: 1 })
        .toArray(),
    );
    return top[0]?.n ?? 0;
  }

  /** Removes the hits of windows that ended before `now`; returns how many. */
  async deleteExpired(now: Date): Promise<number> {
    const result = await storageCall(() => this.hits.deleteMany({ expiresAt: { $lt: now } }));
    return result.deletedCount;
  }
}

function toDocument(key: string, window: RateWindow, n: number): RateLimitHitDocument {
  return {
    _id: `${window.start.getTime()}:${n}:${key}`,
    key,
    windowStart: window.start,
    n,
    expiresAt: window.end,
  };
}
