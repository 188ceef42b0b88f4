#!/usr/bin/env node
// CPU per request of the whole server minus the network: the real composition root (memory
// storage, logs at info to /dev/null, the dispatcher running) behind @hono/node-server's request
// listener, fed Node IncomingMessage/ServerResponse pairs on sockets that go nowhere. No kernel
// TCP work, no load generator on the same cores: what is left is our code, Hono, Node's HTTP
// serialisation and the logger — measured with process.cpuUsage(), which other load on the
// machine hardly moves. Two builds run in two processes, batch after batch, alternately (A/B).
//
//   node bench/micro/request-cost.mjs [--scenario funds|me|subscribe-cancel|refused] [--batches 8]
//        [--requests 4000] [--concurrency 16] [--b /path/to/other/apps/api/dist]
//        [--profile-dir DIR]
//
// Without --b it measures this checkout's build alone. Build first (npm run build).
// --profile-dir writes each build's V8 CPU profile (`--cpu-prof`, 50 µs sampling: it adds its own
// cost, so read shares, not the µs) there when its batches are done; open it in Chrome DevTools.
import { spawn } from 'node:child_process';
import { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Duplex } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { benchRateLimits } from '../lib/rate-limits.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PASSWORD = 'bench-password-123';

if (process.argv[2] === '--child')
  await child(process.argv[3], process.argv[4], Number(process.argv[5]));
else await parent();

async function parent() {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'funds' },
      batches: { type: 'string', default: '8' },
      requests: { type: 'string', default: '4000' },
      concurrency: { type: 'string', default: '16' },
      a: { type: 'string', default: join(ROOT, 'apps', 'api', 'dist') },
      b: { type: 'string' },
      'profile-dir': { type: 'string' },
    },
  });
  const builds = [['A', values.a], ...(values.b ? [['B', values.b]] : [])];
  const kids = builds.map(([name, dist]) => ({ name, dist, proc: startChild(dist, values) }));
  for (const kid of kids) await kid.proc.ready;
  const results = Object.fromEntries(kids.map((k) => [k.name, []]));
  // Warm-up batch each (JIT), then alternate A B, B A, … so drift hits both alike.
  for (const kid of kids) await kid.proc.run(Number(values.requests));
  for (let i = 0; i < Number(values.batches); i += 1) {
    const order = i % 2 === 0 ? kids : [...kids].reverse();
    for (const kid of order) results[kid.name].push(await kid.proc.run(Number(values.requests)));
  }
  for (const kid of kids) kid.proc.stop();
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  console.log(
    `${values.scenario}: ${values.batches} batches × ${values.requests} requests, concurrency ${values.concurrency}, Node ${process.version}`,
  );
  for (const kid of kids) {
    const us = results[kid.name];
    console.log(`${kid.name} ${kid.dist}: µs CPU/request ${us.join(' ')} — median ${median(us)}`);
  }
  if (kids.length === 2) {
    const ratios = results.A.map((a, i) => a / results.B[i]);
    console.log(
      `A ÷ B per batch pair: ${ratios.map((r) => r.toFixed(2)).join(' ')} — median ${median(ratios).toFixed(3)}`,
    );
  }
}

function startChild(dist, values) {
  const proc = spawn(
    process.execPath,
    [
      ...(values['profile-dir'] === undefined
        ? []
        : [
            '--cpu-prof',
            '--cpu-prof-interval=50',
            `--cpu-prof-dir=${resolve(values['profile-dir'])}`,
          ]),
      fileURLToPath(import.meta.url),
      '--child',
      resolve(dist),
      values.scenario,
      values.concurrency,
    ],
    {
      stdio: ['pipe', 'ignore', 'pipe'],
      env: {
        ...process.env,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        LOG_PRETTY: 'false',
        ...benchRateLimits(),
        BCRYPT_COST: '4',
      },
    },
  );
  const lines = createInterface({ input: proc.stderr });
  const waiting = [];
  lines.on('line', (line) => {
    if (line.startsWith('@')) waiting.shift()?.(line.slice(1));
    else process.stderr.write(`${line}\n`);
  });
  const next = () => new Promise((res) => waiting.push(res));
  return {
    ready: next(),
    run: async (n) => {
      const answer = next();
      proc.stdin.write(`${n}\n`);
      return Number(await answer);
    },
    // Closing its input lets the child exit on its own, which is when V8 writes a profile.
    stop: () => proc.stdin.end(),
  };
}

