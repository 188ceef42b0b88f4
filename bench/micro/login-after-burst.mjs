#!/usr/bin/env node
// What a burst of logins larger than the request deadline can serve leaves behind (ADR 0703).
// One server at the production bcrypt cost (12), one account; then, per round:
//
//   - `--burst` logins sent at once; each answer's status and time;
//   - as soon as the last has answered, one more login, timed: it waits behind any hash still
//     queued for a request that was already answered 503 at its deadline.
//
// With `--b <repository>` the same rounds run against that checkout's build too (its
// apps/api/dist/main.js), alternately, so a change is measured A/B on one machine in one run.
//
//   node bench/micro/login-after-burst.mjs [--burst 64] [--rounds 2] [--b /path/to/other/checkout]
//
// Build first (npm run build). Memory storage; the bench's rate limits (a ceiling never met).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiClient, PASSWORD } from '../lib/api.mjs';
import { startProcess, stopProcess } from '../lib/processes.mjs';
import {
  API_ENTRY,
  API_NODE_ARGS,
  API_SCRIPT,
  LOG_DIR,
  READY_PATH,
  apiEnv,
} from '../lib/servers.mjs';

const { values } = parseArgs({
  options: {
    burst: { type: 'string', default: '64' },
    rounds: { type: 'string', default: '2' },
    b: { type: 'string' },
  },
});
const burst = Number(values.burst);
const rounds = Number(values.rounds);
if (!Number.isInteger(burst) || burst < 1 || burst > 512) throw new Error('--burst: 1 to 512');
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 10) throw new Error('--rounds: 1 to 10');

const builds = [{ name: 'A (this checkout)', script: API_SCRIPT }];
if (values.b) {
  builds.push({ name: `B (${values.b})`, script: join(values.b, API_ENTRY) });
}

const email = `burst-${Date.now()}@example.com`;
const rows = [];
for (let round = 1; round <= rounds; round += 1) {
  for (const build of builds) {
    const server = await startProcess({
      name: 'login-burst',
      script: build.script,
      nodeArgs: API_NODE_ARGS,
      env: apiEnv({ bcryptCost: undefined }),
      readyPath: READY_PATH,
      logDir: LOG_DIR,
    });
    try {
      rows.push({ build: build.name, round, ...(await measure(new ApiClient(server.url))) });
    } finally {
      await stopProcess(server);
    }
  }
}

console.log(`\n${burst} logins at once (bcrypt 12), then one more as soon as the last answered\n`);
console.log('| build | round | statuses | last answer of the burst, ms | the login after it, ms |');
console.log('| --- | --: | --- | --: | --: |');
for (const r of rows) {
  console.log(
    `| ${r.build} | ${r.round} | ${JSON.stringify(r.statuses)} | ${r.lastMs} | ${r.afterMs} |`,
  );
}

async function measure(api) {
  await api.call('POST', '/auth/register', {
    body: { email, password: PASSWORD, fullName: 'Burst User', notificationPreference: 'email' },
    expect: [201],
  });
  const login = () =>
    api.callOnce('POST', '/auth/login', {
      body: { email, password: PASSWORD },
      expect: [200, 503],
    });
  const start = performance.now();
  const answers = await Promise.all(
    Array.from({ length: burst }, async () => {
      const { status } = await login();
      return { status, ms: performance.now() - start };
    }),
  );
  const after = performance.now();
  const { status: afterStatus } = await login();
  const statuses = {};
  for (const { status } of answers) statuses[status] = (statuses[status] ?? 0) + 1;
  return {
    statuses,
    lastMs: Math.round(Math.max(...answers.map((a) => a.ms))),
    afterMs: `${Math.round(performance.now() - after)}${afterStatus === 200 ? '' : ` (${afterStatus})`}`,
  };
}
