import type { RequestLogEntry } from '@btg-funds/adapters-http';
import type { Context } from 'hono';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { CountingHistogram } from './counting-histogram.js';
import { droppedLogLines } from './log-destination.js';

export type MoneyOperation = 'subscribe' | 'cancel';
type DurationSeries = ReturnType<CountingHistogram<string>['seriesFor']>;
export type DeliveryOutcome = 'sent' | 'retried' | 'failed';

/**
 * Every Prometheus series of the process (ADR 0601). Labels are bounded sets only — route
 * patterns, error codes, channels — never ids or raw paths.
 */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly registers = [this.registry];
  /** Observed on every request, so not prom-client's Histogram (see CountingHistogram). */
  private readonly duration = new CountingHistogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: this.registers,
  });
  readonly subscriptions = new Counter({
    name: 'btg_subscriptions_total',
    help: 'Fund subscriptions completed (money debited)',
    registers: this.registers,
  });
  readonly cancellations = new Counter({
    name: 'btg_cancellations_total',
    help: 'Subscriptions cancelled (money refunded)',
    registers: this.registers,
  });
  readonly rejections = new Counter({
    name: 'btg_rejected_operations_total',
    help: 'Subscribe/cancel attempts refused, by operation and business error code',
    labelNames: ['operation', 'code'] as const,
    registers: this.registers,
  });
  readonly ledgerConflicts = new Counter({
    name: 'btg_ledger_write_conflicts_total',
    help: 'Ledger appends that lost an optimistic-concurrency race; each is re-read and retried',
    labelNames: ['operation'] as const,
    registers: this.registers,
  });
  readonly replays = new Counter({
    name: 'btg_idempotent_replays_total',
    help: 'Responses replayed from an Idempotency-Key (no money moved)',
    labelNames: ['operation'] as const,
    registers: this.registers,
  });
  readonly outcomeUnknown = new Counter({
    name: 'btg_money_outcome_unknown_total',
    help: 'Money requests answered 504 OUTCOME_UNKNOWN: the ledger append may have landed (ADR 0206)',
    labelNames: ['operation'] as const,
    registers: this.registers,
  });
  readonly notifications = new Counter({
    name: 'btg_notifications_total',
    help: 'Notification delivery attempts by channel and outcome (sent, retried, failed)',
    labelNames: ['channel', 'outcome'] as const,
    registers: this.registers,
  });

  /** `pendingOutbox` is read on each scrape: a gauge nobody updates cannot go stale. */
  constructor(pendingOutbox: () => Promise<number>) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'btg_outbox_pending',
      help: 'Notifications waiting in the outbox (collected on scrape)',
      registers: this.registers,
      async collect() {
        // NaN (not a scrape failure) when storage is down: the other series stay readable.
        this.set(await pendingOutbox().catch(() => Number.NaN));
      },
    });
    new Counter({
      name: 'btg_log_lines_dropped_total',
      help: 'Log lines dropped because stdout did not keep up (16 MiB waiting; ADR 0701)',
      registers: this.registers,
      collect() {
        this.reset();
        this.inc(droppedLogLines());
      },
    });
  }

  /**
   * One series per (route, status, method), found by three lookups of values the request already
   * holds (the route pattern and the method are the same strings each time): no key is built. The
   * sets are bounded like the labels themselves.
   */
  private readonly durationByRoute = new Map<string, Map<number, Map<string, DurationSeries>>>();

  observe(entry: RequestLogEntry): void {
    const { route, status, method } = entry;
    let byStatus = this.durationByRoute.get(route);
    if (byStatus === undefined) {
      byStatus = new Map<number, Map<string, DurationSeries>>();
      this.durationByRoute.set(route, byStatus);
    }
    let byMethod = byStatus.get(status);
    if (byMethod === undefined) {
      byMethod = new Map<string, DurationSeries>();
      byStatus.set(status, byMethod);
    }
    let series = byMethod.get(method);
    if (series === undefined) {
      series = this.duration.seriesFor({ method, route, status: String(status) });
      byMethod.set(method, series);
    }
    series.observe(entry.latencyMs / 1000);
  }

  handler = async (c: Context): Promise<Response> =>
    c.body(await this.registry.metrics(), 200, { 'Content-Type': this.registry.contentType });
}