/** One build: its own composition root, driven through @hono/node-server's request listener. */
async function child(dist, scenario, concurrency) {
  const load = (path) => import(pathToFileURL(join(dist, path)).href);
  const { loadConfig } = await load('config/load-config.js');
  const { createContainer } = await load('container.js');
  const { createLogger } = await load('runtime/logger.js');
  const { resolve: get, TOKENS } = await load('tokens.js');
  const destination = await load('runtime/log-destination.js').then(
    (m) => m.asyncStdout().stream,
    () => undefined, // a build before ADR 0701: pino's synchronous stdout
  );
  const { getRequestListener } = await import(
    pathToFileURL(
      join(dist, '..', '..', '..', 'node_modules', '@hono', 'node-server', 'dist', 'index.mjs'),
    ).href
  );
  const config = loadConfig(process.env);
  const container = createContainer(config, createLogger({ level: config.logLevel }, destination));
  await get(container, TOKENS.SeedFunds).execute();
  get(container, TOKENS.Dispatcher).start();
  const app = get(container, TOKENS.HttpApp);
  const listener = getRequestListener(app.fetch);
  const users = await prepare(app, 64);
  const next = requestsOf(scenario, users);
  const say = (text) => process.stderr.write(`@${text}\n`);
  say('ready');
  for await (const line of createInterface({ input: process.stdin })) {
    const n = Number(line);
    const before = process.cpuUsage();
    let issued = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, lane) => {
        while (issued < n) {
          issued += 1;
          await next(lane, (method, url, headers, body) =>
            send(listener, method, url, headers, body),
          );
        }
      }),
    );
    const used = process.cpuUsage(before);
    say(Math.round((used.user + used.system) / n));
    // Under instruction-count.mjs (--expose-gc): a full collection at the end of every batch,
    // so whether the old generation's next one falls inside the measured batch no longer
    // depends on the heap a run happened to start it with.
    globalThis.gc?.();
  }
  process.exit(0); // the parent is done with us (the dispatcher's timers would keep us alive)
}

async function prepare(app, count) {
  const call = async (method, path, body, token) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(payload
          ? {
              'Content-Type': 'application/json',
              'Content-Length': String(Buffer.byteLength(payload)),
            }
          : {}),
      },
      body: payload,
    });
    return res.json();
  };
  const users = [];
  for (let i = 0; i < count; i += 1) {
    const email = `micro-${i}@example.com`;
    await call('POST', '/auth/register', {
      email,
      password: PASSWORD,
      fullName: 'Micro',
      notificationPreference: 'email',
    });
    users.push((await call('POST', '/auth/login', { email, password: PASSWORD })).accessToken);
  }
  return users;
}

/** The next request of a lane (one virtual user per lane, its own account). */
function requestsOf(scenario, users) {
  const auth = (lane) => ({ authorization: `Bearer ${users[lane % users.length]}` });
  const open = new Map();
  switch (scenario) {
    case 'funds':
      return (_lane, send) => send('GET', '/api/v1/funds', {});
    case 'me':
      return (lane, send) => send('GET', '/api/v1/me', auth(lane));
    case 'subscribe-cancel':
      return async (lane, send) => {
        const id = open.get(lane);
        if (id !== undefined) {
          open.delete(lane);
          return send('DELETE', `/api/v1/subscriptions/${id}`, auth(lane));
        }
        const res = await send(
          'POST',
          '/api/v1/subscriptions',
          { ...auth(lane), 'content-type': 'application/json' },
          '{"fundId":"3"}',
        );
        if (res.status === 201) open.set(lane, JSON.parse(res.body).subscription.id);
        return res;
      };
    case 'refused':
      // The same subscription asked again: after each lane's first (201), a 409
      // ALREADY_SUBSCRIBED, the answer most of the bench's hot-account requests get.
      return (lane, send) =>
        send(
          'POST',
          '/api/v1/subscriptions',
          { ...auth(lane), 'content-type': 'application/json' },
          '{"fundId":"3"}',
        );
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
}

/** One request through the listener on a socket that keeps what is written (for the body). */
function send(listener, method, url, headers, body) {
  const written = [];
  const socket = new Duplex({
    read() {},
    write(chunk, _encoding, done) {
      written.push(Buffer.from(chunk));
      done();
    },
  });
  socket.remoteAddress = '127.0.0.1';
  const req = new IncomingMessage(socket);
  req.method = method;
  req.url = url;
  req.httpVersionMajor = 1;
  req.httpVersionMinor = 1;
  req.httpVersion = '1.1';
  const all = {
    host: '127.0.0.1',
    ...headers,
    ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
  };
  req.headers = all;
  req.rawHeaders = Object.entries(all).flat();
  if (body) req.push(body);
  req.push(null);
  req.complete = true;
  const res = new ServerResponse(req);
  res.assignSocket(socket);
  return new Promise((resolveSent, reject) => {
    res.on('finish', () => {
      const text = Buffer.concat(written).toString();
      const status = Number(text.slice(9, 12));
      resolveSent({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    res.on('error', reject);
    Promise.resolve(listener(req, res)).catch(reject);
  });
}
