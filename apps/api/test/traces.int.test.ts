/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return --
   OTLP payloads and log lines are untyped JSON on purpose: the assertions check their shape. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi, spawnApi, type SpawnedApi } from './spawn-api.js';

interface ReceivedSpan {
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
}

/** A local OTLP/HTTP collector: accepts POST /v1/traces (JSON) and keeps every span. */
function otlpReceiver(): Promise<{
  server: Server;
  url: string;
  spans: ReceivedSpan[];
  contentTypes: (string | undefined)[];
}> {
  const spans: ReceivedSpan[] = [];
  const contentTypes: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') {
        contentTypes.push(req.headers['content-type']);
        const body = JSON.parse(Buffer.concat(chunks).toString());
        for (const resource of body.resourceSpans ?? []) {
          for (const scope of resource.scopeSpans ?? []) spans.push(...scope.spans);
        }
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({ server, url: `http://127.0.0.1:${port}`, spans, contentTypes });
    }),
  );
}

async function until<T>(probe: () => T | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('OpenTelemetry traces over OTLP/HTTP, from the built process', () => {
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  let api: SpawnedApi;

  beforeAll(async () => {
    buildApi();
    receiver = await otlpReceiver();
    api = await spawnApi({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, RATE_LIMITS: 'off' });
  }, 120_000);
  afterAll(async () => {
    if (api.child.exitCode === null) await api.stop();
    receiver.server.close();
  });

  it('exports a server span per request with storage spans inside, correlated in logs', async () => {
    const res = await fetch(`${api.url}/api/v1/funds/1`, {
      headers: { 'X-Request-Id': 'trace-me-1' },
    });
    expect(res.status).toBe(200);

    const server = await until(() =>
      receiver.spans.find((s) => s.name === 'GET /api/v1/funds/:fundId'),
    );
    const storage = await until(() => receiver.spans.find((s) => s.name === 'funds.findById'));
    expect(storage.traceId).toBe(server.traceId);
    expect(storage.parentSpanId).toBe(server.spanId);

    const line = api.logs
      .map((text) => {
        try {
          return JSON.parse(text);
        } catch {
          return null;
        }
      })
      .find((entry) => entry?.msg === 'request' && entry.requestId === 'trace-me-1');
    expect(line).toMatchObject({ trace_id: server.traceId, span_id: server.spanId });
    expect(new Set(receiver.contentTypes)).toEqual(new Set(['application/json']));
  });

  it('traces a subscription down to the ledger append and the notification send', async () => {
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${api.url}/api/v1${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token !== undefined && { Authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify(body),
      });
    const credentials = { email: 'cliente.trazas@example.com', password: 'una-clave-muy-segura' };
    await post('/auth/register', {
      ...credentials,
      fullName: 'Cliente',
      notificationPreference: 'email',
    });
    const login = (await (await post('/auth/login', credentials)).json()) as {
      accessToken: string;
    };
    const { accessToken } = login;
    // Only a proved address is notified (ADR 0405): its code is in the console sender's line.
    expect((await post('/me/verification', { channel: 'email' }, accessToken)).status).toBe(202);
    const logged = () => /verificación es (\d{6})/.exec(api.logs.join('\n'))?.[1];
    const confirm = { channel: 'email', code: await until(logged) };
    expect((await post('/me/verification/confirm', confirm, accessToken)).status).toBe(200);
    expect((await post('/subscriptions', { fundId: '1' }, accessToken)).status).toBe(201);

    const request = await until(() =>
      receiver.spans.find((s) => s.name === 'POST /api/v1/subscriptions'),
    );
    const append = await until(() =>
      receiver.spans.find((s) => s.name === 'ledger.append' && s.traceId === request.traceId),
    );
    expect(append.parentSpanId).toBe(request.spanId);
    // The code's e-mail, then the subscription's.
    await until(() =>
      receiver.spans.filter((s) => s.name === 'notify.email.send').length >= 2 ? true : undefined,
    );
  });

  it('starts no SDK when no endpoint is configured (no trace ids in logs)', async () => {
    const plain = await spawnApi({ RATE_LIMITS: 'off' });
    await fetch(`${plain.url}/api/v1/funds`);
    expect(await plain.stop()).toBe(0);
    expect(plain.logs.join('\n')).toContain('"route":"/api/v1/funds"');
    expect(plain.logs.join('\n')).not.toContain('trace_id');
  });
});
