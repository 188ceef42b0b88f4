import { createHttpApp, loadWebAppFiles, type WebAppFiles } from '@btg-funds/adapters-http';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ContainerModule } from 'inversify';
import { httpTracing } from '../runtime/http-tracing.js';
import { readinessChecks } from '../runtime/readiness.js';
import { requestLogWriter } from '../runtime/request-log-line.js';
import { resolve, TOKENS } from '../tokens.js';

/** The Hono app with its operational hooks: access log, metrics, traces, readiness, errors. */
export const httpModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.HttpApp).toDynamicValue((ctx) => {
    const logger = resolve(ctx, TOKENS.Logger);
    const metrics = resolve(ctx, TOKENS.Metrics);
    const config = resolve(ctx, TOKENS.Config);
    const tracer = resolve(ctx, TOKENS.Tracer);
    const dispatcher = resolve(ctx, TOKENS.Dispatcher);
    const useCases = resolve(ctx, TOKENS.UseCases);
    const { token, listener } = config.observability.metrics;
    const webApp = loadWebApp(config.webApp, logger);
    const logRequest = requestLogWriter(logger);
    return createHttpApp({
      useCases,
      tokens: resolve(ctx, TOKENS.TokenVerifier),
      sessions: useCases.liveSessions,
      config: config.http,
      rateLimitStore: resolve(ctx, TOKENS.Storage).rateLimits,
      readiness: readinessChecks({
        storage: resolve(ctx, TOKENS.Storage),
        lastDispatchAt: () => dispatcher.lastTickAt,
        stuckAfterMs: config.observability.outboxStuckAfterMs,
      }),
      // With METRICS_PORT, /metrics lives on the internal listener only (start.ts).
      metrics: listener === null ? metrics.handler : undefined,
      metricsToken: token,
      traceRequest: tracer === null ? undefined : httpTracing(tracer),
      onRequest: (entry) => {
        metrics.observe(entry);
        logRequest(entry);
      },
      // The cause chain goes to the log (errWithCause); the client got a bare 500 problem.
      onError: (error, requestId, status) =>
        logger.error({ err: error, requestId, status }, serverErrorMessage(status)),
      webApp,
      clientAddress: (c) => {
        try {
          return getConnInfo(c).remote.address;
        } catch {
          return undefined;
        }
      },
    });
  });
});

/** The built SPA, if any (ADR 0213): absent by default is a warning, absent where named an error. */
function loadWebApp(
  config: { readonly dir: string; readonly explicit: boolean } | null,
  logger: {
    warn(object: object, message: string): void;
    info(object: object, message: string): void;
  },
): WebAppFiles | null {
  if (config === null) return null;
  const files = loadWebAppFiles(config.dir);
  if (files === null && config.explicit) {
    throw new Error(`WEB_DIST_DIR: no index.html in ${config.dir} (build the app: npm run build)`);
  }
  if (files === null) {
    logger.warn({ dir: config.dir }, 'web app not built (npm run build): / serves no app');
  } else {
    logger.info({ dir: config.dir, files: files.files.size }, 'web app loaded');
  }
  return files;
}

/**
 * What a 5xx line says first. Only a 500 is a bug: a 503 is an outage the client may wait out
 * (the store, or a code's provider: `err` says which), and a 504 a write whose outcome is unknown.
 */
function serverErrorMessage(status: number): string {
  if (status === 503) return 'service unavailable: answered 503';
  if (status === 504) return 'outcome unknown: answered 504';
  return 'unexpected error';
}
