import { type JwtKeys } from '@btg-funds/adapters-auth';
import type { HttpConfig } from '@btg-funds/adapters-http';
import type { LoginThrottlePolicy, NotificationPolicy } from '@btg-funds/application';
import type { NotifyConfig } from '@btg-funds/adapters-notify';

export type StorageKind = 'memory' | 'mongo';

/** Configuration of the whole process, validated and typed (built by loadConfig). */
export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  readonly observability: ObservabilityConfig;
  readonly http: HttpConfig;
  /** Socket-level limits of the Node server, below the app (ADR 0222). */
  readonly server: {
    /** A connection that has not sent complete headers by then is answered 408 and closed. */
    readonly headersTimeoutMs: number;
    /** An idle keep-alive connection is closed after this long. */
    readonly keepAliveTimeoutMs: number;
  };
  readonly money: {
    /**
     * One client's money operations running or queued in this process; more → 429 (0 = no cap,
     * also with RATE_LIMITS=off).
     */
    readonly maxPendingPerClient: number;
  };
  readonly jwt: {
    readonly keys: JwtKeys;
    /** True when no key was configured and one was generated for this process only. */
    readonly ephemeral: boolean;
    readonly issuer: string;
    readonly audience: string;
    readonly accessTtlSeconds: number;
  };
  /** Session idle limit: a refresh token unused this long is dead. */
  readonly refreshTtlSeconds: number;
  /** Session absolute limit from login (ADR 0220). */
  readonly sessionTtlSeconds: number;
  /** Failed-login throttling; null with RATE_LIMITS=off. */
  readonly loginThrottle: LoginThrottlePolicy | null;
  readonly bcryptCost: number;
  readonly admin: { readonly email: string; readonly password: string } | null;
  readonly storage:
    | { readonly kind: 'memory' }
    | { readonly kind: 'mongo'; readonly uri: string; readonly dbName: string | undefined };
  /** SMTP_* / TWILIO_* providers; a channel without one is logged (console sender). */
  readonly notify: NotifyConfig;
  readonly notifyIntervalMs: number;
  /** Allowed SMS countries and the daily cap per destination (ADR 0405). */
  readonly notificationPolicy: NotificationPolicy;
  /** How often every process re-creates delivery records lost after the ledger append. */
  readonly outboxRecoveryIntervalMs: number;
  readonly shutdownTimeoutMs: number;
  /**
   * Where the built web app is (ADR 0213); null → no web app. `explicit` when WEB_DIST_DIR named
   * it: a missing build is then a start-up error, not a warning.
   */
  readonly webApp: { readonly dir: string; readonly explicit: boolean } | null;
}

export interface ObservabilityConfig {
  /**
   * pino-pretty (a devDependency) instead of JSON lines; `auto`: only on a terminal outside
   * production (runtime/pretty-logs.ts). `true` is refused in production.
   */
  readonly logPretty: boolean | 'auto';
  readonly metrics: {
    /** Bearer token required on GET /metrics when set. */
    readonly token: string | undefined;
    /** Serve /metrics on its own listener (host:port) instead of the public one. */
    readonly listener: { readonly host: string; readonly port: number } | null;
  };
  /** A pending notification overdue by this much (or a silent dispatcher) → not ready. */
  readonly outboxStuckAfterMs: number;
  /** OTLP/HTTP trace export; null → no tracing SDK at all. */
  readonly tracing: { readonly endpoint: string; readonly serviceName: string } | null;
}
