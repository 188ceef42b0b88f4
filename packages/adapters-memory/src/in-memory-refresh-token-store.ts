import type { RefreshTokenRecord, RefreshTokenStore } from '@btg-funds/application';
import { yieldToOthers } from './yield-to-others.js';

export class InMemoryRefreshTokenStore implements RefreshTokenStore {
  private readonly tokens = new Map<string, RefreshTokenRecord>();
  private readonly used = new Set<string>();
  private readonly revokedFamilies = new Map<string, Date>();

  async save(record: RefreshTokenRecord): Promise<void> {
    await yieldToOthers();
    this.tokens.set(record.digest, record);
  }

  async find(digest: string): Promise<RefreshTokenRecord | null> {
    await yieldToOthers();
    return this.tokens.get(digest) ?? null;
  }

  async consume(digest: string): Promise<boolean> {
    await yieldToOthers();
    if (this.used.has(digest)) return false;
    this.used.add(digest);
    return true;
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await yieldToOthers();
    if (!this.revokedFamilies.has(familyId)) this.revokedFamilies.set(familyId, at);
  }

  async isFamilyRevoked(familyId: string): Promise<boolean> {
    await yieldToOthers();
    return this.revokedFamilies.has(familyId);
  }
}
