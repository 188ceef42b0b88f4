import type { AccessTokenClaims } from './token-issuer.js';

/** Checks an access token; rejects (throws) on anything invalid: signature, alg, claims, time. */
export interface AccessTokenVerifier {
  verify(token: string): Promise<AccessTokenClaims>;
  /**
   * The claims of a token this verifier verified before and that is still valid, answered
   * without waiting; undefined when it must be verified (`verify`). Optional: a verifier that
   * remembers nothing leaves it out. It never accepts a token `verify` would refuse.
   */
  verifiedBefore?(token: string): AccessTokenClaims | undefined;
}
