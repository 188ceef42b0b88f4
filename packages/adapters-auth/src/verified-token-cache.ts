import type { AccessTokenClaims } from '@btg-funds/application';

interface Entry {
  readonly claims: AccessTokenClaims;
  /** Epoch ms after which the entry is dead: never later than the token's `exp`. */
  readonly validUntilMs: number;
}

/**
 * A bounded LRU of tokens that passed full verification (ADR 0700). The key is the whole token
 * string, so any edited byte (header, claims or signature) is a different key and a miss; only
 * successes are ever stored; an entry dies at its token's expiry and is dropped when looked up
 * after it; when full, the least recently used entry goes.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 0) {
      throw new Error('the token cache size must be a non-negative integer');
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The claims of a token verified before and still valid at `nowMs`, else undefined. */
  get(token: string, nowMs: number): AccessTokenClaims | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    this.entries.delete(token);
    if (nowMs >= entry.validUntilMs) return undefined;
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recent.
    this.entries.set(token, entry);
    return entry.claims;
  }

  /** Remembers a verified token until `validUntilMs` (not stored if already past). */
  set(token: string, claims: AccessTokenClaims, validUntilMs: number, nowMs: number): void {
    if (this.maxEntries === 0 || !(validUntilMs > nowMs)) return;
    this.entries.delete(token);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(token, { claims: Object.freeze({ ...claims }), validUntilMs });
  }

  clear(): void {
    this.entries.clear();
  }
}
