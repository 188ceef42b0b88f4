import type { Client } from '@btg-funds/domain';
import type { Clock, RefreshTokenStore, SecretTokens, TokenIssuer } from '../ports/index.js';

export interface TokenPair {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** Access-token lifetime in seconds. */
  readonly expiresIn: number;
  readonly refreshToken: string;
}

export interface SessionConfig {
  readonly refreshTtlSeconds: number;
}

export const DEFAULT_SESSION_CONFIG: SessionConfig = { refreshTtlSeconds: 7 * 24 * 60 * 60 };

export interface SessionDeps {
  readonly issuer: TokenIssuer;
  readonly secrets: SecretTokens;
  readonly refreshTokens: RefreshTokenStore;
  readonly clock: Clock;
  readonly config: SessionConfig;
}

/** Issues an access token and a new refresh token in `familyId` (one family per login). */
export async function issueTokenPair(
  deps: SessionDeps,
  client: Client,
  familyId: string,
): Promise<TokenPair> {
  const access = await deps.issuer.issue({ clientId: client.id, role: client.role });
  const refreshToken = deps.secrets.generate();
  const now = deps.clock.now();
  await deps.refreshTokens.save({
    digest: deps.secrets.digest(refreshToken),
    clientId: client.id,
    familyId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + deps.config.refreshTtlSeconds * 1000),
  });
  return {
    accessToken: access.token,
    tokenType: 'Bearer',
    expiresIn: access.expiresIn,
    refreshToken,
  };
}
