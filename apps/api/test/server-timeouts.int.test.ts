import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { createLogger } from '../src/runtime/logger.js';
import { start, type RunningApp } from '../src/start.js';

/**
 * The real process start-up on a real socket, with short limits, so each one can be watched
 * doing its job (ADR 0222). Every socket is bounded: the test fails instead of hanging.
 */
let app: RunningApp;
let port = 0;

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    BCRYPT_COST: '4',
    RATE_LIMITS: 'off',
    REQUEST_TIMEOUT_MS: '600',
    HTTP_HEADERS_TIMEOUT_MS: '400',
    HTTP_KEEP_ALIVE_TIMEOUT_MS: '300',
  });
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  app = await start(config, createLogger({ level: 'silent' }, silent));
  port = Number(new URL(app.url).port);
});

afterAll(async () => {
  await app.stop();
});

/** Opens a raw connection, writes `chunks`, and reports what came back and whether it closed. */
function rawExchange(chunks: readonly string[], watchMs = 4_000) {
  return new Promise<{ reply: string; closed: boolean }>((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let reply = '';
    const give = (closed: boolean) => {
      clearTimeout(watch);
      socket.destroy();
      resolve({ reply, closed });
    };
    const watch = setTimeout(() => give(false), watchMs);
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    socket.on('data', (data) => (reply += data.toString('utf8')));
    socket.on('close', () => give(true));
    socket.on('error', reject);
  });
}

describe('the server closes what a client leaves hanging', () => {
  it('answers a body that arrives too slowly with 408 BODY_TIMEOUT, not 503, and closes', async () => {
    const head =
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      'Content-Length: 200\r\n\r\n';
    const { reply, closed } = await rawExchange([head, '{"email":"a']);
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(reply).toContain('application/problem+json');
    expect(reply).toContain('"code":"BODY_TIMEOUT"');
    expect(closed).toBe(true);
  });

  it('closes a connection that never sends its headers', async () => {
    const { reply, closed } = await rawExchange([]);
    expect(closed).toBe(true);
    expect(reply).toMatch(/^(HTTP\/1\.1 408 |$)/);
  });

  it('closes a connection whose headers never end', async () => {
    const { closed } = await rawExchange(['GET /health HTTP/1.1\r\nHost: x\r\n']);
    expect(closed).toBe(true);
  });

  it('closes an idle keep-alive connection after its answer', async () => {
    const { reply, closed } = await rawExchange(['GET /health HTTP/1.1\r\nHost: x\r\n\r\n']);
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    expect(closed).toBe(true);
  });
});
