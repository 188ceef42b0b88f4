#!/usr/bin/env node
// npm run bench — drives the real btg-funds server and a bare Hono baseline with autocannon on
// 127.0.0.1 and reports every scenario as a ratio of the baseline measured in the same run.
//
//   node bench/run.mjs [--duration 10] [--connections 64] [--login-connections 8]
//                      [--history 2000] [--only funds,me] [--smoke] [--profile]
//   MONGODB_URI=mongodb://127.0.0.1:27017/btg_bench node bench/run.mjs   # Mongo storage
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { ApiClient, mapLimit } from './lib/api.mjs';
import { auditConservation } from './lib/conservation.mjs';
import { prepareLogin, prepareMain } from './lib/fixtures.mjs';
import { drive } from './lib/load.mjs';
import { childOutputTails, residentMemoryMb, startProcess, stopProcess } from './lib/processes.mjs';
import { newestProfile, profileMarkdown, selfTimes } from './lib/profile.mjs';
import { baselineRps, evaluate, machine, markdown } from './lib/report.mjs';
import { scenarios } from './lib/scenarios.mjs';
import { INSTANCES, measureRawDriver, threeInstances } from './lib/mongo-mode.mjs';
import { apiEnv, API_SCRIPT, BASELINE_SCRIPT, READY_PATH } from './lib/servers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'bench', 'results');

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string' },
    connections: { type: 'string' },
    'login-connections': { type: 'string' },
    history: { type: 'string' },
    only: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'profile-scenario': { type: 'string', default: 'subscribe-cancel' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(readHelp());
  process.exit(0);
}

const smoke = args.smoke;
const options = {
  duration: Number(args.duration ?? (smoke ? 1 : 10)),
  connections: Number(args.connections ?? (smoke ? 4 : 64)),
  loginConnections: Number(args['login-connections'] ?? (smoke ? 2 : 8)),
  // FerretDB (the Mongo server here) sorts a client's whole history in memory for every page:
  // 2000 entries × 64 connections outlast the request timeout. Pass --history 2000 on MongoDB.
  historyEntries: Number(args.history ?? (smoke ? 100 : process.env.MONGODB_URI ? 300 : 2000)),
  warmupS: smoke ? 0 : 1,
};
const mode = process.env.MONGODB_URI ? 'mongo' : 'memory';
const only = args.only ? new Set(['baseline', 'baseline-again', ...args.only.split(',')]) : null;
const outName =
  (smoke ? 'smoke' : args.profile ? 'profile' : 'latest') + (mode === 'mongo' ? '-mongo' : '');

const log = (msg) => console.error(`[bench] ${msg}`);

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  if (args.profile) return profileRun();
  const host = machine(); // before our own load moves the load average

  const baseline = await startProcess({
    name: 'baseline',
    script: BASELINE_SCRIPT,
    cwd: ROOT,
    env: { NODE_ENV: 'production' },
    readyPath: '/',
  });
  const api = await startApi({ bcryptCost: '4' });
  log(`baseline pid ${baseline.pid} ${baseline.url}; api pid ${api.pid} ${api.url} (${mode})`);

  log(
    `preparing ${options.connections} accounts and a history of ${options.historyEntries} entries`,
  );
  const fixtures = await prepareMain(api.url, {
    users: options.connections,
    historyEntries: options.historyEntries,
    historyLanes: mode === 'mongo' ? 1 : undefined,
  });

  const plan = planFor({ baseline, api, fixtures }).filter((s) => !only || only.has(s.id));

  const results = [];
  for (const scenario of plan.filter((s) => !s.separate)) {
    results.push(await runScenario(scenario));
  }

  const mongo =
    mode === 'mongo' && (!only || only.has('mongo')) ? await mongoScenarios(api, fixtures) : null;
  if (mongo) results.push(mongo.three);

  log('auditing money conservation');
  const conservation = await auditConservation(api.url, [
    ...fixtures.users,
    fixtures.hot,
    fixtures.history,
  ]);
  const memory = {
    apiRssMb: residentMemoryMb(api.pid),
    apiHeap: await heapOf(api.url),
    loginRssMb: null,
  };
  await stopProcess(api);
  await stopProcess(baseline);

  // Login at the production bcrypt cost (the server's default, 12) in a server of its own, so the
  // hashing done while preparing accounts above stays cheap.
  if (!only || only.has('login')) {
    const loginApi = await startApi({ bcryptCost: undefined });
    log(`login server pid ${loginApi.pid} (default bcrypt cost)`);
    const loginUsers = await prepareLogin(loginApi.url, { users: options.loginConnections });
    const login = planFor({ baseline, api, loginApi, fixtures: { ...fixtures, loginUsers } }).find(
      (s) => s.id === 'login',
    );
    results.push(await runScenario(login, { warmup: false }));
    memory.loginRssMb = residentMemoryMb(loginApi.pid);
    await stopProcess(loginApi);
  }

  evaluate(results);
  if (mongo) rawRatios(results, mongo.raw);
  // One check per scenario (ran, no unexpected status or socket error) + one for conservation.
  const checks = [
    ...results.map((r) => ({ name: r.id, passed: r.ok })),
    { name: 'money conservation', passed: conservation.ok },
  ];
  const report = {
    machine: host,
    mode,
    options,
    baselineRps: baselineRps(results),
    results,
    conservation,
    memory,
    rawDriver: mongo?.raw ?? null,
    checks,
  };
  const md = markdown(report);
  console.log(`\n${md}\n`);
  if (!conservation.ok) console.log(JSON.stringify(conservation.broken.slice(0, 10), null, 2));
  writeFileSync(join(RESULTS, `${outName}.md`), `${md}\n`);
  writeFileSync(join(RESULTS, `${outName}.json`), `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote bench/results/${outName}.md and .json`);
  process.exitCode = checks.every((c) => c.passed) ? 0 : 1;
}

