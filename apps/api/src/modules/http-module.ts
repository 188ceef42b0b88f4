import { createHttpApp } from '@btg-funds/adapters-http';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ContainerModule } from 'inversify';
import { HttpMetrics } from '../runtime/http-metrics.js';
import { resolve, TOKENS } from '../tokens.js';

/** The Hono app with its operational hooks: access log, metrics, readiness, error report. */
export const httpModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Metrics).toDynamicValue(() => new HttpMetrics());
  bind(TOKENS.HttpApp).toDynamicValue((ctx) => {
    const logger = resolve(ctx, TOKENS.Logger);
    const metrics = resolve(ctx, TOKENS.Metrics);
    const storage = resolve(ctx, TOKENS.Storage);
    return createHttpApp({
      useCases: resolve(ctx, TOKENS.UseCases),
      tokens: resolve(ctx, TOKENS.TokenVerifier),
      config: resolve(ctx, TOKENS.Config).http,
      readiness: async () => {
        await storage.ping();
        return true;
      },
      metrics: metrics.handler,
      onRequest: (entry) => {
        metrics.observe(entry);
        logger.info({ ...entry }, 'request');
      },
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
