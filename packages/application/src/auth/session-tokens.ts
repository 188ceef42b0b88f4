import type {
  AccessTokenClaims,
  Clock,
  RefreshTokenStore,
  SecretTokens,
  TokenIssuer,
} from '../ports/index.js';

export interface TokenPair {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** Access-token lifetime in seconds. */
  readonly expiresIn: number;
  readonly refreshToken: string;
}

export interface SessionConfig {
  /** Idle limit: a refresh token not used within it is dead; each rotation starts it again. */
  readonly refreshTtlSeconds: number;
  /** Absolute limit of a session (refresh-token family) from its login, whatever its use. */
  readonly sessionTtlSeconds: number;
}

/** ASVS level 2 (V3.3.2): 30 minutes idle, 12 hours at most (ADR 0220). */
export const DEFAULT_SESSION_CONFIG: SessionConfig = {
  refreshTtlSeconds: 30 * 60,
  sessionTtlSeconds: 12 * 60 * 60,
};

export interface SessionDeps {
  readonly issuer: TokenIssuer;
  readonly secrets: SecretTokens;
  readonly refreshTokens: RefreshTokenStore;
  readonly clock: Clock;
  readonly config: SessionConfig;
}

/** A refresh-token family: one per login, named in every access token it issues (`sid`). */
export interface Session {
  readonly id: string;
  readonly expiresAt: Date;
}

/** Issues an access token for `who` and a new refresh token in `session`. */
export async function issueTokenPair(
  deps: SessionDeps,
  who: Pick<AccessTokenClaims, 'clientId' | 'role'>,
  session: Session,
): Promise<TokenPair> {
  const access = await deps.issuer.issue({ ...who, sessionId: session.id });
  const refreshToken = deps.secrets.generate();
  const now = deps.clock.now();
  const idle = new Date(now.getTime() + deps.config.refreshTtlSeconds * 1000);
  await deps.refreshTokens.save({
    digest: deps.secrets.digest(refreshToken),
    clientId: who.clientId,
    familyId: session.id,
    createdAt: now,
    // Never past the session's absolute end.
    expiresAt: idle < session.expiresAt ? idle : session.expiresAt,
    sessionExpiresAt: session.expiresAt,
  });
  return {
    accessToken: access.token,
    tokenType: 'Bearer',
    expiresIn: access.expiresIn,
    refreshToken,
  };
}

/** A new session starting now. */
export function newSession(deps: SessionDeps, id: string): Session {
  const at = deps.clock.now().getTime() + deps.config.sessionTtlSeconds * 1000;
  return { id, expiresAt: new Date(at) };
}
