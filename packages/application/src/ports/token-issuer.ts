import type { Role } from './auth-record.js';

export interface AccessTokenClaims {
  readonly clientId: string;
  readonly role: Role;
  /**
   * The session (refresh-token family) the token was issued in, as the `sid` claim: a revoked
   * session's tokens stop working on the routes that check it (ADR 0220). Absent in tokens
   * issued before sessions were named.
   */
  readonly sessionId?: string | undefined;
}

export interface IssuedAccessToken {
  readonly token: string;
  /** Lifetime in seconds. */
  readonly expiresIn: number;
}

/** Signs short-lived access tokens (JWT in production). */
export interface TokenIssuer {
  issue(claims: AccessTokenClaims): Promise<IssuedAccessToken>;
}

/**
 * Opaque secrets (refresh tokens): random, high-entropy strings, stored only as a digest so a
 * database leak yields no usable token.
 */
export interface SecretTokens {
  generate(): string;
  digest(token: string): string;
}
