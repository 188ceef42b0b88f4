import { createHttpApp } from '@btg-funds/adapters-http';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ContainerModule } from 'inversify';
import { httpTracing } from '../runtime/http-tracing.js';
import { readinessChecks } from '../runtime/readiness.js';
import { resolve, TOKENS } from '../tokens.js';

/** The Hono app with its operational hooks: access log, metrics, traces, readiness, errors. */
export const httpModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.HttpApp).toDynamicValue((ctx) => {
    const logger = resolve(ctx, TOKENS.Logger);
    const metrics = resolve(ctx, TOKENS.Metrics);
    const config = resolve(ctx, TOKENS.Config);
    const tracer = resolve(ctx, TOKENS.Tracer);
    const dispatcher = resolve(ctx, TOKENS.Dispatcher);
    const { token, listener } = config.observability.metrics;
    return createHttpApp({
      useCases: resolve(ctx, TOKENS.UseCases),
      tokens: resolve(ctx, TOKENS.TokenVerifier),
      sessions: resolve(ctx, TOKENS.LiveSessions),
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
        logger.info({ ...entry }, 'request');
      },
      // The cause chain goes to the log (errWithCause); the client got a bare 500 problem.
      onError: (error, requestId) => logger.error({ err: error, requestId }, 'unexpected error'),
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
