import type { VerificationChallenge, VerificationChallengeStore } from '@btg-funds/application';
import type { NotificationChannel } from '@btg-funds/domain';
import type { Collection, Db } from 'mongodb';
import { collection, COLLECTIONS } from './collections.js';
import { isDuplicateKeyError, storageCall } from './storage-errors.js';

interface ChallengeDocument {
  /** The challenge id. */
  _id: string;
  clientId: string;
  channel: NotificationChannel;
  destination: string;
  codeHash: string;
  createdAt: Date;
  expiresAt: Date;
}

interface UseDocument {
  /** The challenge id: using a code is a unique insert. */
  _id: string;
  usedAt: Date;
}

/** Verification codes (ADR 0405): inserts only, so it holds on FerretDB as on MongoDB. */
export class MongoVerificationChallengeStore implements VerificationChallengeStore {
  private readonly challenges: Collection<ChallengeDocument>;
  private readonly uses: Collection<UseDocument>;

  constructor(db: Db) {
    this.challenges = collection<ChallengeDocument>(db, COLLECTIONS.verificationChallenges);
    this.uses = collection<UseDocument>(db, COLLECTIONS.verificationUses);
  }

  async save(challenge: VerificationChallenge): Promise<void> {
    const { id, ...fields } = challenge;
    await storageCall(() => this.challenges.insertOne({ _id: id, ...fields }));
  }

  async latest(
    clientId: string,
    channel: NotificationChannel,
  ): Promise<VerificationChallenge | null> {
    // Served by the (clientId, channel, createdAt, _id) index; batchSize 1 closes the cursor.
    const found = await storageCall(() =>
      this.challenges
        .find({ clientId, channel }, { batchSize: 1 })
        .sort({ createdAt: -1, _id: -1 })
        .limit(1)
        .toArray(),
    );
    const doc = found[0];
    if (doc === undefined) return null;
    const { _id, ...fields } = doc;
    return { id: _id, ...fields };
  }

  async consume(challengeId: string, at: Date): Promise<boolean> {
    try {
      await storageCall(() => this.uses.insertOne({ _id: challengeId, usedAt: at }));
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** No TTL indexes on FerretDB (ADR 0302): expired challenges and their use marks go. */
  async deleteExpired(now: Date, batchSize = 500): Promise<number> {
    let deleted = 0;
    for (;;) {
      const expired = await storageCall(() =>
        this.challenges
          .find({ expiresAt: { $lte: now } }, { projection: { _id: 1 } })
          .limit(batchSize)
          .toArray(),
      );
      if (expired.length === 0) break;
      const ids = expired.map((c) => c._id);
      await storageCall(() => this.challenges.deleteMany({ _id: { $in: ids } }));
      await storageCall(() => this.uses.deleteMany({ _id: { $in: ids } }));
      deleted += expired.length;
      if (expired.length < batchSize) break;
    }
    return deleted;
  }
}
