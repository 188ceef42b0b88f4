import { loadConfig } from './config/load-config.js';
import { asyncStdout } from './runtime/log-destination.js';
import { createLogger } from './runtime/logger.js';
import { prettyLogs } from './runtime/pretty-logs.js';
import { start } from './start.js';

/** The process: configuration, start-up, and a graceful exit on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    // Before the logger exists: one plain line an operator can act on, and a failing exit.
    process.stderr.write(
      `btg-funds-api: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
  const pretty = prettyLogs(config, process.stdout.isTTY === true);
  // JSON lines go to stdout asynchronously (ADR 0701); pino-pretty has its own worker thread.
  const destination = pretty ? undefined : asyncStdout();
  const logger = createLogger(
    { level: config.logLevel, pretty, traceIds: config.observability.tracing !== null },
    destination?.stream,
  );
  /** Every exit writes the buffered log lines first (the last one explains the exit). */
  const exit = (code: number): void => {
    void (destination?.close() ?? Promise.resolve()).then(() => process.exit(code));
  };
  if (config.jwt.ephemeral) {
    logger.warn('no JWT_PRIVATE_KEY or JWT_SECRET: using an ephemeral Ed25519 key (dev only)');
  }
  // Handlers go in before start-up: a signal that arrives while starting (or right after the
  // "listening" line) must still end in a graceful stop, not in the default kill.
  let stopping = false;
  const started = start(config, logger);
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    started
      .then((app) => app.stop())
      .then(
        () => {
          logger.info('stopped');
          exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  try {
    await started;
  } catch (error) {
    // Through the logger, so the cause chain (errWithCause) reaches the operator's log.
    logger.fatal({ err: error }, 'start-up failed');
    exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`btg-funds-api: start-up failed: ${String(error)}\n`);
  process.exit(1);
});
