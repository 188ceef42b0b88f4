import type { RefreshTokenRecord, RefreshTokenStore } from '@btg-funds/application';
import { ExpiryQueue } from './expiry-queue.js';
import { eventLoopTurn, type StorageTurn } from './storage-turn.js';

/**
 * Refresh tokens, their use markers and revoked families. An expired token is refused whatever
 * else is known about it, so it is forgotten (with its use marker) as new tokens are saved, and a
 * revoked family once none of its tokens is left, as the Mongo sweep does.
 */
export class InMemoryRefreshTokenStore implements RefreshTokenStore {
  constructor(private readonly turn: StorageTurn = eventLoopTurn) {}

  private readonly tokens = new Map<string, RefreshTokenRecord>();
  private readonly used = new Set<string>();
  private readonly revokedFamilies = new Map<string, Date>();
  private readonly liveByFamily = new Map<string, number>();
  private readonly expiry = new ExpiryQueue<string>();

  /** Tokens, use markers and revoked families held. */
  get size(): number {
    return this.tokens.size + this.used.size + this.revokedFamilies.size;
  }

  async save(record: RefreshTokenRecord): Promise<void> {
    await this.turn();
    this.deleteExpired(record.createdAt);
    if (!this.tokens.has(record.digest)) {
      this.liveByFamily.set(record.familyId, (this.liveByFamily.get(record.familyId) ?? 0) + 1);
    }
    this.tokens.set(record.digest, record);
    this.expiry.add(record.digest, record.expiresAt);
  }

  /** Forgets tokens expired at `now`, their use markers, and revoked families left empty. */
  deleteExpired(now: Date): void {
    this.expiry.drain(now, (digest) => {
      const token = this.tokens.get(digest);
      if (token === undefined || token.expiresAt > now) return;
      this.tokens.delete(digest);
      this.used.delete(digest);
      const live = (this.liveByFamily.get(token.familyId) ?? 1) - 1;
      if (live > 0) {
        this.liveByFamily.set(token.familyId, live);
      } else {
        this.liveByFamily.delete(token.familyId);
        this.revokedFamilies.delete(token.familyId);
      }
    });
  }

  async find(digest: string): Promise<RefreshTokenRecord | null> {
    await this.turn();
    return this.tokens.get(digest) ?? null;
  }

  async consume(digest: string): Promise<boolean> {
    await this.turn();
    if (this.used.has(digest)) return false;
    this.used.add(digest);
    return true;
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.turn();
    if (!this.revokedFamilies.has(familyId)) this.revokedFamilies.set(familyId, at);
  }

  async isFamilyRevoked(familyId: string): Promise<boolean> {
    await this.turn();
    return this.revokedFamilies.has(familyId);
  }
}
