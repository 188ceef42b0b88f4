#!/usr/bin/env node
// Where the store spends its reads under load, per collection: the API on FerretDB's PostgreSQL
// handler, a load of money cycles (or GET /me), then PostgreSQL's own statistics
// (pg_stat_user_tables: sequential scans and the rows they read, index scans, inserts, updates).
// The round-trips test counts the commands a request sends; this says which of them make the
// store read whole tables, and how much background work (dispatcher, recovery) adds.
//
//   MONGODB_URI=mongodb://127.0.0.1:<ferretdb>/btg_reads POSTGRES_URL=postgres://…/ferretdb \
//     node bench/micro/store-reads.mjs [--scenario cycles|me] [--seconds 10] [--clients 32]
//
// Set up as .ci/bench-smoke-mongo.sh does (source .ci/postgres.sh and .ci/ferretdb.sh,
// postgres_start, FERRETDB_HANDLER=postgresql, ferretdb_start); needs `psql`. Build first.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { ApiClient } from '../lib/api.mjs';
import { startProcess, stopProcess } from '../lib/processes.mjs';
import { API_SCRIPT, LOG_DIR, READY_PATH, apiEnv } from '../lib/servers.mjs';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'cycles' },
    seconds: { type: 'string', default: '10' },
    clients: { type: 'string', default: '32' },
  },
});
const mongoUri = process.env.MONGODB_URI;
const postgresUrl = process.env.POSTGRES_URL;
if (!mongoUri || !postgresUrl) {
  throw new Error('MONGODB_URI (FerretDB) and POSTGRES_URL (its PostgreSQL) are required');
}
if (!['cycles', 'me'].includes(values.scenario)) throw new Error('--scenario is cycles or me');
const database = `btg_reads_${Date.now()}`;
const sql = (query) =>
  execFileSync('psql', [postgresUrl, '-At', '-F', '\t', '-c', query], { encoding: 'utf8' });

const api = await startProcess({
  name: 'store-reads',
  script: API_SCRIPT,
  env: { ...apiEnv({ bcryptCost: '4', mongoUri, logLevel: 'warn' }), MONGODB_DB: database },
  readyPath: READY_PATH,
  logDir: LOG_DIR,
});
try {
  const client = new ApiClient(api.url);
  const tokens = [];
  for (let i = 0; i < Number(values.clients); i += 1) {
    tokens.push((await client.registerAndLogin(`reads-${i}-${database}@example.com`)).token);
  }
  // PostgreSQL 15 flushes a connection's counts when it goes idle, at most every 10 s: wait that
  // long so the set-up's reads are counted before the reset, and the load's before the report.
  const flushed = () => new Promise((resolve) => setTimeout(resolve, 11_000));
  await flushed();
  sql('select pg_stat_reset()');
  const until = Date.now() + Number(values.seconds) * 1000;
  let requests = 0;
  await Promise.all(
    tokens.map(async (token) => {
      while (Date.now() < until) {
        requests += 1;
        if (values.scenario === 'me') {
          await client.call('GET', '/me', { token });
          continue;
        }
        const opened = await client.subscribe(token, '3');
        requests += 1;
        await client.cancel(token, opened.body.subscription.id);
      }
    }),
  );
  await flushed();
  console.log(
    `${values.scenario}: ${requests} requests in ${values.seconds} s from ${values.clients} clients`,
  );
  console.log('table\tseq scans\trows they read\tindex scans\tinserted\tupdated\tlive rows');
  process.stdout.write(
    sql(
      `select relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0), n_tup_ins, n_tup_upd,
         n_live_tup from pg_stat_user_tables where schemaname = '${database}'
         and seq_scan + coalesce(idx_scan, 0) + n_tup_ins + n_tup_upd > 0
         order by seq_tup_read desc`,
    ),
  );
} finally {
  await stopProcess(api);
}
