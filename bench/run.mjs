#!/usr/bin/env node
// npm run bench — drives the real btg-funds server and a bare Hono baseline with autocannon on
// 127.0.0.1 and reports every scenario as a ratio of the baseline measured in the same run, with
// its goal beside it. With BENCH_PEER_COMMAND, a second implementation of the same contract runs
// each scenario too, interleaved with ours, and both are reported side by side.
//
//   node bench/run.mjs [--duration 10] [--connections 64] [--rounds 1] [--only funds,me]
//                      [--smoke] [--profile [--profile-scenario all]] — --help lists them all
//   MONGODB_URI=mongodb://127.0.0.1:27017/btg_bench node bench/run.mjs   # Mongo storage
//   BENCH_PEER_COMMAND='node --max-semi-space-size=16 ../other/apps/api/dist/main.js' node bench/run.mjs
//     (another build of ours: give it the flags ours runs with, API_NODE_ARGS in lib/servers.mjs)
//   BENCH_PEER_COMMAND=bench/peers/fastapi-beanie/run.sh BENCH_PEER_NAME=fastapi-beanie \
//     MONGODB_URI=… node bench/run.mjs      # the seed's stack, as our stand-in of it
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { auditConservation } from './lib/conservation.mjs';
import { prepareLogin, prepareMain } from './lib/fixtures.mjs';
import { fundsDuringLogins, loginBurst, loginScenario } from './lib/login-scenarios.mjs';
import { INSTANCES, measureRawDriver, threeInstances } from './lib/mongo-mode.mjs';
import {
  childOutputTails,
  peakResidentMemoryMb,
  residentMemoryMb,
  stopProcess,
} from './lib/processes.mjs';
import { profileRun } from './lib/profile-run.mjs';
import {
  aggregate,
  checkLines,
  evaluate,
  machine,
  markdown,
  ratioWithGoal,
  summaryTable,
} from './lib/report.mjs';
import {
  isBaseline,
  latestBaselineRps,
  runMeanBaselineRps,
  withBesideBaselines,
} from './lib/baselines.mjs';
import { runScenario } from './lib/runner.mjs';
import { captureAnswers, FLOORED, floorOf, startSameBytes } from './lib/same-bytes.mjs';
import { scenarios } from './lib/scenarios.mjs';
import { apiHeapLimitMb, LOG_DIR, startBaseline, targets } from './lib/servers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'bench', 'results');

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string' },
    'slice-duration': { type: 'string' },
    connections: { type: 'string' },
    'login-connections': { type: 'string' },
    'during-connections': { type: 'string' },
    burst: { type: 'string' },
    history: { type: 'string' },
    rounds: { type: 'string' },
    'log-level': { type: 'string' },
    only: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'profile-scenario': { type: 'string', default: 'subscribe-cancel' },
    flames: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(readHelp());
  process.exit(0);
}

const smoke = args.smoke;
const mode = process.env.MONGODB_URI ? 'mongo' : 'memory';
const duration = Number(args.duration ?? (smoke ? 1 : 10));
const options = {
  duration,
  connections: Number(args.connections ?? (smoke ? 4 : 64)),
  loginConnections: Number(args['login-connections'] ?? (smoke ? 2 : 8)),
  // GET /funds next to the logins: a moderate load, so a stall behind hashing shows in its p99.
  duringConnections: Number(args['during-connections'] ?? (smoke ? 2 : 16)),
  burst: Number(args.burst ?? (smoke ? 4 : 32)),
  // FerretDB (the Mongo server here) sorts a client's whole history in memory for every page:
  // 2000 entries × 64 connections outlast the request timeout. Pass --history 2000 on MongoDB.
  historyEntries: Number(args.history ?? (smoke ? 100 : mode === 'mongo' ? 300 : 2000)),
  // Interleaved A/B: round 1 runs ours then the peer, round 2 the peer then ours, and so on.
  rounds: Number(args.rounds ?? (process.env.BENCH_PEER_COMMAND && !smoke ? 2 : 1)),
  logLevel: args['log-level'] ?? 'info',
  warmupS: smoke ? 0 : 1,
  // The baseline slice between two scenarios (ADR 0740): half a scenario, at least a second.
  sliceS: Number(args['slice-duration'] ?? (smoke ? 1 : Math.max(1, Math.round(duration / 2)))),
};
const only = args.only ? new Set(['baseline', 'baseline-again', ...args.only.split(',')]) : null;
const wanted = (id) => !only || only.has(id);
const outName =
  process.env.BENCH_RESULTS_NAME ||
  (smoke ? 'smoke' : 'latest') + (mode === 'mongo' ? '-mongo' : '');

