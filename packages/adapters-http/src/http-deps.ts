import type {
  AccessTokenVerifier,
  CancelSubscription,
  CreateFund,
  GetFund,
  GetProfile,
  GetSubscription,
  GetTransaction,
  ListClients,
  ListClientTransactions,
  ListFunds,
  ListNotifications,
  ListSubscriptions,
  ListTransactions,
  ConfirmVerificationCode,
  Login,
  RequestVerificationCode,
  RateLimitStore,
  Logout,
  RefreshSession,
  RegisterClient,
  SubscribeToFund,
  UpdateFund,
  UpdateProfile,
} from '@btg-funds/application';
import type { Context, MiddlewareHandler } from 'hono';
import type { SessionCheck } from './middleware/live-session.js';
import type { HttpConfig } from './http-config.js';
import type { HttpEnv } from './http-env.js';
import type { HomeHandler } from './routes/home-route.js';
import type { WebAppFiles } from './web/web-app-files.js';

// Structural (`Pick`) types so callers may pass the real use cases or thin wrappers.
type UseCase<T extends { execute: unknown }> = Pick<T, 'execute'>;

export interface HttpUseCases {
  readonly registerClient: UseCase<RegisterClient>;
  readonly login: UseCase<Login>;
  readonly refreshSession: UseCase<RefreshSession>;
  readonly logout: UseCase<Logout>;
  readonly getProfile: UseCase<GetProfile>;
  readonly updateProfile: UseCase<UpdateProfile>;
  readonly listClients: UseCase<ListClients>;
  readonly listFunds: UseCase<ListFunds>;
  readonly getFund: UseCase<GetFund>;
  readonly createFund: UseCase<CreateFund>;
  readonly updateFund: UseCase<UpdateFund>;
  readonly subscribeToFund: UseCase<SubscribeToFund>;
  readonly cancelSubscription: UseCase<CancelSubscription>;
  readonly listSubscriptions: UseCase<ListSubscriptions>;
  readonly getSubscription: UseCase<GetSubscription>;
  readonly listTransactions: UseCase<ListTransactions>;
  readonly listClientTransactions: UseCase<ListClientTransactions>;
  readonly getTransaction: UseCase<GetTransaction>;
  readonly listNotifications: UseCase<ListNotifications>;
  readonly requestVerificationCode: UseCase<RequestVerificationCode>;
  readonly confirmVerificationCode: UseCase<ConfirmVerificationCode>;
}

/** One line per request, for the access log and metrics (never tokens or bodies). */
export interface RequestLogEntry {
  readonly method: string;
  /** The matched route pattern (`/api/v1/subscriptions/:id`), not the raw path. */
  readonly route: string;
  readonly status: number;
  readonly latencyMs: number;
  readonly requestId: string;
  readonly clientId: string | null;
}

/** Named readiness checks (`storage`, `outbox`, …): true when the dependency is healthy. */
export type ReadinessReport = Readonly<Record<string, boolean>>;

export interface HttpDeps {
  readonly useCases: HttpUseCases;
  readonly tokens: AccessTokenVerifier;
  readonly config?: Partial<HttpConfig> | undefined;
  /** GET /health/ready answers 200 only when every check is true; the body names each one. */
  readonly readiness?: (() => Promise<ReadinessReport>) | undefined;
  /** Serves GET /metrics (Prometheus text); absent → 404. */
  readonly metrics?: ((c: Context) => Response | Promise<Response>) | undefined;
  /** When set, GET /metrics requires `Authorization: Bearer <metricsToken>`. */
  readonly metricsToken?: string | undefined;
  /**
   * Runs around each request, outside the access log (so log lines see its context): the
   * composition root's tracing span. The adapter stays free of any tracing library.
   */
  readonly traceRequest?: MiddlewareHandler<HttpEnv> | undefined;
  readonly onRequest?: ((entry: RequestLogEntry) => void) | undefined;
  /**
   * Errors answered with a 5xx, with the request id and that status, for the log: a bug (500),
   * an outage (503: the store unavailable or too slow, or a verification code's provider), or a
   * write whose outcome is unknown (504).
   */
  readonly onError?: ((error: unknown, requestId: string, status: number) => void) | undefined;
  /**
   * Whether a token's session was revoked, asked on the routes that move money or change where
   * notifications go (ADR 0220); absent → tokens live until their `exp`.
   */
  readonly sessions?: SessionCheck | undefined;
  /** Where rate-limit counts live (shared by all instances); absent → in this process only. */
  readonly rateLimitStore?: RateLimitStore | undefined;
  /** Answers `GET /`; absent → a redirect to the interactive docs (`/api/v1/docs`). */
  readonly home?: HomeHandler | undefined;
  /**
   * The built web app (loadWebAppFiles), served at `/` (unless `home` says otherwise) and on every path the API does not own;
   * absent → none.
   */
  readonly webApp?: WebAppFiles | null | undefined;
  /** The caller's network address (rate limits); the Node adapter knows it, tests do not. */
  readonly clientAddress?: ((c: Context) => string | undefined) | undefined;
}
