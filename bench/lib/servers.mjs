// How the bench starts the real server: the built process of apps/api, configured through its
// environment (see apps/api/src config). Rate limits off (the bench *is* the flood), logs quiet.
import { generateKeyPairSync } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const API_SCRIPT =
  process.env.BENCH_API_SCRIPT ?? join(ROOT, 'apps', 'api', 'dist', 'main.js');
export const BASELINE_SCRIPT = join(ROOT, 'bench', 'baseline-server.mjs');
export const READY_PATH = '/api/v1/health/ready';

// One signing key for every API process of the run: a token issued by one instance is accepted
// by the others, as in production (an ephemeral per-process key would answer 401 elsewhere).
const JWT_PRIVATE_KEY = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

/** bcryptCost undefined → the server's own default (12), as in production. */
export function apiEnv({ bcryptCost, mongoUri }) {
  const env = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    RATE_LIMITS: 'off',
    JWT_PRIVATE_KEY,
  };
  // undefined drops an inherited value: the child then uses its own default.
  env.BCRYPT_COST = bcryptCost;
  if (mongoUri) env.MONGODB_URI = mongoUri;
  return env;
}