const log = (msg) => console.error(`[bench] ${msg}`);
const print = (text) => console.log(text); // reports go to stdout

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  if (args.profile) {
    return profileRun({
      options,
      scenarioId: args['profile-scenario'],
      results: RESULTS,
      flamesDir: args.flames,
      log,
      print,
    });
  }
  const host = machine(); // before our own load moves the load average
  const loadAverages = [];
  const sampler = setInterval(() => loadAverages.push(os.loadavg()[0].toFixed(1)), 15_000);
  sampler.unref();

  const sides = targets({ logLevel: options.logLevel });
  const baseline = await startBaseline();
  for (const side of sides) {
    side.api = await side.start({ bcryptCost: '4' });
    // Resident memory once ready, before any load: the base the run's growth is measured from.
    side.startRssMb = residentMemoryMb(side.api.pid);
    log(`${side.label}: pid ${side.api.pid} ${side.api.url} (${mode}); logs ${side.api.logFile}`);
    log(
      `${side.label}: preparing ${options.connections} accounts, a history of ${options.historyEntries}`,
    );
    side.fixtures = await prepareMain(side.api.url, {
      users: options.connections,
      historyEntries: options.historyEntries,
      historyLanes: mode === 'mongo' ? 1 : undefined,
      server: side.name,
    });
  }
  // The floor under funds, me and subscribe + cancel: what bare Hono costs to send our bytes.
  // In memory mode only: on Mongo the store's work decides, and the raw-driver floor says what.
  const ourUrl = sides[0].api.url;
  const sameBytes =
    mode === 'memory' && FLOORED.some(wanted)
      ? await startSameBytes({
          root: ROOT,
          logDir: LOG_DIR,
          answers: await captureAnswers(ourUrl, sides[0].fixtures.users[0].token),
        })
      : null;
  const plans = new Map(
    sides.map((side) => [
      side.name,
      scenarios({
        baselineUrl: baseline.url,
        apiUrl: side.api.url,
        fixtures: side.fixtures,
        connections: options.connections,
      }),
    ]),
  );
  const runs = [];
  const measure = async (scenario, side, round, pid = baseline.pid) => {
    const run = await runScenario(scenario, {
      pid: side ? side.api.pid : pid,
      durationS: scenario.slice ? options.sliceS : options.duration,
      warmupS: options.warmupS,
      log,
      label: side && sides.length > 1 ? `${side.label} ` : '',
    });
    run.side = side?.name ?? 'api';
    run.round = round;
    runs.push(run);
    const base = latestBaselineRps(runs.slice(0, -1));
    const ratio = base && side ? ratioWithGoal(run.rps / base, scenario.ratioTarget) : '—';
    log(
      `${run.id}${side ? ` (${side.label})` : ''}: ${run.rps} req/s, ratio ${ratio}, p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms, CPU ${run.cpuUsPerRequest} µs/req, statuses ${JSON.stringify(run.statuses)}`,
    );
  };

  const ours = plans.get(sides[0].name);
  await measure(ours.find((s) => s.id === 'baseline'));
  const slice = ours.find((s) => s.id === 'baseline-beside');
  let scenariosRun = 0;
  for (const [index, scenario] of ours.entries()) {
    if (isBaseline(scenario.id) || !wanted(scenario.id)) continue;
    // A baseline slice between two scenarios: each one's ratio takes the baselines beside it.
    if (scenariosRun > 0) await measure(slice, undefined, 0);
    scenariosRun += 1;
    for (let round = 0; round < options.rounds; round += 1) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) await measure(plans.get(side.name)[index], side, round);
      if (sameBytes && FLOORED.includes(scenario.id)) {
        await measure(floorOf(scenario, ourUrl, sameBytes.url), undefined, round, sameBytes.pid);
      }
    }
  }
  const mongo = mode === 'mongo' && wanted('mongo') ? await mongoScenarios(sides[0]) : null;
  if (mongo) runs.push(mongo.three);
  await measure(ours.find((s) => s.id === 'baseline-again'));

  const conservation = {};
  const memory = {};
  for (const side of sides) {
    log(`${side.label}: auditing money conservation`);
    const { users, hot, history } = side.fixtures;
    conservation[side.name] = await auditConservation(side.api.url, [...users, hot, history]);
    memory[side.name] = {
      apiRssMb: residentMemoryMb(side.api.pid),
      apiPeakRssMb: peakResidentMemoryMb(side.api.pid),
      apiStartRssMb: side.startRssMb ?? null,
      apiHeap: await heapOf(side.api.url),
      // A peer's own flags are unknown: only ours is asked.
      heapLimitMb: side.name === 'api' ? apiHeapLimitMb() : null,
      loginRssMb: null,
    };
    await stopProcess(side.api);
  }
  await stopProcess(baseline);
  if (sameBytes) await stopProcess(sameBytes);

  // Login at the production bcrypt cost (each server's default, 12) on servers of their own, so
  // the hashing done while preparing accounts above stays cheap.
  const burst = {};
  if (wanted('login')) {
    for (const side of sides) {
      const loginApi = await side.start({ bcryptCost: undefined, suffix: '-login' });
      log(`${side.label}: login server pid ${loginApi.pid} (default bcrypt cost)`);
      const users = await prepareLogin(loginApi.url, {
        users: options.loginConnections,
        server: side.name,
      });
      const scenario = loginScenario({
        url: loginApi.url,
        users,
        connections: options.loginConnections,
        smoke,
      });
      const login = await runScenario(scenario, {
        pid: loginApi.pid,
        durationS: options.duration,
        warmupS: 0,
        log,
      });
      runs.push({ ...login, side: side.name, round: 0 });
      const during = await fundsDuringLogins({
        url: loginApi.url,
        users,
        connections: options.duringConnections,
        loginConnections: options.loginConnections,
        durationS: Math.max(options.duration, smoke ? 2 : 5),
        log,
      });
      runs.push(...during.map((r) => ({ ...r, side: side.name, round: 0 })));
      burst[side.name] = await loginBurst({ url: loginApi.url, users, count: options.burst, log });
      memory[side.name].loginRssMb = residentMemoryMb(loginApi.pid);
      await stopProcess(loginApi);
    }
  }

  const rows = evaluate(aggregate(withBesideBaselines(runs)), runMeanBaselineRps(runs));
  if (mongo) rawRatios(rows, mongo.raw);
  // One check per scenario and server (ran, no unexpected status or socket error), one for
  // conservation per server, one per login burst (every login answered 200).
  const checks = [
    ...rows.map((r) => ({
      name: `${r.id}${r.side === 'api' ? '' : ` (${r.side})`}`,
      passed: r.ok,
      detail: r.problem,
    })),
    ...Object.entries(conservation).map(([side, c]) => ({
      name: `money conservation (${side})`,
      passed: c.ok,
      detail: c.ok ? null : `broken on ${c.broken.length} of ${c.accounts} accounts`,
    })),
    ...Object.entries(burst).map(([side, b]) => ({
      name: `login burst (${side})`,
      passed: b.ok,
      detail: b.ok ? null : `statuses ${JSON.stringify(b.statuses)}`,
    })),
  ];
  const report = {
    machine: host,
    mode,
    options,
    peers: sides.slice(1).map((s) => s.name),
    peerCommands: sides.slice(1).map((s) => s.command),
    baselineRps: runMeanBaselineRps(runs),
    rows,
    runs,
    burst,
    conservation,
    memory,
    rawDriver: mongo?.raw ?? null,
    loadAverages: [...loadAverages, os.loadavg()[0].toFixed(1)],
    checks,
  };
  const md = markdown(report);
  console.log(`\n${md}\n`);
  for (const c of Object.values(conservation)) {
    if (!c.ok) console.log(JSON.stringify(c.broken.slice(0, 10), null, 2));
  }
  writeFileSync(join(RESULTS, `${outName}.md`), `${md}\n`);
  writeFileSync(join(RESULTS, `${outName}-summary.md`), `${summaryTable(report).join('\n')}\n`);
  writeFileSync(join(RESULTS, `${outName}.json`), `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote bench/results/${outName}.md, ${outName}-summary.md and ${outName}.json`);
  for (const line of checkLines(checks)) log(line);
  process.exitCode = checks.every((c) => c.passed) ? 0 : 1;
}