function planFor({ baseline, api, loginApi, fixtures }) {
  return scenarios({
    baselineUrl: baseline?.url,
    apiUrl: api.url,
    loginUrl: loginApi?.url,
    fixtures: { loginUsers: [], ...fixtures },
    connections: options.connections,
    loginConnections: options.loginConnections,
    smoke,
  });
}

async function startApi({ bcryptCost, nodeArgs = [] }) {
  return startProcess({
    name: 'api',
    script: API_SCRIPT,
    cwd: ROOT,
    env: apiEnv({ bcryptCost, mongoUri: process.env.MONGODB_URI }),
    nodeArgs,
    readyPath: READY_PATH,
  });
}

/**
 * The server's own view of its memory (prom-client's Node metrics), next to its RSS: what the
 * heap holds after the run, against what the process keeps reserved.
 */
async function heapOf(apiUrl) {
  try {
    const res = await fetch(`${apiUrl}/api/v1/metrics`, { signal: AbortSignal.timeout(5000) });
    const text = await res.text();
    const mb = (name) => {
      const m = new RegExp(`^${name} (\\S+)`, 'm').exec(text);
      return m ? Math.round(Number(m[1]) / 1e5) / 10 : null;
    };
    return {
      usedMb: mb('nodejs_heap_size_used_bytes'),
      totalMb: mb('nodejs_heap_size_total_bytes'),
      externalMb: mb('nodejs_external_memory_bytes'),
    };
  } catch {
    return null;
  }
}

/** Mongo mode: the raw-driver floor, then subscribe + cancel over three API instances. */
async function mongoScenarios(api, fixtures) {
  const raw = await measureRawDriver({
    uri: process.env.MONGODB_URI,
    connections: options.connections,
    durationS: options.duration,
    log,
  });
  const others = [];
  try {
    for (let i = 1; i < INSTANCES; i += 1) others.push(await startApi({ bcryptCost: '4' }));
    const measured = await threeInstances({
      apis: [api, ...others],
      users: fixtures.users,
      connections: options.connections,
      duration: options.duration,
      log,
    });
    log(
      `subscribe-cancel-3: ${measured.rps} req/s, p99 ${measured.latency.p99} ms, statuses ${JSON.stringify(measured.statuses)}`,
    );
    const three = {
      id: 'subscribe-cancel-3',
      title: `subscribe + cancel cycles on ${INSTANCES} API instances, one store`,
      expected: [200, 201],
      ...measured,
    };
    return { raw, three };
  } finally {
    for (const other of others) await stopProcess(other);
  }
}

