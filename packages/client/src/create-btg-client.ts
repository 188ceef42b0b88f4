import createClient, { type Client } from 'openapi-fetch';
import type {
  LoginRequest,
  OperationResult,
  Paths,
  SubscribeRequest,
  TokenPair,
} from './api-types.js';
import { errorsMiddleware } from './errors-middleware.js';
import { newIdempotencyKey } from './idempotency-key.js';
import { Session, type SessionEnd } from './session.js';
import { sessionMiddleware } from './session-middleware.js';
import { memoryTokenStore, type Tokens, type TokenStore } from './token-store.js';

export interface BtgClientOptions {
  /** Origin of the API, e.g. `http://127.0.0.1:3000`; `''` for the page's own origin. */
  readonly baseUrl: string;
  /** Where the session lives; memory by default, `webStorageTokenStore(sessionStorage)` in a tab. */
  readonly tokenStore?: TokenStore;
  /** The fetch to use (tests, instrumentation); the global one by default. */
  readonly fetch?: typeof globalThis.fetch;
}

export interface MoneyCallOptions {
  /** One key per user intent; a fresh one when omitted. Same key + same body = moved once. */
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal;
}

/** A money call's answer, whether it was a replay of an earlier one, and the key it used. */
export interface MoneyOutcome {
  readonly result: OperationResult;
  readonly replayed: boolean;
  readonly idempotencyKey: string;
}

export interface BtgClient {
  /** Every route of the contract, typed; any non-2xx rejects with ApiError. */
  readonly api: Client<Paths>;
  readonly signedIn: boolean;
  /** Logs in and keeps the session (tokens) in the store. */
  login(credentials: LoginRequest): Promise<TokenPair>;
  /** Revokes the refresh token (best effort) and forgets the session; true when revoked. */
  logout(): Promise<boolean>;
  /** POST /subscriptions with an Idempotency-Key. */
  subscribe(body: SubscribeRequest, options?: MoneyCallOptions): Promise<MoneyOutcome>;
  /** DELETE /subscriptions/{id} with an Idempotency-Key. */
  cancel(subscriptionId: string, options?: MoneyCallOptions): Promise<MoneyOutcome>;
  onSessionEnded(listener: (end: SessionEnd) => void): () => void;
  onTokensChanged(listener: (tokens: Tokens | null) => void): () => void;
}

/** The client of the btg-funds API: typed routes, a session that renews itself, ApiError. */
export function createBtgClient(options: BtgClientOptions): BtgClient {
  const clientOptions = {
    baseUrl: options.baseUrl,
    ...(options.fetch !== undefined && { fetch: options.fetch }),
  };
  // Calls that must not go through the session (the refresh itself) use a bare client.
  const bare = createClient<Paths>(clientOptions);
  bare.use(errorsMiddleware);
  const session = new Session(options.tokenStore ?? memoryTokenStore(), async (refreshToken) => {
    const { data } = await bare.POST('/api/v1/auth/refresh', { body: { refreshToken } });
    return data!;
  });
  const api = createClient<Paths>(clientOptions);
  api.use(sessionMiddleware(session));

  const money = async (
    call: (key: string) => Promise<{ data?: OperationResult; response: Response }>,
    callOptions: MoneyCallOptions,
  ): Promise<MoneyOutcome> => {
    const idempotencyKey = callOptions.idempotencyKey ?? newIdempotencyKey();
    const { data, response } = await call(idempotencyKey);
    const replayed = response.headers.get('idempotent-replayed') === 'true';
    return { result: data!, replayed, idempotencyKey };
  };

  return {
    api,
    get signedIn() {
      return session.tokens !== null;
    },
    async login(credentials) {
      const { data } = await bare.POST('/api/v1/auth/login', { body: credentials });
      session.start(data!);
      return data!;
    },
    async logout() {
      const refreshToken = session.tokens?.refreshToken;
      let revoked = false;
      try {
        if (refreshToken !== undefined) {
          await api.POST('/api/v1/auth/logout', { body: { refreshToken } });
          revoked = true;
        }
      } catch {
        // The user wants out either way; the session is forgotten below.
      }
      session.end({ reason: 'logout' });
      return revoked;
    },
    subscribe: (body, callOptions = {}) =>
      money(
        (key) =>
          api.POST('/api/v1/subscriptions', {
            body,
            params: { header: { 'Idempotency-Key': key } },
            ...(callOptions.signal !== undefined && { signal: callOptions.signal }),
          }),
        callOptions,
      ),
    cancel: (subscriptionId, callOptions = {}) =>
      money(
        (key) =>
          api.DELETE('/api/v1/subscriptions/{id}', {
            params: { path: { id: subscriptionId }, header: { 'Idempotency-Key': key } },
            ...(callOptions.signal !== undefined && { signal: callOptions.signal }),
          }),
        callOptions,
      ),
    onSessionEnded: (listener) => session.onEnded(listener),
    onTokensChanged: (listener) => session.onTokensChanged(listener),
  };
}
