import { ephemeralJwtKeys, jwtKeysFrom, type JwtKeys } from '@btg-funds/adapters-auth';
import { fileURLToPath } from 'node:url';
import { notifyConfigFromEnv } from '@btg-funds/adapters-notify';
import type { AppConfig } from './app-config.js';
import { envSchema, type Env } from './env-schema.js';
import { metricsListener, unsafeInProduction } from './production-guards.js';

/** A configuration problem; the message names the variable so an operator can fix it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** apps/web/dist, seen from apps/api/{src,dist}/config/: the monorepo's own build of the app. */
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

function webApp(value: string | undefined): AppConfig['webApp'] {
  if (value === undefined) return { dir: DEFAULT_WEB_DIST, explicit: false };
  if (value === 'off') return null;
  return { dir: value, explicit: true };
}

/** Reads and checks the environment once, at start-up; any problem stops the process. */
export function loadConfig(source: Readonly<Record<string, string | undefined>>): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`,
    );
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  const { keys, ephemeral } = jwtKeys(env);
  if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  const unsafe = unsafeInProduction(env);
  if (unsafe !== null) throw new ConfigError(unsafe);
  const rule = (limit: number) => ({ limit, windowMs: env.RATE_LIMIT_WINDOW_MS });
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    observability: {
      logPretty: env.LOG_PRETTY === 'auto' ? 'auto' : env.LOG_PRETTY === 'true',
      metrics: {
        token: env.METRICS_TOKEN,
        listener: metricsListener(env),
      },
      outboxStuckAfterMs: env.OUTBOX_STUCK_AFTER_MS,
      tracing:
        env.OTEL_EXPORTER_OTLP_ENDPOINT === undefined
          ? null
          : { endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME },
    },
    http: {
      corsOrigins: env.CORS_ORIGINS,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
      trustProxy: env.TRUST_PROXY === 'true',
      // Another instance's fund edit shows in GET /funds within a second (ADR 0704).
      fundListMaxAgeMs: 1_000,
      rateLimits: {
        enabled: env.RATE_LIMITS === 'on',
        authPerIp: rule(env.RATE_LIMIT_AUTH_PER_IP),
        moneyPerClient: rule(env.RATE_LIMIT_MONEY_PER_CLIENT),
      },
    },
    server: {
      headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    money: {
      maxPendingPerClient: env.RATE_LIMITS === 'on' ? env.MONEY_MAX_PENDING_PER_CLIENT : 0,
    },
    jwt: {
      keys,
      ephemeral,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      accessTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    },
    refreshTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
    sessionTtlSeconds: env.SESSION_MAX_LIFETIME_SECONDS,
    loginThrottle:
      env.RATE_LIMITS === 'on'
        ? {
            perAddress: {
              limit: env.LOGIN_FAILURES_PER_ADDRESS,
              windowMs: env.LOGIN_FAILURE_WINDOW_MS,
            },
            perAccount: {
              limit: env.LOGIN_FAILURES_PER_ACCOUNT,
              windowMs: env.LOGIN_FAILURE_WINDOW_MS,
            },
          }
        : null,
    bcryptCost: env.BCRYPT_COST,
    admin:
      env.ADMIN_EMAIL !== undefined && env.ADMIN_PASSWORD !== undefined
        ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }
        : null,
    storage:
      env.MONGODB_URI === undefined
        ? { kind: 'memory' }
        : { kind: 'mongo', uri: env.MONGODB_URI, dbName: env.MONGODB_DB },
    // Validated by adapters-notify; a half-configured provider throws NotifyConfigError here.
    notify: notifyConfigFromEnv(source),
    notifyIntervalMs: env.NOTIFY_INTERVAL_MS,
    notificationPolicy: {
      smsCountryCodes: env.SMS_ALLOWED_COUNTRY_CODES,
      perDestinationPerDay: env.NOTIFY_MAX_PER_DESTINATION_PER_DAY,
    },
    outboxRecoveryIntervalMs: env.OUTBOX_RECOVERY_INTERVAL_MS,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    webApp: webApp(env.WEB_DIST_DIR),
  };
}

function jwtKeys(env: Env): { keys: JwtKeys; ephemeral: boolean } {
  const configured = env.JWT_PRIVATE_KEY !== undefined || env.JWT_SECRET !== undefined;
  if (env.JWT_PREVIOUS_PUBLIC_KEYS !== undefined && env.JWT_PRIVATE_KEY === undefined) {
    // Previous keys verify EdDSA tokens; without a configured Ed25519 key they would be ignored.
    throw new ConfigError('JWT_PREVIOUS_PUBLIC_KEYS needs JWT_PRIVATE_KEY (Ed25519)');
  }
  if (!configured) {
    if (env.NODE_ENV === 'production') {
      throw new ConfigError('JWT_PRIVATE_KEY or JWT_SECRET is required when NODE_ENV=production');
    }
    return { keys: ephemeralJwtKeys(), ephemeral: true };
  }
  const variable = env.JWT_PRIVATE_KEY !== undefined ? 'JWT_PRIVATE_KEY' : 'JWT_SECRET';
  try {
    return {
      keys: jwtKeysFrom({
        privateKeyPem: env.JWT_PRIVATE_KEY,
        secret: env.JWT_SECRET,
        previousPublicKeysPem: env.JWT_PREVIOUS_PUBLIC_KEYS,
      }),
      ephemeral: false,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // Our own messages name their variable already; a parser's gets the variable in front.
    throw new ConfigError(reason.startsWith('JWT_') ? reason : `${variable}: ${reason}`);
  }
}
