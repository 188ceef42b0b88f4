import type { AccessTokenClaims } from '@btg-funds/application';

/** Checks an access token; rejects (throws) on anything invalid: signature, alg, claims, time. */
export interface AccessTokenVerifier {
  verify(token: string): Promise<AccessTokenClaims>;
}
