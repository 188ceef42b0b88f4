import type { RecoverOutbox } from '@btg-funds/application';
import type { Logger } from 'pino';

/** Pause between passes while a backlog is worked through (each pass is bounded). */
const BACKLOG_PAUSE_MS = 100;

/**
 * Runs RecoverOutbox in every process, on an interval (ADR 0004): a delivery record lost between
 * the ledger append and the outbox write is re-created within one interval, no restart needed.
 * A pass that stopped at its page limit is followed by the next one almost at once.
 */
export class OutboxRecoveryLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly recover: Pick<RecoverOutbox, 'execute'>,
    /** Rings the dispatcher when records were re-created. */
    private readonly wake: () => void,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops scheduling and waits for the pass in progress, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => (this.running = undefined));
    }, delayMs);
    this.timer.unref();
  }

  private async pass(): Promise<void> {
    let next = this.intervalMs;
    try {
      const report = await this.recover.execute();
      if (report.created > 0) {
        this.logger.warn({ recovered: report.created }, 'outbox: re-created lost notifications');
        this.wake();
      }
      if (!report.caughtUp) next = BACKLOG_PAUSE_MS;
    } catch (error) {
      this.logger.error({ err: error }, 'outbox recovery failed; will retry');
    }
    this.schedule(next);
  }
}
