import { Writable } from 'node:stream';
import { pino } from 'pino';
import pinoPretty from 'pino-pretty';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { PRETTY_OPTIONS, prettyLogs } from '../src/runtime/pretty-logs.js';

const config = (env: Record<string, string>) => loadConfig({ JWT_SECRET: 'x'.repeat(40), ...env });
const installed = () => true;

describe('human-readable logs on a terminal', () => {
  it('are the default only for a terminal outside production (LOG_PRETTY=auto)', () => {
    const dev = config({ NODE_ENV: 'development' });
    expect(prettyLogs(dev, true, installed)).toBe(true);
    expect(prettyLogs(dev, false, installed)).toBe(false);
    expect(prettyLogs(dev, true, () => false)).toBe(false);
    const prod = config({ NODE_ENV: 'production', ALLOW_MEMORY_STORAGE: 'true' });
    expect(prettyLogs(prod, true, installed)).toBe(false);
    expect(prettyLogs(config({ LOG_PRETTY: 'false' }), true, installed)).toBe(false);
    expect(prettyLogs(config({ LOG_PRETTY: 'true' }), false, installed)).toBe(true);
  });

  it('print one line per entry with the message and its fields', async () => {
    const out: string[] = [];
    const terminal = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out.push(chunk.toString());
        done();
      },
    });
    const stream = pinoPretty({ ...PRETTY_OPTIONS, colorize: false, destination: terminal });
    const logger = pino({ base: { service: 'btg-funds-api' } }, stream);
    logger.info({ method: 'GET', route: '/api/v1/funds', status: 200 }, 'request');
    logger.warn({ recovered: 2 }, 'outbox: re-created lost notifications');
    await new Promise((done) => setTimeout(done, 50));
    const lines = out.join('').split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: request \{.*"route":"\/api\/v1\/funds"/,
    );
    expect(lines[0]).toContain('"status":200');
    expect(lines[0]).not.toContain('btg-funds-api');
    expect(lines[1]).toMatch(/WARN: outbox: re-created lost notifications \{"recovered":2\}$/);
  });
});
