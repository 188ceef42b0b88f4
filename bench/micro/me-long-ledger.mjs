#!/usr/bin/env node
// GET /me (or another read: --path) on a client whose ledger holds many entries, on Mongo storage
// (issue 16 point 6: the balance must come from a bounded read). Two builds serve the SAME database with one signing
// key; the client's history is grown once through A, then GET /me is timed on A and B alternately,
// one request at a time (latency per request: the store's cost, not throughput).
//
//   MONGODB_URI=mongodb://127.0.0.1:27017/btg_me node bench/micro/me-long-ledger.mjs \
//     [--entries 700] [--requests 200] [--path /subscriptions?status=active]
//     [--b /path/to/other/apps/api/dist/main.js]
//
// Without --b it measures this checkout's build alone. Build first (npm run build).
import { parseArgs } from 'node:util';
import { ApiClient } from '../lib/api.mjs';
import { startProcess, stopProcess } from '../lib/processes.mjs';
import { API_SCRIPT, LOG_DIR, READY_PATH, apiEnv } from '../lib/servers.mjs';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '700' },
    requests: { type: 'string', default: '200' },
    path: { type: 'string', default: '/me' },
    b: { type: 'string' },
  },
});
const mongoUri = process.env.MONGODB_URI;
if (!mongoUri) throw new Error('MONGODB_URI is required (a Mongo server or FerretDB)');
const env = {
  ...apiEnv({ bcryptCost: '4', mongoUri, logLevel: 'warn' }),
  MONGODB_DB: `btg_me_${Date.now()}`,
};
const start = (name, script) =>
  startProcess({ name, script, env, readyPath: READY_PATH, logDir: LOG_DIR });

const servers = [await start('me-A', API_SCRIPT)];
if (values.b) servers.push(await start('me-B', values.b));
try {
  const a = new ApiClient(servers[0].url);
  const { token } = await a.registerAndLogin(`me-${Date.now()}@example.com`);
  const cycles = Math.ceil(Number(values.entries) / 2);
  for (let i = 0; i < cycles; i += 1) {
    const { body } = await a.subscribe(token, '3');
    await a.cancel(token, body.subscription.id);
  }
  // One subscription held, so that a listing of the active ones has an entry to read.
  await a.subscribe(token, '1');
  const times = servers.map(() => []);
  for (let i = 0; i < Number(values.requests); i += 1) {
    const order = i % 2 === 0 ? servers.keys() : [...servers.keys()].reverse();
    for (const s of order) {
      const started = performance.now();
      const res = await new ApiClient(servers[s].url).call('GET', values.path, { token });
      if (res.status !== 200) throw new Error(`GET ${values.path}: ${res.status}`);
      times[s].push(performance.now() - started);
    }
  }
  const q = (xs, p) => [...xs].sort((x, y) => x - y)[Math.floor(p * (xs.length - 1))];
  console.log(
    `GET ${values.path}, ledger of ${cycles * 2 + 1} entries, ${values.requests} requests each`,
  );
  servers.forEach((s, i) => {
    const t = times[i];
    console.log(
      `${'AB'[i]} ${i === 0 ? API_SCRIPT : values.b}: median ${q(t, 0.5).toFixed(2)} ms, p90 ${q(t, 0.9).toFixed(2)} ms`,
    );
  });
  if (servers.length === 2) {
    console.log(`A ÷ B median latency: ${(q(times[0], 0.5) / q(times[1], 0.5)).toFixed(2)}`);
  }
} finally {
  for (const s of servers) await stopProcess(s);
}
