// The floor under a scenario's goal: a bare Hono server (as bench/baseline-server.mjs) that answers
// each API request the bench sends with the exact status, headers and body our API answered it
// with (captured at the start of the run, SAME_BYTES_FILE), and does nothing else. What it costs
// over the baseline is the cost of those bytes alone: the security headers, the request id, the
// body — no routing of ours, no auth, no storage, no log line, no metric.
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const answers = JSON.parse(readFileSync(process.env.SAME_BYTES_FILE, 'utf8'));
const app = new Hono();
for (const { method, path, status, headers, body } of answers) {
  app.on(method, path, async (c) => {
    // A body is read, as any server must before it answers (our API parses it).
    if (method === 'POST') await c.req.arrayBuffer();
    // A request id of its own for each answer, as ours mints one: the one per-request header.
    return new Response(body, {
      status,
      headers: { ...headers, 'X-Request-Id': crypto.randomUUID() },
    });
  });
}
app.get('/', (c) => c.text('ready'));

const hostname = process.env.HOST ?? '127.0.0.1';
const server = serve({ fetch: app.fetch, hostname, port: Number(process.env.PORT ?? 3998) });
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
