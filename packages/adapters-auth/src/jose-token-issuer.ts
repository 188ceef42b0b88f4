import type { AccessTokenClaims, IssuedAccessToken, TokenIssuer } from '@btg-funds/application';
import { createHmac, sign } from 'node:crypto';
import { keyIdOf, type JwtSettings } from './jwt-settings.js';

/** RFC 9068 access-token type: the verifier refuses any other JWT signed with the same key. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

const base64url = (value: unknown): string =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/**
 * Short-lived access tokens as JWTs (EdDSA or HS256), with the claims the contract checks
 * (docs/product/http-contract.md, "Auth"); jose verifies them (JoseTokenVerifier).
 *
 * Signed synchronously with node:crypto (RFC 7515 compact form), not with jose's WebCrypto
 * `sign`: WebCrypto runs in libuv's thread pool, where a login's token waited behind every
 * bcrypt job of a burst and all the logins answered together (ADR 0703). Ed25519 or HMAC signing
 * costs microseconds on the event loop.
 */
export class JoseTokenIssuer implements TokenIssuer {
  private readonly header: string;

  constructor(private readonly settings: JwtSettings) {
    // EdDSA tokens name their key, so verifiers can tell current from previous keys.
    const kid = settings.algorithm === 'EdDSA' ? keyIdOf(settings.verificationKey) : undefined;
    this.header = base64url({
      alg: settings.algorithm,
      typ: ACCESS_TOKEN_TYPE,
      ...(kid !== undefined && { kid }),
    });
  }

  issue(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const { settings } = this;
    const iat = Math.floor(settings.now().getTime() / 1000);
    const payload = base64url({
      role: claims.role,
      // `sid` (RFC 9068 / OIDC) names the session, so its revocation reaches this token (ADR 0220).
      ...(claims.sessionId !== undefined && { sid: claims.sessionId }),
      sub: claims.clientId,
      iss: settings.issuer,
      aud: settings.audience,
      iat,
      exp: iat + settings.accessTtlSeconds,
    });
    const input = `${this.header}.${payload}`;
    const signature =
      settings.algorithm === 'EdDSA'
        ? sign(null, Buffer.from(input, 'utf8'), settings.signingKey)
        : createHmac('sha256', settings.signingKey).update(input, 'utf8').digest();
    const token = `${input}.${signature.toString('base64url')}`;
    return Promise.resolve({ token, expiresIn: settings.accessTtlSeconds });
  }
}
