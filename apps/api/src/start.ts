import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createMetricsApp } from '@btg-funds/adapters-http';
import type { Logger } from 'pino';
import type { AppConfig } from './config/app-config.js';
import { createContainer } from './container.js';
import { startHttpServer, type RunningServer } from './runtime/http-server.js';
import { startTracing } from './runtime/tracing.js';
import { resolve, TOKENS } from './tokens.js';

export interface RunningApp {
  readonly url: string;
  /** The internal metrics listener (METRICS_PORT), when configured. */
  readonly metricsUrl: string | null;
  stop(): Promise<void>;
}

/** Start-up: prepare storage, seed, bootstrap admin, dispatch and recover the outbox, serve. */
export async function start(config: AppConfig, logger: Logger): Promise<RunningApp> {
  const tracing = startTracing(config.observability.tracing);
  if (tracing !== null) logger.info({ otlp: config.observability.tracing?.endpoint }, 'tracing on');
  const container = createContainer(config, logger, tracing?.tracer ?? null);
  const storage = resolve(container, TOKENS.Storage);
  await storage.prepare?.();
  await resolve(container, TOKENS.SeedFunds).execute();
  if (config.admin !== null) {
    const outcome = await resolve(container, TOKENS.BootstrapAdmin).execute(config.admin);
    logger.info({ outcome }, 'admin bootstrap');
  }
  const dispatcher = resolve(container, TOKENS.Dispatcher);
  dispatcher.start();
  // Its first pass runs now, then on an interval: no lost notification waits for a restart.
  const recovery = resolve(container, TOKENS.OutboxRecovery);
  recovery.start();

  const app = resolve(container, TOKENS.HttpApp);
  const server = await startHttpServer({
    fetch: app.fetch,
    host: config.host,
    port: config.port,
    requestTimeoutMs: config.http.requestTimeoutMs,
    ...config.server,
  });
  const metricsServer = await startMetricsServer(config, resolve(container, TOKENS.Metrics));
  logger.info({ url: server.url, storage: storage.kind }, 'listening');
  if (metricsServer !== null) logger.info({ url: metricsServer.url }, 'metrics listening');
  logger.info({ docs: `${server.url}/api/v1/docs` }, `API docs at ${server.url}/api/v1/docs`);
  if (config.webApp !== null && existsSync(join(config.webApp.dir, 'index.html'))) {
    logger.info({ app: `${server.url}/` }, `Web app at ${server.url}/`);
  }

  return {
    url: server.url,
    metricsUrl: metricsServer?.url ?? null,
    stop: async () => {
      await server.close(config.shutdownTimeoutMs);
      await metricsServer?.close(1_000);
      await recovery.stop();
      await dispatcher.stop();
      // Nothing sends any more: pooled SMTP connections are closed, not left to time out.
      const senders = new Set(Object.values(resolve(container, TOKENS.Senders)));
      for (const sender of senders) sender.close?.();
      await storage.close();
      await tracing?.shutdown();
    },
  };
}

/** GET /metrics on its own listener (METRICS_PORT, METRICS_HOST), never behind the ALB. */
function startMetricsServer(
  config: AppConfig,
  metrics: { handler: Parameters<typeof createMetricsApp>[0]['metrics'] },
): Promise<RunningServer | null> {
  const { listener, token } = config.observability.metrics;
  if (listener === null) return Promise.resolve(null);
  const app = createMetricsApp({ metrics: metrics.handler, token });
  return startHttpServer({
    ...listener,
    fetch: app.fetch,
    requestTimeoutMs: 5_000,
    ...config.server,
  });
}
