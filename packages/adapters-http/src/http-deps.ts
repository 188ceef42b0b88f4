import type {
  CancelSubscription,
  CreateFund,
  GetFund,
  GetProfile,
  GetSubscription,
  GetTransaction,
  ListClients,
  ListFunds,
  ListNotifications,
  ListSubscriptions,
  ListTransactions,
  Login,
  Logout,
  RefreshSession,
  RegisterClient,
  SubscribeToFund,
  UpdateFund,
  UpdateProfile,
} from '@btg-funds/application';
import type { Context } from 'hono';
import type { AccessTokenVerifier } from './auth/access-token-verifier.js';
import type { HttpConfig } from './http-config.js';

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
  readonly getTransaction: UseCase<GetTransaction>;
  readonly listNotifications: UseCase<ListNotifications>;
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

export interface HttpDeps {
  readonly useCases: HttpUseCases;
  readonly tokens: AccessTokenVerifier;
  readonly config?: Partial<HttpConfig> | undefined;
  /** GET /health/ready answers 200 only when this resolves true (storage answers). */
  readonly readiness?: (() => Promise<boolean>) | undefined;
  /** Serves GET /metrics (Prometheus text); absent → 404. */
  readonly metrics?: ((c: Context) => Response | Promise<Response>) | undefined;
  readonly onRequest?: ((entry: RequestLogEntry) => void) | undefined;
  /** Unexpected errors (the 500s), with the request id, for the log. */
  readonly onError?: ((error: unknown, requestId: string) => void) | undefined;
  /** The caller's network address (rate limits); the Node adapter knows it, tests do not. */
  readonly clientAddress?: ((c: Context) => string | undefined) | undefined;
}
