import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { createContainer } from '../src/container.js';
import { createLogger } from '../src/runtime/logger.js';
import { resolve, TOKENS } from '../src/tokens.js';

const prod = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) } as const;
const mongo = { MONGODB_URI: 'mongodb://db.internal:27017/btg' } as const;

describe('NODE_ENV=production refuses unsafe defaults', () => {
  it('refuses in-memory storage unless ALLOW_MEMORY_STORAGE=true says so', () => {
    expect(() => loadConfig(prod)).toThrow(/MONGODB_URI is required.*ALLOW_MEMORY_STORAGE=true/);
    expect(() => loadConfig({ ...prod, ALLOW_MEMORY_STORAGE: 'yes' })).toThrow(
      /ALLOW_MEMORY_STORAGE/,
    );
    expect(loadConfig({ ...prod, ALLOW_MEMORY_STORAGE: 'true' }).storage).toEqual({
      kind: 'memory',
    });
    expect(loadConfig({ ...prod, ...mongo }).storage.kind).toBe('mongo');
    // Outside production memory stays the zero-setup default.
    expect(loadConfig({ NODE_ENV: 'development' }).storage).toEqual({ kind: 'memory' });
  });

  it('serves /metrics on its own listener (127.0.0.1:9464 unless told otherwise)', () => {
    expect(loadConfig({ ...prod, ...mongo }).observability.metrics.listener).toEqual({
      host: '127.0.0.1',
      port: 9464,
    });
    const moved = loadConfig({ ...prod, ...mongo, METRICS_PORT: '9100', METRICS_HOST: '0.0.0.0' });
    expect(moved.observability.metrics.listener).toEqual({ host: '0.0.0.0', port: 9100 });
    expect(() => loadConfig({ ...prod, ...mongo, PORT: '9464' })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ ...prod, ...mongo, PORT: '8080', METRICS_PORT: '8080' })).toThrow(
      /METRICS_PORT must differ from PORT/,
    );
  });

  it('never answers /metrics on the public app', async () => {
    const config = loadConfig({ ...prod, ALLOW_MEMORY_STORAGE: 'true' });
    const container = createContainer(config, createLogger({ level: 'silent' }));
    const app = resolve(container, TOKENS.HttpApp);
    expect((await app.request('/metrics')).status).toBe(404);
    expect((await app.request('/api/v1/metrics')).status).toBe(404);
    expect((await app.request('/health')).status).toBe(200);
    const spec = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(spec.paths)).not.toContain('/api/v1/metrics');
  });
});
