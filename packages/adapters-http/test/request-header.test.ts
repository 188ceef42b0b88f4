import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import fc from 'fast-check';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestHeader } from '../src/middleware/request-header.js';

/** Names of both kinds: joined by Node like Headers does, and kept first-only by Node. */
const NAMES = [
  'authorization',
  'content-type',
  'content-length',
  'user-agent',
  'origin',
  'idempotency-key',
  'x-request-id',
  'x-forwarded-for',
  'accept',
  'if-none-match',
  'transfer-encoding',
  'cookie',
  'absent-header',
];

let server: ServerType;
let port: number;

beforeAll(async () => {
  const app = new Hono();
  // What our reader and Hono's own `c.req.header()` say, for every name, in one answer.
  app.all('*', (c) =>
    c.json(
      Object.fromEntries(NAMES.map((name) => [name, [requestHeader(c, name), c.req.header(name)]])),
    ),
  );
  server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** One raw HTTP/1.1 request on its own connection; the answer's body, or null if refused. */
async function send(headerLines: readonly string[], body = ''): Promise<string | null> {
  const request = [
    'POST /probe HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    'Connection: close',
    ...headerLines,
    '',
    body,
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const ok = answer.startsWith('HTTP/1.1 200');
      resolve(ok ? answer.slice(answer.indexOf('\r\n\r\n') + 4) : null);
    });
    socket.end(request, 'latin1');
  });
}

const headerName = fc.constantFrom(
  'Authorization',
  'authorization',
  'Content-Type',
  'User-Agent',
  'Origin',
  'ORIGIN',
  'Idempotency-Key',
  'X-Request-Id',
  'X-Forwarded-For',
  'Accept',
  'If-None-Match',
  'Cookie',
);
const valueChar = fc.constantFrom('a', 'B', '0', ' ', '\t', ',', ';', '=', '/', '"', 'ñ', '-');
const headerValue = fc.string({ unit: valueChar, maxLength: 12 });
const headerLine = fc.tuple(headerName, headerValue).map(([name, value]) => `${name}:${value}`);

describe('requestHeader', () => {
  it('gives what c.req.header() gives, for any headers a request carries (repeats, case, spaces)', async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(headerLine, { maxLength: 8 }), async (lines) => {
        const body = await send(lines);
        if (body === null) return; // Node's parser refused the request: no handler ran
        answered += 1;
        const seen = JSON.parse(body) as Record<string, [string | null, string | null]>;
        for (const [name, [ours, hono]] of Object.entries(seen))
          expect([name, ours]).toEqual([name, hono]);
      }),
      { numRuns: 150 },
    );
    expect(answered).toBeGreaterThan(100);
  });

  it('keeps the Fetch API’s joining where Node keeps only the first value', async () => {
    const body = await send([
      'Authorization: Bearer a',
      'Authorization: Bearer b',
      'X-Request-Id: one',
      'x-request-id:  two ',
    ]);
    const seen = JSON.parse(body!) as Record<string, [string, string]>;
    expect(seen.authorization).toEqual(['Bearer a, Bearer b', 'Bearer a, Bearer b']);
    expect(seen['x-request-id']).toEqual(['one, two', 'one, two']);
  });

  it('reads a body’s framing headers as Hono does', async () => {
    const body = await send(['Content-Type: application/json ', 'Content-Length: 2'], '{}');
    const seen = JSON.parse(body!) as Record<string, [string | null, string | null]>;
    expect(seen['content-type']).toEqual(['application/json', 'application/json']);
    expect(seen['content-length']).toEqual(['2', '2']);
    expect(seen['absent-header']).toEqual([null, null]);
  });
});
