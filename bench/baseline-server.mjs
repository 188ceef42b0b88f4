// The yardstick: a bare Hono hello-world on @hono/node-server, nothing else. Every scenario of the
// bench is reported as a ratio of this server's requests/s measured in the same run.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('Hello Hono!'));

const hostname = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3999);
const server = serve({ fetch: app.fetch, hostname, port }, (info) => {
  console.log(`baseline listening on http://${hostname}:${info.port}`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
