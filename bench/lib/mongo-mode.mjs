// What only Mongo mode measures: the raw-driver floor (bench/lib/raw-driver.mjs) and three API
// processes on one store behind the load generator, each reported against that floor.
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiClient, mapLimit } from './api.mjs';
import { drive } from './load.mjs';
import { rawDriverLoop } from './raw-driver.mjs';
import { CYCLE_FUND, subscribeCancelCycle } from './scenarios.mjs';

export const INSTANCES = 3;

/** The raw loop with as many concurrent loops as the API scenarios have connections. */
export async function measureRawDriver({ uri, connections, durationS, log }) {
  log(`raw driver: ${connections} loops × ${durationS} s (read latest, insert next)`);
  const raw = await rawDriverLoop({ uri, connections, durationS });
  log(`raw driver: ${raw.opsPerSecond} appends/s (${raw.conflicts} conflicts)`);
  return raw;
}

/**
 * Subscribe + cancel cycles spread over INSTANCES API processes on the same database: the
 * connections are split evenly, each group drives its own instance, all at once. One accounts
 * pool, so the instances share (and race on) nothing but the store.
 */
export async function threeInstances({ apis, users, connections, duration, log }) {
  const per = Math.max(1, Math.floor(connections / apis.length));
  const groups = apis.map((api, g) => ({
    api,
    accounts: users.filter((_, i) => i % apis.length === g),
  }));
  for (const { api, accounts } of groups) {
    const client = new ApiClient(api.url);
    await mapLimit(accounts, 8, (a) => client.releaseAll(a.token));
  }
  log(`subscribe-cancel on ${apis.length} instances: ${per} connections each × ${duration} s`);
  const runs = await Promise.all(
    groups.map(({ api, accounts }) =>
      drive({
        url: api.url,
        connections: per,
        duration,
        perClient: (i) => subscribeCancelCycle(accounts[i % accounts.length].token, CYCLE_FUND),
      }),
    ),
  );
  await sleep(500); // the last answers of every instance
  return combine(runs);
}

/** Sums the instances' throughput and counts; reports the worst instance's percentiles. */
function combine(runs) {
  const sum = (pick) => runs.reduce((total, r) => total + pick(r), 0);
  const merge = (pick) => {
    const out = {};
    for (const r of runs) for (const [k, n] of Object.entries(pick(r))) out[k] = (out[k] ?? 0) + n;
    return out;
  };
  const worst = (key) => Math.max(...runs.map((r) => r.latency[key]));
  return {
    connections: sum((r) => r.connections),
    durationS: Math.max(...runs.map((r) => r.durationS)),
    requests: sum((r) => r.requests),
    rps: Math.round(sum((r) => r.rps) * 10) / 10,
    latency: {
      p50: worst('p50'),
      p90: worst('p90'),
      p99: worst('p99'),
      max: worst('max'),
      mean: worst('mean'),
    },
    statuses: merge((r) => r.statuses),
    codes: merge((r) => r.codes),
    socketErrors: sum((r) => r.socketErrors),
    timeouts: sum((r) => r.timeouts),
  };
}
