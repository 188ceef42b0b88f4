import type { RequestLogEntry } from '@btg-funds/adapters-http';
import { pino, type DestinationStream } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/runtime/logger.js';
import { requestLogWriter } from '../src/runtime/request-log-line.js';

/** A destination that keeps every chunk written to it. */
function captured(): DestinationStream & { chunks: string[] } {
  const chunks: string[] = [];
  return { chunks, write: (chunk: string) => void chunks.push(chunk) };
}

const ENTRIES: readonly RequestLogEntry[] = [
  {
    method: 'GET',
    route: '/api/v1/me',
    status: 200,
    latencyMs: 0.37,
    requestId: 'b6eb3bcc-a9e9-4bd0-8d26-3e168da7148d',
    clientId: 'c0d1c5a8-0000-4000-8000-000000000000',
  },
  {
    method: 'POST',
    route: '/api/v1/subscriptions',
    status: 201,
    latencyMs: 12,
    requestId: 'req-1',
    clientId: null,
  },
  // Text pino has to escape: quotes, a backslash, a newline, a control character, accents.
  {
    method: 'DELETE',
    route: '/api/v1/subscriptions/:id "x" \\ y\nz\u0001',
    status: 409,
    latencyMs: 1234.56,
    requestId: 'ñandú-é',
    clientId: 'quote"client',
  },
  { method: 'GET', route: '*', status: 404, latencyMs: Number.NaN, requestId: 'r', clientId: null },
];

describe('the access-log line (ADR 0724)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is byte for byte the line logger.info(entry, 'request') writes", () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-12-02T10:11:12.345Z') });
    const slow = captured();
    const fast = captured();
    const viaPino = createLogger({ level: 'info' }, slow);
    const logRequest = requestLogWriter(createLogger({ level: 'info' }, fast));
    for (const entry of ENTRIES) {
      viaPino.info(entry, 'request');
      logRequest(entry);
    }
    expect(fast.chunks).toHaveLength(ENTRIES.length);
    expect(fast.chunks).toEqual(slow.chunks);
    expect(JSON.parse(fast.chunks[0]!)).toEqual({
      level: 30,
      time: '2026-12-02T10:11:12.345Z',
      service: 'btg-funds-api',
      ...ENTRIES[0],
      msg: 'request',
    });
  });

  it("carries a child logger's bindings and follows the logger's level as it changes", () => {
    const out = captured();
    const logger = createLogger({ level: 'warn' }, out).child({ instance: 'api-2' });
    const logRequest = requestLogWriter(logger);
    logRequest(ENTRIES[0]!);
    expect(out.chunks).toEqual([]);
    logger.level = 'info';
    logRequest(ENTRIES[0]!);
    expect(JSON.parse(out.chunks[0]!)).toMatchObject({
      service: 'btg-funds-api',
      instance: 'api-2',
    });
  });

  it('leaves the line to pino where pino adds to it (a mixin: the trace ids)', () => {
    const out = captured();
    const logger = pino({ mixin: () => ({ trace_id: 'abc' }) }, out);
    requestLogWriter(logger)(ENTRIES[1]!);
    expect(JSON.parse(out.chunks[0]!)).toMatchObject({ trace_id: 'abc', msg: 'request' });
  });

  it('leaves the line to pino for a multistream, which needs to see each line', () => {
    const first = captured();
    const second = captured();
    const logger = pino(
      {},
      pino.multistream([{ stream: first }, { stream: second, level: 'info' }]),
    );
    requestLogWriter(logger)(ENTRIES[1]!);
    expect(first.chunks).toHaveLength(1);
    expect(JSON.parse(second.chunks[0]!)).toMatchObject({ route: '/api/v1/subscriptions' });
  });
});
