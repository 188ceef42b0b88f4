import { describe, expect, it } from 'vitest';
import { createMetricsApp } from '../src/index.js';
import { createTestApp } from './support/test-app.js';

describe('operations endpoints', () => {
  it('answers readiness per check: 200 when all pass, 503 naming the failed one', async () => {
    let outbox = false;
    const { app } = await createTestApp({
      overrides: { readiness: () => Promise.resolve({ storage: true, outbox }) },
    });
    expect((await app.request('/health')).status).toBe(200);
    const down = await app.request('/health/ready');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      code: 'NOT_READY',
      checks: { storage: 'ok', outbox: 'failed' },
    });
    outbox = true;
    const up = await app.request('/api/v1/health/ready');
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ready', checks: { storage: 'ok', outbox: 'ok' } });
  });

  it('keeps liveness free of readiness checks', async () => {
    let called = 0;
    const { app } = await createTestApp({
      overrides: { readiness: () => Promise.resolve({ storage: (called += 1) > 0 }) },
    });
    expect((await app.request('/health')).status).toBe(200);
    expect(called).toBe(0);
  });

  it('serves metrics from the hook at the root and under /api/v1', async () => {
    const { app } = await createTestApp({
      overrides: { metrics: (c) => c.text('# HELP up 1\nup 1\n') },
    });
    const res = await app.request('/metrics');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('up 1');
    expect((await app.request('/api/v1/metrics')).status).toBe(200);
  });

  it('requires the metrics bearer token when one is configured', async () => {
    const { app } = await createTestApp({
      overrides: { metrics: (c) => c.text('up 1\n'), metricsToken: 's3cret-scrape' },
    });
    expect((await app.request('/metrics')).status).toBe(401);
    const wrong = { headers: { Authorization: 'Bearer nope' } };
    expect((await app.request('/metrics', wrong)).status).toBe(401);
    const right = { headers: { Authorization: 'Bearer s3cret-scrape' } };
    expect((await app.request('/metrics', right)).status).toBe(200);
  });

  it('serves only /metrics on the internal metrics app', async () => {
    const app = createMetricsApp({ metrics: (c) => c.text('up 1\n') });
    expect(await (await app.request('/metrics')).text()).toBe('up 1\n');
    expect((await app.request('/api/v1/funds')).status).toBe(404);
  });

  it('gives every answer of the internal metrics app a request id, echoed when sane', async () => {
    const app = createMetricsApp({ metrics: (c) => c.text('up 1\n') });
    const scrape = await app.request('/metrics', { headers: { 'X-Request-Id': 'scrape-1' } });
    expect(scrape.headers.get('x-request-id')).toBe('scrape-1');
    const missing = await app.request('/nope', { headers: { 'X-Request-Id': 'bad id<script>' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
