import type { AccessTokenClaims, IssuedAccessToken, TokenIssuer } from '@btg-funds/application';
import { SignJWT } from 'jose';
import { keyIdOf, type JwtSettings } from './jwt-settings.js';

/** RFC 9068 access-token type: the verifier refuses any other JWT signed with the same key. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** Short-lived access tokens as JWTs (EdDSA or HS256), with the claims the contract checks
 * (docs/product/http-contract.md, "Auth"). */
export class JoseTokenIssuer implements TokenIssuer {
  /** EdDSA tokens name their key, so verifiers can tell current from previous keys. */
  private readonly keyId: string | undefined;

  constructor(private readonly settings: JwtSettings) {
    this.keyId = settings.algorithm === 'EdDSA' ? keyIdOf(settings.verificationKey) : undefined;
  }

  async issue(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const { settings } = this;
    const issuedAt = Math.floor(settings.now().getTime() / 1000);
    // `sid` (RFC 9068 / OIDC) names the session, so its revocation reaches this token (ADR 0220).
    const payload = claims.sessionId === undefined ? {} : { sid: claims.sessionId };
    const token = await new SignJWT({ role: claims.role, ...payload })
      .setProtectedHeader({
        alg: settings.algorithm,
        typ: ACCESS_TOKEN_TYPE,
        ...(this.keyId !== undefined && { kid: this.keyId }),
      })
      .setSubject(claims.clientId)
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + settings.accessTtlSeconds)
      .sign(settings.signingKey);
    return { token, expiresIn: settings.accessTtlSeconds };
  }
}
