#!/usr/bin/env node
// Machine instructions per request, counted by valgrind (callgrind), for one build or two (A/B).
// Timing on a shared machine moves ±20–75 % between runs; an instruction count of the same work
// moves well under 1 %, so a change of a few percent can be seen in one run. It counts work, not
// time: cache misses and waits are not in it, so a win here is confirmed end to end as before.
//
//   node bench/micro/instruction-count.mjs [--scenario funds|me|subscribe-cancel|refused]
//        [--requests 3000] [--b /path/to/other/apps/api/dist]
//
// Each build runs request-cost.mjs's in-process server (same composition root, same requests)
// under `valgrind --tool=callgrind` twice: with a warm-up batch then an empty one, and with the
// warm-up and then `--requests` more. The difference of the two totals, divided by `--requests`,
// is the steady cost of one request: start-up, registration and the JIT's first compilations
// cancel out. Every batch ends with a full collection (--expose-gc) in both runs: otherwise one
// old-generation collection falling inside the measured batch of one run and not of another moved
// GET /me's count by 13 %, in either direction, between two runs of the same two builds.
// V8 runs with --single-threaded --predictable, so its compiler and collector threads do not
// shift work between runs. Needs valgrind (Debian package `valgrind`) and a build (npm run build).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchRateLimits } from '../lib/rate-limits.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const REQUEST_COST = join(ROOT, 'bench', 'micro', 'request-cost.mjs');
const WARMUP = 2000;

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'subscribe-cancel' },
    requests: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '16' },
    a: { type: 'string', default: join(ROOT, 'apps', 'api', 'dist') },
    b: { type: 'string' },
  },
});
const requests = Number(values.requests);
if (!Number.isInteger(requests) || requests < 100) throw new Error('--requests: at least 100');

const builds = [['A', resolve(values.a)], ...(values.b ? [['B', resolve(values.b)]] : [])];
const scratch = mkdtempSync(join(tmpdir(), 'instruction-count-'));
try {
  // Both sizes of every build at once: callgrind is single-threaded, and the counts do not
  // depend on what else the machine runs.
  const counts = await Promise.all(
    builds.flatMap(([, dist]) => [count(dist, [WARMUP, 0]), count(dist, [WARMUP, requests])]),
  );
  console.log(
    `${values.scenario}: ${requests} requests after ${WARMUP} of warm-up, concurrency ${values.concurrency}, Node ${process.version}`,
  );
  const perRequest = builds.map(([name, dist], i) => {
    const value = (counts[2 * i + 1] - counts[2 * i]) / requests;
    console.log(
      `${name} ${dist}: ${Math.round(value).toLocaleString('en')} instructions per request`,
    );
    return value;
  });
  if (perRequest.length === 2) {
    console.log(`A ÷ B: ${(perRequest[0] / perRequest[1]).toFixed(3)}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** Total instructions of one run of the in-process server fed `batches` of requests. */
function count(dist, batches) {
  const out = join(scratch, `callgrind-${Math.random().toString(36).slice(2)}.out`);
  return new Promise((resolveCount, reject) => {
    const proc = spawn(
      'valgrind',
      [
        '--tool=callgrind',
        `--callgrind-out-file=${out}`,
        process.execPath,
        '--single-threaded',
        '--predictable',
        '--expose-gc',
        '--max-semi-space-size=16',
        REQUEST_COST,
        '--child',
        dist,
        values.scenario,
        values.concurrency,
      ],
      {
        stdio: ['pipe', 'ignore', 'pipe'],
        env: {
          ...process.env,
          LOG_LEVEL: 'info',
          LOG_PRETTY: 'false',
          ...benchRateLimits(),
          BCRYPT_COST: '4',
          // The notification dispatcher (request-cost.mjs starts it; not outbox recovery) ticks
          // every 2 s by the wall clock, and a run under valgrind lasts minutes, longer when the
          // machine is busy: its ticks would be counted as request work in proportion to how
          // slow the run was. Ten minutes apart, it ticks once, at start-up, in both runs.
          NOTIFY_INTERVAL_MS: '600000',
        },
      },
    );
    let stderr = '';
    const pending = [...batches];
    proc.stderr.on('data', (chunk) => {
      stderr += chunk;
      // The child says @ready, then @<µs> after each batch: feed the next one, or end.
      const said = (stderr.match(/^@/gm) ?? []).length;
      if (said === batches.length - pending.length + 1) {
        const next = pending.shift();
        if (next === undefined) proc.stdin.end();
        else proc.stdin.write(`${next}\n`);
      }
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      const total = /refs:\s+([\d,]+)/.exec(stderr)?.[1];
      if (code !== 0 || total === undefined) {
        reject(new Error(`valgrind exited ${code}:\n${stderr.slice(-2000)}`));
      } else {
        resolveCount(Number(total.replaceAll(',', '')));
      }
    });
  });
}
