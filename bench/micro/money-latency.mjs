#!/usr/bin/env node
// Subscribe + cancel one request at a time on Mongo storage (ADR 0715: fewer commands and fewer
// storage waits per money request). Two builds serve the SAME database with one signing key and
// take turns on one client (A then B, then B then A, …), so both see the same ledger; the time of
// each request is its storage waits in a row, not throughput.
//
//   MONGODB_URI=mongodb://127.0.0.1:27017/btg_money node bench/micro/money-latency.mjs \
//     [--cycles 100] [--key] [--b /path/to/other/apps/api/dist/main.js]
//
// --key sends an Idempotency-Key with every request. Build first (npm run build).
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ApiClient } from '../lib/api.mjs';
import { startProcess, stopProcess } from '../lib/processes.mjs';
import { API_SCRIPT, LOG_DIR, READY_PATH, apiEnv } from '../lib/servers.mjs';

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '100' },
    key: { type: 'boolean', default: false },
    b: { type: 'string' },
  },
});
const mongoUri = process.env.MONGODB_URI;
if (!mongoUri) throw new Error('MONGODB_URI is required (a Mongo server or FerretDB)');
const env = {
  ...apiEnv({ bcryptCost: '4', mongoUri, logLevel: 'warn' }),
  MONGODB_DB: `btg_money_${Date.now()}`,
};
const start = (name, script) =>
  startProcess({ name, script, env, readyPath: READY_PATH, logDir: LOG_DIR });

/** One money request; its latency in ms. */
async function timed(url, method, path, token, body) {
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (values.key) headers['idempotency-key'] = randomUUID();
  const started = performance.now();
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const json = await res.json();
  const ms = performance.now() - started;
  if (res.status !== (method === 'POST' ? 201 : 200)) {
    throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(json)}`);
  }
  return { ms, json };
}

const servers = [await start('money-A', API_SCRIPT)];
if (values.b) servers.push(await start('money-B', values.b));
try {
  const { token } = await new ApiClient(servers[0].url).registerAndLogin(
    `money-${Date.now()}@example.com`,
  );
  const times = servers.map(() => ({ subscribe: [], cancel: [] }));
  for (let i = 0; i < Number(values.cycles); i += 1) {
    const order = i % 2 === 0 ? servers.keys() : [...servers.keys()].reverse();
    for (const s of order) {
      const { url } = servers[s];
      const opened = await timed(url, 'POST', '/subscriptions', token, { fundId: '3' });
      times[s].subscribe.push(opened.ms);
      const id = opened.json.subscription.id;
      times[s].cancel.push((await timed(url, 'DELETE', `/subscriptions/${id}`, token)).ms);
    }
  }
  const q = (xs, p) => [...xs].sort((x, y) => x - y)[Math.floor(p * (xs.length - 1))];
  const keyed = values.key ? ', each with an Idempotency-Key' : '';
  console.log(
    `${values.cycles} subscribe + cancel cycles per build, one request at a time${keyed}`,
  );
  servers.forEach((s, i) => {
    for (const op of ['subscribe', 'cancel']) {
      const t = times[i][op];
      console.log(
        `${'AB'[i]} ${op}: median ${q(t, 0.5).toFixed(2)} ms, p90 ${q(t, 0.9).toFixed(2)} ms  (${i === 0 ? API_SCRIPT : values.b})`,
      );
    }
  });
  if (servers.length === 2) {
    for (const op of ['subscribe', 'cancel']) {
      const ratio = q(times[0][op], 0.5) / q(times[1][op], 0.5);
      console.log(`A ÷ B median latency, ${op}: ${ratio.toFixed(2)}`);
    }
  }
} finally {
  for (const s of servers) await stopProcess(s);
}
