// How the bench starts the servers it measures: the built process of apps/api (configured through
// its environment, see apps/api/src config), the bare Hono baseline, and optionally a PEER — any
// other implementation of the same HTTP contract (docs/product/http-contract.md), started from a shell command.
// Rate limits off (the bench *is* the flood); logs at the production level, into a file.
import { generateKeyPairSync } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcess } from './processes.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const API_SCRIPT =
  process.env.BENCH_API_SCRIPT ?? join(ROOT, 'apps', 'api', 'dist', 'main.js');
export const BASELINE_SCRIPT = join(ROOT, 'bench', 'baseline-server.mjs');
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
    RATE_LIMITS: 'off',
    JWT_PRIVATE_KEY,
  };
  // undefined drops an inherited value: the child then uses its own default.
  env.BCRYPT_COST = bcryptCost;
  if (mongoUri) env.MONGODB_URI = mongoUri;
  return env;
}

/**
 * The servers under test: btg-funds itself ("api"), and the peer when BENCH_PEER_COMMAND is set.
 * The peer gets the same environment (HOST, PORT, BCRYPT_COST, MONGODB_URI, LOG_LEVEL, …): a
 * second build of btg-funds uses all of it, another stack takes what it understands.
 *
 *   BENCH_PEER_COMMAND     shell command that serves the contract on $HOST:$PORT (required)
 *   BENCH_PEER_NAME        its name in the report (default "peer")
 *   BENCH_PEER_READY_PATH  answers 2xx once it is ready (default /api/v1/funds: every
 *                          implementation of the contract has it)
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
          nodeArgs,
          readyPath: READY_PATH,
          logDir: LOG_DIR,
        }),
    },
  ];
  const command = process.env.BENCH_PEER_COMMAND;
  if (command) {
    const name = process.env.BENCH_PEER_NAME || 'peer';
    list.push({
      name,
      label: name,
      command,
      start: ({ bcryptCost, suffix = '' }) =>
        startProcess({
          name: `${safe(name)}${suffix}`,
          command,
          cwd: ROOT,
          env: apiEnv({ bcryptCost, mongoUri: process.env.MONGODB_URI, logLevel }),
          readyPath: process.env.BENCH_PEER_READY_PATH || '/api/v1/funds',
          logDir: LOG_DIR,
        }),
    });
  }
  return list;
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
