import type { AccessTokenClaims } from './token-issuer.js';

/** Checks an access token; rejects (throws) on anything invalid: signature, alg, claims, time. */
export interface AccessTokenVerifier {
  verify(token: string): Promise<AccessTokenClaims>;
}