/** Money scenarios as a ratio of the raw driver's appends/s (each request is one append). */
function rawRatios(results, raw) {
  for (const r of results) {
    if (!['subscribe-cancel', 'subscribe-cancel-3', 'hot-account'].includes(r.id)) continue;
    r.rawRatio = raw.opsPerSecond > 0 ? Math.round((r.rps / raw.opsPerSecond) * 1000) / 1000 : null;
  }
}

async function runScenario(scenario, { warmup = true } = {}) {
  const { title, url, connections, requests, perClient, timeoutS } = scenario;
  const duration = Math.max(options.duration, scenario.minDurationS ?? 0);
  if (warmup && options.warmupS > 0) {
    await drive({ url, connections, duration: options.warmupS, timeoutS, requests, perClient });
  }
  if (scenario.accounts) {
    // The previous run stopped mid-cycle: a POST answered, its DELETE never sent. Start clean, or
    // every connection would meet 409 ALREADY_SUBSCRIBED with no id to cancel.
    await sleep(500); // requests autocannon sent last are still being answered
    const api = new ApiClient(url);
    await mapLimit(scenario.accounts, 8, (a) => api.releaseAll(a.token));
  }
  log(`${scenario.id}: ${connections} connections × ${duration} s`);
  const measured = await drive({
    url,
    connections,
    duration,
    timeoutS,
    requests,
    perClient,
  });
  const { id, expected, ratioTarget } = scenario;
  const result = { id, title, expected, ratioTarget, ...measured };
  log(
    `${id}: ${result.rps} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, statuses ${JSON.stringify(result.statuses)}`,
  );
  return result;
}

/** --profile: the subscribe + cancel path under --cpu-prof, then the top self-time functions. */
async function profileRun() {
  const dir = join(RESULTS, 'profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const api = await startApi({
    bcryptCost: '4',
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  });
  log(`profiling api pid ${api.pid}`);
  const fixtures = await prepareMain(api.url, {
    users: options.connections,
    historyEntries: args['profile-scenario'] === 'transactions' ? options.historyEntries : 0,
  });
  const scenario = planFor({ api, fixtures }).find((s) => s.id === args['profile-scenario']);
  if (!scenario || scenario.id === 'login' || scenario.id === 'baseline') {
    throw new Error(`--profile-scenario: not a scenario of the API: ${args['profile-scenario']}`);
  }
  const startUs = Number(process.hrtime.bigint() / 1000n);
  const result = await runScenario(scenario, { warmup: false });
  const endUs = Number(process.hrtime.bigint() / 1000n);
  const conservation = await auditConservation(api.url, [...fixtures.users, fixtures.hot]);
  await stopProcess(api, 15_000);
  const file = newestProfile(dir);
  if (!file) throw new Error(`no .cpuprofile in ${dir}: did the server exit cleanly on SIGTERM?`);
  const summary = selfTimes(file, ROOT, { startUs, endUs });
  const md = [
    `${scenario.id}: ${result.rps} req/s, p99 ${result.latency.p99} ms (with the profiler on)`,
    `conservation: ${conservation.ok ? 'holds' : 'BROKEN'}`,
    '',
    profileMarkdown(summary),
  ].join('\n');
  console.log(`\n${md}\n`);
  const name = `profile-${scenario.id}`;
  writeFileSync(join(RESULTS, `${name}.md`), `${md}\n`);
  writeFileSync(join(RESULTS, `${name}.json`), `${JSON.stringify({ result, summary }, null, 2)}\n`);
}

function readHelp() {
  return `Usage: node bench/run.mjs [options]
  --duration S            seconds per scenario (default 10; smoke 1)
  --connections N         autocannon connections (default 64; smoke 4)
  --login-connections N   connections of the login scenario (default 8; smoke 2)
  --history N             transactions of the long-history account (default 2000, Mongo mode
                          300; smoke 100)
  --only a,b              only these scenarios (+ baseline): funds, me, subscribe-cancel,
                          transactions, hot-account, login, mongo (raw driver + 3 instances)
  --smoke                 a second per scenario, few connections: proves the bench works
  --profile               run one scenario under --cpu-prof and print the top self times
  --profile-scenario ID   the scenario to profile (default subscribe-cancel)
Environment: MONGODB_URI switches the server to Mongo storage.`;
}

main().catch((err) => {
  console.error(`[bench] failed: ${err.stack ?? err}`);
  for (const tail of childOutputTails()) console.error(tail.slice(-4000));
  process.exit(2);
});
