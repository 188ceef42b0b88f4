import type { AccessTokenClaims } from '@btg-funds/application';

class Entry {
  /** Set by each hit, cleared when eviction passes the entry over (its second chance). */
  used = false;

  constructor(
    /** The whole token: a hit is a token equal to it, never one that only shares its key. */
    readonly token: string,
    readonly claims: AccessTokenClaims,
    /** Epoch ms after which the entry is dead: never later than the token's `exp`. */
    readonly validUntilMs: number,
  ) {}
}

/**
 * The last characters of a token, its map key. A JWT ends with its signature, and these 24
 * characters (144 bits) of it tell tokens apart as well as the whole string would. A map lookup
 * hashes its key character by character, and every request brings a new copy of its token (a few
 * hundred characters): hashing the tail instead of the whole is most of a lookup's cost (ADR 0738).
 */
const KEY_LENGTH = 24;
const keyOf = (token: string): string => token.slice(-KEY_LENGTH);

/**
 * A bounded cache of tokens that passed full verification (ADR 0700). An entry is found by its
 * token's tail and is a hit only when its whole token equals the one presented, so any edited byte
 * (header, claims or signature) is a miss; only successes are ever stored; an entry dies at its
 * token's expiry and is dropped when looked up after it.
 *
 * When full, an entry not used since eviction last passed it over goes: the second-chance
 * ("clock") approximation of least-recently-used. A hit only sets a flag, so the map is never
 * written on the hot path (ADR 0730). A strict LRU re-inserted every hit's key: the map's table,
 * long-lived, was rebuilt every few dozen hits, and each discarded table — garbage in the old
 * generation until the next full collection — still pointed at the request strings it had held,
 * which kept them alive through young collections and promoted them: ~800 bytes of old-generation
 * garbage per authenticated request.
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
    const key = keyOf(token);
    const entry = this.entries.get(key);
    if (entry?.token !== token) return undefined;
    if (nowMs >= entry.validUntilMs) {
      this.entries.delete(key);
      return undefined;
    }
    entry.used = true;
    return entry.claims;
  }

  /** Remembers a verified token until `validUntilMs` (not stored if already past). */
  set(token: string, claims: AccessTokenClaims, validUntilMs: number, nowMs: number): void {
    if (this.maxEntries === 0 || !(validUntilMs > nowMs)) return;
    // A token sharing the tail of another (never seen: 144 bits of a signature) replaces it.
    const key = keyOf(token);
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) this.evictOne(nowMs);
    this.entries.set(key, new Entry(token, Object.freeze({ ...claims }), validUntilMs));
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * Removes the oldest entry that is dead or unused since it was last passed over; a used one is
   * moved behind the others, its flag cleared. One iterator for the whole pass: the entries moved
   * behind are met again after the rest, unused by then, so at most one pass and one step run
   * (a fresh iterator per step would skip the holes the moves leave at the front, every time).
   */
  private evictOne(nowMs: number): void {
    for (const [key, entry] of this.entries) {
      this.entries.delete(key);
      if (!entry.used || nowMs >= entry.validUntilMs) return;
      entry.used = false;
      this.entries.set(key, entry);
    }
  }
}
