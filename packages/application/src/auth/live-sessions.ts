import { StorageUnavailable, type Clock, type RefreshTokenStore } from '../ports/index.js';

export interface LiveSessionsOptions {
  /** How long a "not revoked" answer is trusted before the store is asked again. */
  readonly cacheMs: number;
  /** Sessions remembered at once (least recently asked go first). */
  readonly maxEntries: number;
  /**
   * How long the store may take to answer; past it the check fails as StorageUnavailable (503,
   * nothing applied) instead of holding a money request until its deadline.
   */
  readonly timeoutMs: number;
}

export const DEFAULT_LIVE_SESSIONS_OPTIONS: LiveSessionsOptions = {
  cacheMs: 2_000,
  maxEntries: 10_000,
  timeoutMs: 1_000,
};

/**
 * Whether a session (refresh-token family) was revoked — logout, refresh-token reuse — so its
 * access tokens stop working before their `exp` on the routes that ask (ADR 0220). One keyed
 * read of the store, cached briefly: a revocation made by another instance is seen within
 * `cacheMs`; one made by this process, at once. A revocation is final, so it is remembered.
 */
export class LiveSessions {
  private readonly entries = new Map<string, { revoked: boolean; untilMs: number }>();

  constructor(
    private readonly deps: {
      readonly refreshTokens: Pick<RefreshTokenStore, 'isFamilyRevoked'>;
      readonly clock: Clock;
      readonly options?: LiveSessionsOptions | undefined;
    },
  ) {}

  async isRevoked(sessionId: string): Promise<boolean> {
    const nowMs = this.deps.clock.now().getTime();
    const known = this.entries.get(sessionId);
    if (known !== undefined && (known.revoked || nowMs < known.untilMs)) return known.revoked;
    const revoked = await this.ask(sessionId);
    this.remember(sessionId, revoked, nowMs);
    return revoked;
  }

  private async ask(sessionId: string): Promise<boolean> {
    const { timeoutMs } = this.deps.options ?? DEFAULT_LIVE_SESSIONS_OPTIONS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new StorageUnavailable()), timeoutMs);
    });
    try {
      return await Promise.race([this.deps.refreshTokens.isFamilyRevoked(sessionId), late]);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  /** This process revoked `sessionId`: its tokens are refused here from now on. */
  revoked(sessionId: string): void {
    this.remember(sessionId, true, this.deps.clock.now().getTime());
  }

  private remember(sessionId: string, revoked: boolean, nowMs: number): void {
    const { cacheMs, maxEntries } = this.deps.options ?? DEFAULT_LIVE_SESSIONS_OPTIONS;
    this.entries.delete(sessionId);
    while (this.entries.size >= maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(sessionId, { revoked, untilMs: nowMs + cacheMs });
  }
}
