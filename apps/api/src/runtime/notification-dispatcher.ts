import type { DispatchNotifications } from '@btg-funds/application';
import type { Logger } from 'pino';
import type { WakeSignal } from './wake-signal.js';

/**
 * Drives DispatchNotifications: on an interval and whenever the outbox rings, one tick at a
 * time (a tick in progress absorbs wake-ups and runs once more after). A full batch means more
 * may be due: the next one follows at once, after a turn of the event loop, instead of waiting
 * for the interval (ADR 0723: a backlog drained 50 per interval, 25 a second). Never touches
 * money.
 */
export class NotificationDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  /** When a tick last completed without throwing (readiness: is the outbox moving?). */
  lastTickAt: Date = new Date();

  constructor(
    private readonly dispatch: Pick<DispatchNotifications, 'execute'>,
    private readonly signal: WakeSignal,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly batch = 50,
  ) {}

  start(): void {
    this.stopped = false;
    this.lastTickAt = new Date();
    this.signal.listen(() => this.tick());
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
    this.tick();
  }

  /** Stops the interval and waits for the tick in progress, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.signal.listen(() => undefined);
    await this.running;
  }

  private tick(): void {
    if (this.stopped) return;
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.running = this.runOnce().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        // A turn of the event loop first: requests and I/O go between two batches.
        setImmediate(() => this.tick());
      }
    });
  }

  private async runOnce(): Promise<void> {
    try {
      const report = await this.dispatch.execute({ limit: this.batch });
      this.lastTickAt = new Date();
      const handled = report.sent + report.retried + report.failed;
      if (handled > 0) {
        this.logger.info({ notifications: report }, 'notifications dispatched');
      }
      // Records skipped (held by another dispatcher) do not count: no spinning on them.
      if (handled >= this.batch) this.again = true;
    } catch (error) {
      this.logger.error({ err: error }, 'notification dispatch failed; will retry');
    }
  }
}
