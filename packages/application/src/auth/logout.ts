import type { Clock, RefreshTokenStore, SecretTokens } from '../ports/index.js';
import type { LiveSessions } from './live-sessions.js';

/** POST /auth/logout: revokes the session (refresh-token family) the token belongs to. */
export class Logout {
  constructor(
    private readonly deps: {
      readonly refreshTokens: RefreshTokenStore;
      readonly secrets: SecretTokens;
      readonly clock: Clock;
      /** Told at once, so this process refuses the session's access tokens from now on. */
      readonly sessions?: Pick<LiveSessions, 'revoked'> | undefined;
    },
  ) {}

  /** Idempotent; a token of another client (or an unknown one) is ignored without a hint. */
  async execute(input: { clientId: string; refreshToken: string }): Promise<void> {
    const record = await this.deps.refreshTokens.find(this.deps.secrets.digest(input.refreshToken));
    if (record === null || record.clientId !== input.clientId) return;
    await this.deps.refreshTokens.revokeFamily(record.familyId, this.deps.clock.now());
    this.deps.sessions?.revoked(record.familyId);
  }
}
