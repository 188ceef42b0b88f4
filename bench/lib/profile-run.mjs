// --profile: a scenario (or each one) against a server started under --cpu-prof; ranks self time
// over the samples taken while the load ran and draws a flame graph of the same samples.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditConservation } from './conservation.mjs';
import { prepareMain } from './fixtures.mjs';
import { writeFlameGraph } from './flamegraph.mjs';
import { startProcess, stopProcess } from './processes.mjs';
import { newestProfile, profileMarkdown, selfTimes } from './profile.mjs';
import { runScenario } from './runner.mjs';
import { scenarios } from './scenarios.mjs';
import { BASELINE_SCRIPT, LOG_DIR, targets } from './servers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROFILED = [
  'baseline',
  'funds',
  'me',
  'subscribe-cancel',
  'transactions',
  'hot-account',
];

// print: where the report goes (the caller's stdout); log: progress (its stderr).
// flamesDir: where each scenario's flame graph is also copied, as <scenario>.svg (docs/flames).
export async function profileRun({ options, scenarioId, results, log, print, flamesDir }) {
  const ids = scenarioId === 'all' ? PROFILED : [scenarioId];
  const root = join(results, 'profile');
  mkdirSync(root, { recursive: true });
  if (flamesDir) mkdirSync(flamesDir, { recursive: true });
  const sections = [];
  for (const id of ids) {
    const dir = join(root, id);
    sections.push(await profileOne({ id, options, dir, log }));
    if (flamesDir) copyFileSync(join(dir, 'flame.svg'), join(flamesDir, `${id}.svg`));
  }
  const md = sections.join('\n\n');
  print(`\n${md}\n`);
  const name = scenarioId === 'all' ? 'profile-all' : `profile-${scenarioId}`;
  writeFileSync(join(results, `${name}.md`), `${md}\n`);
  log(`wrote bench/results/${name}.md and bench/results/profile/<scenario>/flame.svg`);
}

async function profileOne({ id, options, dir, log }) {
  if (!PROFILED.includes(id)) {
    throw new Error(
      `--profile-scenario: not a profiled scenario: ${id} (${PROFILED.join(', ')}, all)`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${dir}`];
  const server =
    id === 'baseline'
      ? await startProcess({
          name: 'baseline-profiled',
          script: BASELINE_SCRIPT,
          cwd: ROOT,
          env: { NODE_ENV: 'production' },
          nodeArgs,
          readyPath: '/',
          logDir: LOG_DIR,
        })
      : await targets({ logLevel: options.logLevel })[0].start({
          bcryptCost: '4',
          nodeArgs,
          suffix: '-profiled',
        });
  log(`profiling ${id} on pid ${server.pid}`);
  const fixtures =
    id === 'baseline'
      ? { users: [], hot: null, history: { entries: 0, cursors: [null] } }
      : await prepareMain(server.url, {
          users: options.connections,
          historyEntries: id === 'transactions' ? options.historyEntries : 0,
        });
  const scenario = scenarios({
    baselineUrl: server.url,
    apiUrl: server.url,
    fixtures,
    connections: options.connections,
  }).find((s) => s.id === id);
  const startUs = Number(process.hrtime.bigint() / 1000n);
  const result = await runScenario(scenario, {
    pid: server.pid,
    durationS: options.duration,
    warmupS: 0,
    log,
  });
  const endUs = Number(process.hrtime.bigint() / 1000n);
  const conservation =
    id === 'baseline'
      ? null
      : await auditConservation(server.url, [...fixtures.users, fixtures.hot]);
  await stopProcess(server, 15_000);
  const file = newestProfile(dir);
  if (!file) throw new Error(`no .cpuprofile in ${dir}: did the server exit cleanly on SIGTERM?`);
  const window = { startUs, endUs };
  const summary = selfTimes(file, ROOT, window);
  const heading = `${id}: ${result.rps} req/s, p99 ${result.latency.p99} ms, ${result.cpuUsPerRequest} µs CPU per request (with the profiler on)`;
  writeFlameGraph(file, join(dir, 'flame.svg'), { root: ROOT, window, title: heading });
  writeFileSync(
    join(dir, 'summary.json'),
    `${JSON.stringify({ result, window, summary }, null, 2)}\n`,
  );
  return [
    `### ${heading}`,
    conservation ? `conservation: ${conservation.ok ? 'holds' : 'BROKEN'}` : '',
    `flame graph: ${join(dir, 'flame.svg')}`,
    '',
    profileMarkdown(summary, 20),
  ].join('\n');
}
