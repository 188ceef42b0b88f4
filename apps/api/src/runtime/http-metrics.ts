import type { RequestLogEntry } from '@btg-funds/adapters-http';
import type { Context } from 'hono';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of the process: HTTP traffic by route pattern plus Node defaults. */
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly ledgerConflicts = new Counter({
    name: 'ledger_conflicts_total',
    help: 'Optimistic-concurrency conflicts retried on the ledger',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  observe(entry: RequestLogEntry): void {
    this.duration
      .labels(entry.method, entry.route, String(entry.status))
      .observe(entry.latencyMs / 1000);
  }

  handler = async (c: Context): Promise<Response> =>
    c.body(await this.registry.metrics(), 200, { 'Content-Type': this.registry.contentType });
}