/**
 * The server's own view of its memory (prom-client's Node metrics), next to its RSS: what the
 * heap holds after the run, against what the process keeps reserved. Only btg-funds has it.
 */
async function heapOf(apiUrl) {
  try {
    const res = await fetch(`${apiUrl}/api/v1/metrics`, { signal: AbortSignal.timeout(5000) });
    const text = await res.text();
    const mb = (name) => {
      const m = new RegExp(`^${name.replace(/[{}]/g, '\\$&')} (\\S+)`, 'm').exec(text);
      return m ? Math.round(Number(m[1]) / 1e5) / 10 : null;
    };
    const used = mb('nodejs_heap_size_used_bytes');
    return used === null
      ? null
      : {
          usedMb: used,
          totalMb: mb('nodejs_heap_size_total_bytes'),
          externalMb: mb('nodejs_external_memory_bytes'),
          // The young generation (both semi-spaces): V8 sizes it from the host's memory, and
          // under load it is committed and touched whole (docs/performance.md, "Memory").
          youngMb: mb('nodejs_heap_space_size_total_bytes{space="new"}'),
        };
  } catch {
    return null;
  }
}

/** Mongo mode: the raw-driver floor, then subscribe + cancel over three API instances. */
async function mongoScenarios(side) {
  const raw = await measureRawDriver({
    uri: process.env.MONGODB_URI,
    connections: options.connections,
    durationS: options.duration,
    log,
  });
  const others = [];
  try {
    for (let i = 1; i < INSTANCES; i += 1) {
      others.push(await side.start({ bcryptCost: '4', suffix: `-${i + 1}` }));
    }
    const measured = await threeInstances({
      apis: [side.api, ...others],
      users: side.fixtures.users,
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
      side: side.name,
      round: 0,
      cpuUsPerRequest: null,
      ...measured,
    };
    return { raw, three };
  } finally {
    for (const other of others) await stopProcess(other);
  }
}

/** Money scenarios as a ratio of the raw driver's appends/s (each request is one append). */
function rawRatios(rows, raw) {
  for (const r of rows) {
    if (r.side !== 'api') continue;
    if (!['subscribe-cancel', 'subscribe-cancel-3', 'hot-account'].includes(r.id)) continue;
    r.rawRatio = raw.opsPerSecond > 0 ? Math.round((r.rps / raw.opsPerSecond) * 1000) / 1000 : null;
  }
}

function readHelp() {
  return `Usage: node bench/run.mjs [options]
  --duration S              seconds per scenario (default 10; smoke 1)
  --connections N           autocannon connections (default 64; smoke 4)
  --login-connections N     connections of the login scenarios (default 8; smoke 2)
  --during-connections N    GET /funds connections next to the logins (default 16; smoke 2)
  --burst N                 logins sent at once in the burst (default 32; smoke 4)
  --history N               transactions of the long-history account (default 2000, Mongo mode
                            300; smoke 100)
  --slice-duration S        seconds of the baseline slice between two scenarios (default half
                            of --duration; smoke 1): each ratio is to the baselines beside it
  --rounds N                runs per scenario and server, interleaved (default 1; 2 with a peer)
  --log-level L             the servers' LOG_LEVEL (default info, the production default: every
                            access-log line is written, to bench/results/logs/)
  --only a,b                only these scenarios (+ baseline): funds, me, subscribe-cancel,
                            transactions, hot-account, login, mongo (raw driver + 3 instances)
  --smoke                   a second per scenario, few connections: proves the bench works
  --profile                 run a scenario under --cpu-prof: top self times and a flame graph
  --profile-scenario ID     the scenario to profile (default subscribe-cancel; "all": each one)
  --flames DIR              with --profile, also copy each flame graph to DIR/<scenario>.svg
                            (docs/flames holds the ones docs/performance.md shows)
Environment:
  MONGODB_URI               Mongo storage for every server started
  BENCH_PEER_COMMAND        a second server (any implementation of the contract) started with the
                            same environment plus HOST and PORT, measured interleaved with ours
  BENCH_PEER_NAME           its name in the report (default peer)
  BENCH_PEER_READY_PATH     path that answers 2xx once it is ready (default /api/v1/funds)
  BENCH_PEER_READY_TIMEOUT  seconds to wait for it (default 300: a first start may install)
  BENCH_PEER_COMMAND_2 …_4  more peers in the same interleaved run (with BENCH_PEER_NAME_2,
                            BENCH_PEER_READY_PATH_2, …), e.g. the same stack with more workers
  BENCH_PEER_GOAL           our req/s ÷ the peer's to reach on every scenario (default 3)
  BENCH_API_SCRIPT          our server's entry point (default apps/api/dist/main.js)
  BENCH_RESULTS_NAME        the report's file name in bench/results/ (default latest, smoke,
                            with -mongo in Mongo mode)`;
}

main().catch((err) => {
  console.error(`[bench] failed: ${err.stack ?? err}`);
  for (const tail of childOutputTails()) console.error(tail.slice(-4000));
  process.exit(2);
});
