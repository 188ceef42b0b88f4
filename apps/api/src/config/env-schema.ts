import { z } from 'zod';

const int = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const csv = z
  .string()
  .default('')
  .transform((text) =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  );

const optionalText = z
  .string()
  .optional()
  .transform((text) => (text === undefined || text.trim() === '' ? undefined : text));

/** Every environment variable the process reads, with its default and its bounds. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0, 65_535, 3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: csv.pipe(z.array(z.url())),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  JWT_PRIVATE_KEY: optionalText,
  JWT_SECRET: optionalText,
  JWT_PREVIOUS_PUBLIC_KEYS: optionalText,
  JWT_ISSUER: z.string().min(1).default('btg-funds'),
  JWT_AUDIENCE: z.string().min(1).default('btg-funds-api'),
  ACCESS_TOKEN_TTL_SECONDS: int(60, 3600, 900),
  // Idle limit of a session (each refresh restarts it) and its absolute limit (ADR 0220).
  REFRESH_TOKEN_TTL_SECONDS: int(300, 90 * 24 * 3600, 30 * 60),
  SESSION_MAX_LIFETIME_SECONDS: int(300, 30 * 24 * 3600, 12 * 3600),
  BCRYPT_COST: int(4, 15, 12),
  ADMIN_EMAIL: optionalText,
  ADMIN_PASSWORD: optionalText,
  BODY_LIMIT_BYTES: int(1024, 1024 * 1024, 16 * 1024),
  REQUEST_TIMEOUT_MS: int(100, 120_000, 10_000),
  HTTP_HEADERS_TIMEOUT_MS: int(100, 120_000, 10_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: int(100, 120_000, 5_000),
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  RATE_LIMIT_WINDOW_MS: int(1000, 3_600_000, 60_000),
  RATE_LIMIT_AUTH_PER_IP: int(0, 1_000_000, 20),
  LOGIN_FAILURES_PER_ADDRESS: int(0, 1_000_000, 5),
  LOGIN_FAILURES_PER_ACCOUNT: int(0, 1_000_000, 50),
  LOGIN_FAILURE_WINDOW_MS: int(1_000, 86_400_000, 900_000),
  RATE_LIMIT_MONEY_PER_CLIENT: int(0, 1_000_000, 30),
  MONEY_MAX_PENDING_PER_CLIENT: int(0, 10_000, 10),
  NOTIFY_INTERVAL_MS: int(100, 600_000, 2_000),
  // Where notifications may go (ADR 0405): SMS only to these country calling codes, and at most
  // this many messages (codes and notifications) per destination per UTC day (0 = no cap).
  SMS_ALLOWED_COUNTRY_CODES: csv
    .pipe(z.array(z.string().regex(/^[1-9]\d{0,2}$/)).min(1))
    .default(['57']),
  NOTIFY_MAX_PER_DESTINATION_PER_DAY: int(0, 10_000, 20),
  OUTBOX_RECOVERY_INTERVAL_MS: int(100, 3_600_000, 30_000),
  SHUTDOWN_TIMEOUT_MS: int(100, 120_000, 10_000),
  LOG_PRETTY: z.enum(['auto', 'true', 'false']).default('auto'),
  METRICS_TOKEN: optionalText.pipe(z.string().min(16).optional()),
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  OUTBOX_STUCK_AFTER_MS: int(1_000, 86_400_000, 300_000),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalText.pipe(z.url().optional()),
  OTEL_SERVICE_NAME: z.string().min(1).default('btg-funds-api'),
  /** The built web app (apps/web/dist by default); `off` serves none. */
  WEB_DIST_DIR: optionalText,
  MONGODB_URI: optionalText,
  MONGODB_DB: optionalText,
  ALLOW_MEMORY_STORAGE: z.enum(['true', 'false']).default('false'),
});

export type Env = z.infer<typeof envSchema>;
