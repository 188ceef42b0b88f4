import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';

const base = { NODE_ENV: 'development' } as const;

describe('observability configuration', () => {
  it('defaults to pretty logs only on a terminal, open metrics on the public port, no tracing', () => {
    const { observability } = loadConfig(base);
    expect(observability).toEqual({
      logPretty: 'auto',
      metrics: { token: undefined, listener: null },
      outboxStuckAfterMs: 300_000,
      tracing: null,
    });
  });

  it('reads METRICS_*, OUTBOX_STUCK_AFTER_MS and OTEL_*', () => {
    const { observability } = loadConfig({
      ...base,
      LOG_PRETTY: 'true',
      METRICS_TOKEN: 'a-long-enough-scrape-token',
      METRICS_PORT: '9464',
      METRICS_HOST: '0.0.0.0',
      OUTBOX_STUCK_AFTER_MS: '60000',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318',
      OTEL_SERVICE_NAME: 'btg-funds-api-staging',
    });
    expect(observability).toEqual({
      logPretty: true,
      metrics: {
        token: 'a-long-enough-scrape-token',
        listener: { host: '0.0.0.0', port: 9464 },
      },
      outboxStuckAfterMs: 60_000,
      tracing: { endpoint: 'http://localhost:4318', serviceName: 'btg-funds-api-staging' },
    });
  });

  it('refuses pretty logs in production, a short metrics token and a non-URL endpoint', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) } as const;
    expect(() => loadConfig({ ...prod, LOG_PRETTY: 'true' })).toThrow(/LOG_PRETTY/);
    expect(() => loadConfig({ ...base, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });
});
