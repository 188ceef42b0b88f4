import type { AccessTokenClaims } from '@btg-funds/application';
import { ROLES, type Role } from '@btg-funds/domain';
import { jwtVerify } from 'jose';
import type { AccessTokenVerifier } from './access-token-verifier.js';
import { ACCESS_TOKEN_TYPE } from './jose-token-issuer.js';
import type { JwtSettings } from './jwt-settings.js';

/**
 * Verifies with the ONE configured algorithm (so `alg: none` and algorithm confusion fail),
 * the exact type, issuer and audience, and requires exp, iat, sub and a known role.
 */
export class JoseTokenVerifier implements AccessTokenVerifier {
  constructor(private readonly settings: JwtSettings) {}

  async verify(token: string): Promise<AccessTokenClaims> {
    const { settings } = this;
    const { payload } = await jwtVerify(token, settings.verificationKey, {
      algorithms: [settings.algorithm],
      typ: ACCESS_TOKEN_TYPE,
      issuer: settings.issuer,
      audience: settings.audience,
      requiredClaims: ['exp', 'iat', 'sub', 'role'],
      clockTolerance: settings.clockToleranceSeconds,
      currentDate: settings.now(),
      maxTokenAge: settings.accessTtlSeconds + settings.clockToleranceSeconds,
    });
    const role = payload.role;
    if (typeof payload.sub !== 'string' || payload.sub === '' || !isRole(role)) {
      throw new Error('access token lacks a subject or a known role');
    }
    return { clientId: payload.sub, role };
  }
}

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);
