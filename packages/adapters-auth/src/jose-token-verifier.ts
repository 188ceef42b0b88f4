import {
  ROLES,
  type AccessTokenClaims,
  type AccessTokenVerifier,
  type Role,
} from '@btg-funds/application';
import type { webcrypto } from 'node:crypto';
import { jwtVerify, type JWTHeaderParameters } from 'jose';
import { ACCESS_TOKEN_TYPE } from './jose-token-issuer.js';
import { importKeyRing, importVerificationKey, type JwtSettings } from './jwt-settings.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

export interface JoseTokenVerifierOptions {
  /** Verified tokens kept in memory (LRU, each until its expiry); 0 turns the cache off. */
  readonly cacheSize?: number;
}

/** Enough for every token alive at once on one instance at this API's scale (~ 3 MB). */
export const DEFAULT_TOKEN_CACHE_SIZE = 10_000;

/**
 * Verifies with the ONE configured algorithm (so `alg: none` and algorithm confusion fail), with
 * the key the token's `kid` names among the current and previous public keys,
 * the exact type, issuer and audience, and requires exp, iat, sub and a known role.
 *
 * A token that passed is remembered (by its exact string) until its `exp`, so the next requests
 * carrying it skip the signature check: the same bytes verify the same way with the same key
 * (ADR 0700); the revocation of its session is checked after this, on the routes that need it
 * (ADR 0220). Failures are never
 * remembered. The key is imported as a CryptoKey once, here, not on each verification.
 */
export class JoseTokenVerifier implements AccessTokenVerifier {
  private readonly key: Promise<webcrypto.CryptoKey>;
  private readonly ring: Map<string, Promise<webcrypto.CryptoKey>>;
  private readonly cache: VerifiedTokenCache;

  constructor(
    private readonly settings: JwtSettings,
    options: JoseTokenVerifierOptions = {},
  ) {
    this.key = importVerificationKey(settings);
    // A failed import surfaces on the first verify (401s), never as an unhandled rejection.
    this.key.catch(() => undefined);
    this.ring = importKeyRing(settings);
    this.cache = new VerifiedTokenCache(options.cacheSize ?? DEFAULT_TOKEN_CACHE_SIZE);
  }

  /** Tokens currently remembered (for tests and diagnostics). */
  get cachedTokens(): number {
    return this.cache.size;
  }

  /** A token verified before and not expired since: no signature check, nothing awaited. */
  verifiedBefore(token: string): AccessTokenClaims | undefined {
    return this.cache.get(token, this.settings.now().getTime());
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    const { settings } = this;
    const now = settings.now();
    const nowMs = now.getTime();
    const cached = this.cache.get(token, nowMs);
    if (cached !== undefined) return cached;

    const maxTokenAge = settings.accessTtlSeconds + settings.clockToleranceSeconds;
    const { payload } = await jwtVerify(token, (header) => this.keyFor(header), {
      algorithms: [settings.algorithm],
      typ: ACCESS_TOKEN_TYPE,
      issuer: settings.issuer,
      audience: settings.audience,
      requiredClaims: ['exp', 'iat', 'sub', 'role'],
      clockTolerance: settings.clockToleranceSeconds,
      currentDate: now,
      maxTokenAge,
    });
    const role = payload.role;
    if (typeof payload.sub !== 'string' || payload.sub === '' || !isRole(role)) {
      throw new Error('access token lacks a subject or a known role');
    }
    const sid = payload.sid;
    const claims: AccessTokenClaims = {
      clientId: payload.sub,
      role,
      ...(typeof sid === 'string' && sid !== '' && { sessionId: sid }),
    };
    // requiredClaims guarantees both are numbers. No clock tolerance here: a cached entry dies
    // at `exp` (or at iat + the maximum age), after which jose decides again, tolerance included.
    const validUntilMs = Math.min(payload.exp!, payload.iat! + maxTokenAge) * 1000;
    this.cache.set(token, claims, validUntilMs, nowMs);
    return claims;
  }

  /**
   * The key a token names (ADR 0200): a `kid` must be the current key's or a configured previous
   * one's, anything else is refused; a token without `kid` (issued before kids, or HS256) is
   * checked against the current key only.
   */
  private keyFor(header: JWTHeaderParameters): Promise<webcrypto.CryptoKey> {
    if (header.kid === undefined) return this.key;
    const key = this.ring.get(header.kid);
    if (key === undefined) throw new Error('access token names an unknown signing key');
    return key;
  }
}

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);
