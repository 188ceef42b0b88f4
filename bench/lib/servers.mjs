// How the bench starts the servers it measures: the built process of apps/api (configured through
// its environment, see apps/api/src config), the bare Hono baseline, and optionally a PEER — any
// other implementation of the same HTTP contract (docs/product/http-contract.md), started from a shell command.
// Rate limits on at a ceiling no scenario reaches (rate-limits.mjs); logs at the production level,
// into a file.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcess } from './processes.mjs';
import { benchRateLimits } from './rate-limits.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The API's entry point inside a checkout (this one, or another build measured beside it). */
export const API_ENTRY = join('apps', 'api', 'dist', 'main.js');
export const API_SCRIPT = process.env.BENCH_API_SCRIPT ?? join(ROOT, API_ENTRY);
export const BASELINE_SCRIPT = join(ROOT, 'bench', 'baseline-server.mjs');
/**
 * Node flags of the API process, as the Dockerfile and `npm start` pass them (a test keeps the
 * three equal): the bench measures what production runs. ADR 0712.
 */
export const API_NODE_ARGS = ['--max-semi-space-size=16'];
/**
 * The V8 heap limit (MB) of a Node process started with API_NODE_ARGS on this host: the same binary
 * and flags as the API, asked in a process of its own. V8 sizes the old generation from the memory
 * it sees, and how far it lets garbage grow before a full collection follows from that limit, so
 * the resident memory after a run depends on it (docs/performance.md, "The heap V8 sizes").
 */
export function apiHeapLimitMb() {
  const asked = spawnSync(
    process.execPath,
    [...API_NODE_ARGS, '-p', "require('node:v8').getHeapStatistics().heap_size_limit"],
    { encoding: 'utf8', timeout: 10_000 },
  );
  const bytes = Number(asked.stdout.trim());
  return asked.status === 0 && bytes > 0 ? Math.round(bytes / 1048576) : null;
}
export const READY_PATH = '/api/v1/health/ready';
export const LOG_DIR = join(ROOT, 'bench', 'results', 'logs');

// One signing key for every API process of the run: a token issued by one instance is accepted
// by the others, as in production (an ephemeral per-process key would answer 401 elsewhere).
const JWT_PRIVATE_KEY = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

/**
 * bcryptCost undefined → the server's own default (12), as in production. LOG_LEVEL info is the
 * production default: every access-log line is written (to the log file), nothing switched off.
 */
export function apiEnv({ bcryptCost, mongoUri, logLevel = 'info' }) {
  const env = {
    NODE_ENV: 'development',
    LOG_LEVEL: logLevel,
    // JSON lines, as in production (never pino-pretty, whatever the terminal).
    LOG_PRETTY: 'false',
    ...benchRateLimits({ mongo: Boolean(mongoUri) }),
    JWT_PRIVATE_KEY,
  };
  // undefined drops an inherited value: the child then uses its own default.
  env.BCRYPT_COST = bcryptCost;
  if (mongoUri) env.MONGODB_URI = mongoUri;
  return env;
}

/**
 * The servers under test: btg-funds itself ("api"), then each peer configured in the environment.
 * A peer gets the same environment (HOST, PORT, BCRYPT_COST, MONGODB_URI, LOG_LEVEL, …): a
 * second build of btg-funds uses all of it, another stack takes what it understands.
 *
 *   BENCH_PEER_COMMAND     shell command that serves the contract on $HOST:$PORT
 *   BENCH_PEER_NAME        its name in the report (default "peer")
 *   BENCH_PEER_READY_PATH  answers 2xx once it is ready (default /api/v1/funds: every
 *                          implementation of the contract has it)
 *   BENCH_PEER_READY_TIMEOUT  seconds to wait for that (default 300: a first start may install
 *                          the peer's packages, as bench/peers/fastapi-beanie/run.sh does)
 *   BENCH_PEER_COMMAND_2, BENCH_PEER_NAME_2, BENCH_PEER_READY_PATH_2 (… up to _4): more peers in
 *                          the same interleaved run, e.g. the same stack with more workers
 */
export function targets({ logLevel }) {
  const list = [
    {
      name: 'api',
      label: 'btg-funds',
      start: ({ bcryptCost, nodeArgs = [], suffix = '' }) =>
        startProcess({
          name: `api${suffix}`,
          script: API_SCRIPT,
          cwd: ROOT,
          env: apiEnv({ bcryptCost, mongoUri: process.env.MONGODB_URI, logLevel }),
          nodeArgs: [...API_NODE_ARGS, ...nodeArgs],
          readyPath: READY_PATH,
          logDir: LOG_DIR,
        }),
    },
  ];
  for (const peer of peersFromEnv(process.env)) {
    list.push({
      ...peer,
      label: peer.name,
      start: ({ bcryptCost, suffix = '' }) =>
        startProcess({
          name: `${safe(peer.name)}${suffix}`,
          command: peer.command,
          cwd: ROOT,
          env: apiEnv({ bcryptCost, mongoUri: process.env.MONGODB_URI, logLevel }),
          readyPath: peer.readyPath,
          readyTimeoutMs: peer.readyTimeoutS * 1000,
          logDir: LOG_DIR,
        }),
    });
  }
  return list;
}

/** The peers named by BENCH_PEER_COMMAND and BENCH_PEER_COMMAND_2…_4, in that order. */
export function peersFromEnv(env) {
  const peers = [];
  for (const n of ['', '_2', '_3', '_4']) {
    const command = env[`BENCH_PEER_COMMAND${n}`];
    if (!command) continue;
    const name = env[`BENCH_PEER_NAME${n}`] || (n ? `peer${n.replace('_', '-')}` : 'peer');
    if (name === 'api' || peers.some((p) => p.name === name)) {
      throw new Error(`BENCH_PEER_NAME${n}: "${name}" is taken; give each server its own name`);
    }
    peers.push({
      name,
      command,
      readyPath: env[`BENCH_PEER_READY_PATH${n}`] || '/api/v1/funds',
      readyTimeoutS: Number(env.BENCH_PEER_READY_TIMEOUT || 300),
    });
  }
  return peers;
}

export function startBaseline() {
  return startProcess({
    name: 'baseline',
    script: BASELINE_SCRIPT,
    cwd: ROOT,
    env: { NODE_ENV: 'production' },
    readyPath: '/',
    logDir: LOG_DIR,
  });
}

const safe = (name) => name.replace(/[^A-Za-z0-9_.-]/g, '_');
