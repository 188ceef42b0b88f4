import type { RefreshTokenRecord, RefreshTokenStore } from '../../ports/index.js';
import { tick } from './tick.js';

/** Refresh tokens by digest, their use markers and the revoked families. */
export class FakeRefreshTokenStore implements RefreshTokenStore {
  private readonly tokens = new Map<string, RefreshTokenRecord>();
  private readonly used = new Set<string>();
  /** Revoked families with when (kept, as a store would, though only presence is read). */
  private readonly revoked = new Map<string, Date>();

  async save(record: RefreshTokenRecord): Promise<void> {
    await tick();
    this.tokens.set(record.digest, record);
  }

  async find(digest: string): Promise<RefreshTokenRecord | null> {
    await tick();
    return this.tokens.get(digest) ?? null;
  }

  async consume(digest: string): Promise<boolean> {
    await tick();
    if (this.used.has(digest)) return false;
    this.used.add(digest);
    return true;
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await tick();
    this.revoked.set(familyId, at);
  }

  async isFamilyRevoked(familyId: string): Promise<boolean> {
    await tick();
    return this.revoked.has(familyId);
  }
}
