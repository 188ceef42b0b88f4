import type { Env } from './env-schema.js';

/** Where Prometheus scrapes in production when METRICS_PORT is not set (OpenTelemetry's default). */
export const PRODUCTION_METRICS_PORT = 9464;

/**
 * Defaults that are fine on a laptop and unsafe on a server, refused with NODE_ENV=production.
 * Returns the problem, naming the variable, or null.
 */
export function unsafeInProduction(env: Env): string | null {
  if (env.NODE_ENV !== 'production') return null;
  if (env.LOG_PRETTY === 'true') {
    // Log shippers parse JSON lines; a pretty production log would be silently unusable.
    return 'LOG_PRETTY=true is for development only, not NODE_ENV=production';
  }
  if (env.MONGODB_URI === undefined && env.ALLOW_MEMORY_STORAGE !== 'true') {
    // A forgotten MONGODB_URI would otherwise serve real clients from memory and lose every
    // balance at the next restart.
    return (
      'MONGODB_URI is required when NODE_ENV=production ' +
      '(set ALLOW_MEMORY_STORAGE=true to run on in-memory storage on purpose)'
    );
  }
  const metricsPort = env.METRICS_PORT ?? PRODUCTION_METRICS_PORT;
  if (metricsPort !== 0 && metricsPort === env.PORT) {
    return 'METRICS_PORT must differ from PORT: /metrics never shares the public listener in production';
  }
  return null;
}

/**
 * Where /metrics is served: its own listener when METRICS_PORT is set, and always in production
 * (METRICS_PORT defaults to 9464 there), so the public port — the one the load balancer forwards
 * every path to — never answers it. Outside production without METRICS_PORT: the public app.
 */
export function metricsListener(env: Env): { host: string; port: number } | null {
  const port = env.METRICS_PORT ?? (env.NODE_ENV === 'production' ? PRODUCTION_METRICS_PORT : null);
  return port === null ? null : { host: env.METRICS_HOST, port };
}
