export interface RefreshTokenRecord {
  /** Digest of the opaque token (SecretTokens.digest); the token itself is never stored. */
  readonly digest: string;
  readonly clientId: string;
  /** All tokens rotated from one login share a family; reuse revokes the whole family. */
  readonly familyId: string;
  readonly createdAt: Date;
  /** The idle limit: a refresh token unused until then is dead (each rotation moves it). */
  readonly expiresAt: Date;
  /**
   * The family's absolute limit, set at login and carried by every rotation: past it the session
   * is over however active it was (ASVS V3.3, ADR 0220).
   */
  readonly sessionExpiresAt: Date;
}

export interface RefreshTokenStore {
  save(record: RefreshTokenRecord): Promise<void>;
  find(digest: string): Promise<RefreshTokenRecord | null>;
  /** Marks a token as used; true for exactly one caller (a unique insert, not an update). */
  consume(digest: string, at: Date): Promise<boolean>;
  revokeFamily(familyId: string, at: Date): Promise<void>;
  isFamilyRevoked(familyId: string): Promise<boolean>;
}
