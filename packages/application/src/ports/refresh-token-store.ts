export interface RefreshTokenRecord {
  /** Digest of the opaque token (SecretTokens.digest); the token itself is never stored. */
  readonly digest: string;
  readonly clientId: string;
  /** All tokens rotated from one login share a family; reuse revokes the whole family. */
  readonly familyId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export interface RefreshTokenStore {
  save(record: RefreshTokenRecord): Promise<void>;
  find(digest: string): Promise<RefreshTokenRecord | null>;
  /** Marks a token as used; true for exactly one caller (a unique insert, not an update). */
  consume(digest: string, at: Date): Promise<boolean>;
  revokeFamily(familyId: string, at: Date): Promise<void>;
  isFamilyRevoked(familyId: string): Promise<boolean>;
}
