import type { Logger } from 'pino';
import type { AppConfig } from './config/app-config.js';
import { createContainer } from './container.js';
import { startHttpServer } from './runtime/http-server.js';
import { resolve, TOKENS } from './tokens.js';

const RECOVERY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface RunningApp {
  readonly url: string;
  stop(): Promise<void>;
}

/** Start-up: prepare storage, seed, bootstrap admin, recover the outbox, dispatch, serve. */
export async function start(config: AppConfig, logger: Logger): Promise<RunningApp> {
  const container = createContainer(config, logger);
  const storage = resolve(container, TOKENS.Storage);
  await storage.prepare?.();
  await resolve(container, TOKENS.SeedFunds).execute();
  if (config.admin !== null) {
    const outcome = await resolve(container, TOKENS.BootstrapAdmin).execute(config.admin);
    logger.info({ outcome }, 'admin bootstrap');
  }
  const recovered = await resolve(container, TOKENS.RecoverOutbox).execute({
    since: new Date(Date.now() - RECOVERY_WINDOW_MS),
    limit: 10_000,
  });
  if (recovered > 0) logger.warn({ recovered }, 'outbox: re-created lost notifications');
  const dispatcher = resolve(container, TOKENS.Dispatcher);
  dispatcher.start();

  const app = resolve(container, TOKENS.HttpApp);
  const server = await startHttpServer({
    fetch: app.fetch,
    host: config.host,
    port: config.port,
    requestTimeoutMs: config.http.requestTimeoutMs,
  });
  logger.info({ url: server.url, storage: storage.kind }, 'listening');
  logger.info({ docs: `${server.url}/api/v1/docs` }, `API docs at ${server.url}/api/v1/docs`);

  return {
    url: server.url,
    stop: async () => {
      await server.close(config.shutdownTimeoutMs);
      await dispatcher.stop();
      await storage.close();
    },
  };
}
