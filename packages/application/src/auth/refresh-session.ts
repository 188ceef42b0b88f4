import { invalidRefreshToken } from '../application-errors.js';
import type { ClientRepository } from '../ports/index.js';
import type { LiveSessions } from './live-sessions.js';
import { issueTokenPair, type SessionDeps, type TokenPair } from './session-tokens.js';

/**
 * POST /auth/refresh with rotation: each refresh token works once. Presenting a used one means
 * it leaked (or the client is confused): the whole session family is revoked.
 */
export class RefreshSession {
  constructor(
    private readonly deps: SessionDeps & {
      readonly clients: ClientRepository;
      /** Told at once when reuse revokes a session, so this process stops its tokens now. */
      readonly sessions?: Pick<LiveSessions, 'revoked'> | undefined;
    },
  ) {}

  async execute(input: { refreshToken: string }): Promise<TokenPair> {
    const { refreshTokens, secrets, clock } = this.deps;
    const digest = secrets.digest(input.refreshToken);
    const record = await refreshTokens.find(digest);
    const now = clock.now();
    if (record === null || record.expiresAt <= now || record.sessionExpiresAt <= now) {
      throw invalidRefreshToken();
    }
    // Two reads keyed by the token's record alone: sent together, one storage wait (ADR 0715).
    // The client is read before the token is spent, and only the spending below decides.
    const [revoked, found] = await Promise.all([
      refreshTokens.isFamilyRevoked(record.familyId),
      this.deps.clients.findById(record.clientId),
    ]);
    if (revoked) throw invalidRefreshToken();
    // Spent only once the family is known alive: a dead session's token is refused with no write.
    if (!(await refreshTokens.consume(digest, now))) {
      await refreshTokens.revokeFamily(record.familyId, now);
      this.deps.sessions?.revoked(record.familyId);
      throw invalidRefreshToken();
    }
    if (found === null) throw invalidRefreshToken();
    const who = { clientId: found.client.id, role: found.auth.role };
    return issueTokenPair(this.deps, who, {
      id: record.familyId,
      expiresAt: record.sessionExpiresAt,
    });
  }
}
