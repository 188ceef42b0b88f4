import { ApiError } from './api-error.js';
import type { TokenPair } from './api-types.js';
import type { Tokens, TokenStore } from './token-store.js';

/**
 * Why a session ended: the user logged out, or the server refused the refresh token (expired,
 * revoked, or reused — a reuse revokes the whole session server-side; `error.detail` says so in
 * Spanish).
 */
export type SessionEnd =
  { readonly reason: 'logout' } | { readonly reason: 'refresh-rejected'; readonly error: ApiError };

type Listener<T> = (value: T) => void;

/**
 * The tokens, who is told when they change, and the single flight: however many requests fail
 * with 401 together, one refresh call goes out and they all wait for it.
 */
export class Session {
  private inFlight: Promise<boolean> | null = null;
  private readonly ended = new Set<Listener<SessionEnd>>();
  private readonly changed = new Set<Listener<Tokens | null>>();

  constructor(
    private readonly store: TokenStore,
    private readonly refreshCall: (refreshToken: string) => Promise<TokenPair>,
  ) {}

  get tokens(): Tokens | null {
    return this.store.get();
  }

  start(pair: Tokens): void {
    this.save({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
  }

  end(end: SessionEnd): void {
    if (this.store.get() === null) return;
    this.save(null);
    for (const listener of [...this.ended]) listener(end);
  }

  /**
   * Called with the access token a request was sent with, after it came back 401. Resolves true
   * when a newer access token is there to replay with, false when the session is over. A
   * transient failure of the refresh (network, 429, 503) rejects with that error and keeps the
   * session: the tokens may still be good.
   */
  renew(sentWith: string): Promise<boolean> {
    const current = this.store.get();
    if (current === null) return Promise.resolve(false);
    // Someone renewed while this request was out: replay with the newer token, no new call.
    if (current.accessToken !== sentWith) return Promise.resolve(true);
    this.inFlight ??= this.refresh(current.refreshToken).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  onEnded(listener: Listener<SessionEnd>): () => void {
    this.ended.add(listener);
    return () => this.ended.delete(listener);
  }

  onTokensChanged(listener: Listener<Tokens | null>): () => void {
    this.changed.add(listener);
    return () => this.changed.delete(listener);
  }

  private async refresh(refreshToken: string): Promise<boolean> {
    let pair: TokenPair;
    try {
      pair = await this.refreshCall(refreshToken);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      if (this.replaced(refreshToken)) return this.store.get() !== null;
      this.end({ reason: 'refresh-rejected', error });
      return false;
    }
    if (this.replaced(refreshToken)) return this.store.get() !== null;
    this.start(pair);
    return true;
  }

  /** A logout or a new login while the refresh call was out wins over its answer. */
  private replaced(refreshToken: string): boolean {
    return this.store.get()?.refreshToken !== refreshToken;
  }

  private save(tokens: Tokens | null): void {
    this.store.set(tokens);
    for (const listener of [...this.changed]) listener(tokens);
  }
}
