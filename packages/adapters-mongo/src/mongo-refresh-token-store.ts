import type { RefreshTokenRecord, RefreshTokenStore } from '@btg-funds/application';
import type { Collection, Db } from 'mongodb';
import { collection, COLLECTIONS } from './collections.js';
import { isDuplicateKeyError, storageCall } from './storage-errors.js';

interface RefreshTokenDocument {
  /** The token's digest: unique by construction. */
  _id: string;
  clientId: string;
  familyId: string;
  createdAt: Date;
  expiresAt: Date;
  /** Absent on tokens saved before sessions had an absolute end: their own expiry bounds them. */
  sessionExpiresAt?: Date;
}

interface TokenUseDocument {
  _id: string;
  usedAt: Date;
}

interface RevokedFamilyDocument {
  _id: string;
  revokedAt: Date;
}

/**
 * Refresh tokens with rotation. Consuming a token inserts a use record keyed by its digest, so
 * exactly one of two racing refreshes wins even where updates are not atomic (FerretDB v1).
 */
export class MongoRefreshTokenStore implements RefreshTokenStore {
  private readonly tokens: Collection<RefreshTokenDocument>;
  private readonly uses: Collection<TokenUseDocument>;
  private readonly revoked: Collection<RevokedFamilyDocument>;

  constructor(db: Db) {
    this.tokens = collection<RefreshTokenDocument>(db, COLLECTIONS.refreshTokens);
    this.uses = collection<TokenUseDocument>(db, COLLECTIONS.refreshTokenUses);
    this.revoked = collection<RevokedFamilyDocument>(db, COLLECTIONS.revokedFamilies);
  }

  async save(record: RefreshTokenRecord): Promise<void> {
    const { digest, ...fields } = record;
    await storageCall(() => this.tokens.insertOne({ _id: digest, ...fields }));
  }

  async find(digest: string): Promise<RefreshTokenRecord | null> {
    const doc = await storageCall(() => this.tokens.findOne({ _id: digest }));
    if (doc === null) return null;
    const { _id, sessionExpiresAt, ...fields } = doc;
    return { digest: _id, ...fields, sessionExpiresAt: sessionExpiresAt ?? fields.expiresAt };
  }

  async consume(digest: string, at: Date): Promise<boolean> {
    try {
      await storageCall(() => this.uses.insertOne({ _id: digest, usedAt: at }));
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    try {
      await storageCall(() => this.revoked.insertOne({ _id: familyId, revokedAt: at }));
    } catch (error) {
      // Revoked already: the first revocation time is the one worth keeping.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async isFamilyRevoked(familyId: string): Promise<boolean> {
    const doc = await storageCall(() => this.revoked.findOne({ _id: familyId }));
    return doc !== null;
  }

  /**
   * No TTL indexes on FerretDB (ADR 0302): purges expired tokens, then their use records, then
   * revocations whose family has no token left. An expired token is refused by its expiresAt
   * anyway, so forgetting that it was used loses nothing.
   */
  async deleteExpired(now: Date, batchSize = 500): Promise<number> {
    let deleted = 0;
    for (;;) {
      const expired = await storageCall(() =>
        this.tokens
          .find({ expiresAt: { $lte: now } }, { projection: { _id: 1, familyId: 1 } })
          .limit(batchSize)
          .toArray(),
      );
      if (expired.length === 0) break;
      const digests = expired.map((t) => t._id);
      await storageCall(() => this.tokens.deleteMany({ _id: { $in: digests } }));
      await storageCall(() => this.uses.deleteMany({ _id: { $in: digests } }));
      await this.forgetEmptyFamilies([...new Set(expired.map((t) => t.familyId))]);
      deleted += expired.length;
      if (expired.length < batchSize) break;
    }
    return deleted;
  }

  private async forgetEmptyFamilies(familyIds: readonly string[]): Promise<void> {
    for (const familyId of familyIds) {
      const remaining = await storageCall(() => this.tokens.findOne({ familyId }));
      if (remaining === null) await storageCall(() => this.revoked.deleteOne({ _id: familyId }));
    }
  }
}
