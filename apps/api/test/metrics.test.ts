/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   Bodies are untyped JSON on purpose: the assertions check their shape. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { createLogger } from '../src/runtime/logger.js';
import { start } from '../src/start.js';
import { resolve, TOKENS } from '../src/tokens.js';
import { inProcessApi } from './support/in-process-api.js';

/** The value of one exact series line (`name{labels} value`) of a Prometheus scrape. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics after a subscribe/cancel story', () => {
  it('counts completions, a refusal by code, a replay, notifications and the outbox', async () => {
    const api = await inProcessApi();
    await api.signUp('cliente.metrics@example.com');
    const key = { 'Idempotency-Key': 'metrics-story-1' };
    const first = await api.call('POST', '/subscriptions', { fundId: '1' }, key);
    expect(first.status).toBe(201);
    expect((await api.call('POST', '/subscriptions', { fundId: '1' }, key)).status).toBe(201);
    const refused = await api.call('POST', '/subscriptions', { fundId: '2', amount: '999999' });
    expect(refused.body.code).toBe('INSUFFICIENT_BALANCE');
    const subscriptionId = first.body.subscription.id as string;
    expect((await api.call('DELETE', `/subscriptions/${subscriptionId}`)).status).toBe(200);

    const before = (await api.call('GET', '/metrics')).text;
    expect(sample(before, 'btg_outbox_pending')).toBe(2);
    await resolve(api.container, TOKENS.DispatchNotifications).execute({ limit: 10 });

    const scrape = await api.app.request('/metrics');
    expect(scrape.headers.get('content-type')).toContain('text/plain');
    const text = await scrape.text();
    expect(sample(text, 'btg_subscriptions_total')).toBe(1);
    expect(sample(text, 'btg_cancellations_total')).toBe(1);
    expect(
      sample(
        text,
        'btg_rejected_operations_total{operation="subscribe",code="INSUFFICIENT_BALANCE"}',
      ),
    ).toBe(1);
    expect(sample(text, 'btg_idempotent_replays_total{operation="subscribe"}')).toBe(1);
    expect(sample(text, 'btg_notifications_total{channel="email",outcome="sent"}')).toBe(2);
    expect(sample(text, 'btg_outbox_pending')).toBe(0);
    expect(text).toContain('# TYPE btg_ledger_write_conflicts_total counter');
    const posts = 'method="POST",route="/api/v1/subscriptions"';
    expect(sample(text, `http_request_duration_seconds_count{${posts},status="201"}`)).toBe(2);
    expect(sample(text, `http_request_duration_seconds_count{${posts},status="422"}`)).toBe(1);
    expect(
      sample(
        text,
        'http_request_duration_seconds_count{method="DELETE",route="/api/v1/subscriptions/:id",status="200"}',
      ),
    ).toBe(1);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('requires the bearer METRICS_TOKEN when it is set', async () => {
    const api = await inProcessApi({ METRICS_TOKEN: 'scrape-token-0123456789' });
    expect((await api.call('GET', '/metrics')).status).toBe(401);
    const auth = { Authorization: 'Bearer scrape-token-0123456789' };
    expect((await api.call('GET', '/metrics', undefined, auth)).status).toBe(200);
  });

  it('serves /metrics only on the internal listener when METRICS_PORT is set', async () => {
    const env = { NODE_ENV: 'test', PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'silent' } as const;
    const config = loadConfig(env);
    const app = await start(config, createLogger({ level: 'silent' }));
    try {
      expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
      expect(app.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const internal = await fetch(`${app.metricsUrl!}/metrics`);
      expect(internal.status).toBe(200);
      expect(await internal.text()).toContain('http_request_duration_seconds');
      expect((await fetch(`${app.metricsUrl!}/api/v1/funds`)).status).toBe(404);
    } finally {
      await app.stop();
    }
  });
});
