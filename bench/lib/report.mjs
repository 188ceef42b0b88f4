// Turns measured runs into rows (one per scenario and server, rounds averaged), their verdicts
// against the goals of issue 16, and the markdown the bench prints and writes.
import os from 'node:os';
import { isBaseline } from './baselines.mjs';

export const P99_TARGET_MS = 25;
export const RSS_TARGET_MB = 300;
/**
 * Issue 16 §6: at least this many times the peer's requests/s on every scenario (the seed's own
 * stack). BENCH_PEER_GOAL changes it, e.g. to 1 when the peer is an older build of btg-funds.
 */
export const PEER_TARGET = Number(process.env.BENCH_PEER_GOAL || 3);
/** Scenarios whose p99 has a goal (< 25 ms at 64 connections). */
const P99_SCENARIOS = new Set([
  'funds',
  'me',
  'subscribe-cancel',
  'transactions',
  'hot-account',
  'funds-during-logins',
]);

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

const round1 = (n) => Math.round(n * 10) / 10;
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
const ratioOf = (rps, base) => (base > 0 ? Math.round((rps / base) * 1000) / 1000 : null);

/** One row per (scenario, server): rounds averaged (p99: the worst round), counts summed. */
export function aggregate(runs) {
  const rows = new Map();
  for (const run of runs) {
    const key = `${run.id}\u0000${run.side ?? 'api'}`;
    const row = rows.get(key);
    if (row === undefined) {
      rows.set(key, { ...run, side: run.side ?? 'api', rounds: [run] });
      continue;
    }
    row.rounds.push(run);
  }
  return [...rows.values()].map((row) => {
    const rs = row.rounds;
    // Each round's baselines beside it (withBesideBaselines), averaged like its req/s.
    const bases = rs.map((r) => r.baseRps).filter((v) => v !== null && v !== undefined);
    const baseRps = bases.length ? Math.round(mean(bases)) : null;
    if (rs.length === 1) return { ...row, baseRps, roundsRps: [row.rps] };
    const sumOf = (pick) => {
      const out = {};
      for (const r of rs) for (const [k, n] of Object.entries(pick(r))) out[k] = (out[k] ?? 0) + n;
      return out;
    };
    const cpu = rs.map((r) => r.cpuUsPerRequest).filter((v) => v !== null && v !== undefined);
    return {
      ...row,
      rps: round1(mean(rs.map((r) => r.rps))),
      roundsRps: rs.map((r) => r.rps),
      requests: rs.reduce((n, r) => n + r.requests, 0),
      latency: {
        p50: round1(mean(rs.map((r) => r.latency.p50))),
        p90: round1(mean(rs.map((r) => r.latency.p90))),
        p99: Math.max(...rs.map((r) => r.latency.p99)),
        max: Math.max(...rs.map((r) => r.latency.max)),
        mean: round1(mean(rs.map((r) => r.latency.mean))),
      },
      statuses: sumOf((r) => r.statuses),
      codes: sumOf((r) => r.codes),
      socketErrors: rs.reduce((n, r) => n + r.socketErrors, 0),
      timeouts: rs.reduce((n, r) => n + r.timeouts, 0),
      cpuUsPerRequest: cpu.length ? Math.round(mean(cpu)) : null,
      baseRps,
    };
  });
}

/**
 * Adds ratio, unexpected statuses, the ratio to the peer and target verdicts to each row. A row's
 * ratio is to the baselines beside it (`baseRps`, ADR 0740) when it has them, else to
 * `runMeanRps`, the mean of every baseline run, which `runMeanRatio` keeps for every row.
 */
export function evaluate(rows, runMeanRps) {
  for (const r of rows) {
    r.runMeanRatio = r.rawOnly ? null : ratioOf(r.rps, runMeanRps);
    r.ratio = r.rawOnly ? null : ratioOf(r.rps, r.baseRps ?? runMeanRps);
    const unexpected = Object.entries(r.statuses)
      .filter(([status]) => !r.expected.includes(Number(status)))
      .reduce((sum, [, n]) => sum + n, 0);
    r.unexpected = unexpected + r.socketErrors;
    r.ok = r.requests > 0 && r.unexpected === 0;
    r.problem = r.ok ? null : problemOf(r);
    r.targets = [];
    if (r.ratioTarget !== undefined && r.ratio !== null) {
      r.targets.push({
        name: `ratio ≥ ${r.ratioTarget.toFixed(2)}`,
        met: r.ratio >= r.ratioTarget,
      });
    }
    if (P99_SCENARIOS.has(r.id)) {
      r.targets.push({ name: `p99 < ${P99_TARGET_MS} ms`, met: r.latency.p99 < P99_TARGET_MS });
    }
  }
  // Side by side: our requests/s over each peer's, per scenario (issue 16 §6: ≥ 3). `peerRatio`
  // is the first peer's; `peerRatios` has every peer's by name.
  for (const r of rows.filter((row) => row.side === 'api')) {
    if (isBaseline(r.id)) continue;
    for (const peer of rows.filter((p) => p.id === r.id && p.side !== 'api')) {
      const ratio = peer.rps > 0 ? Math.round((r.rps / peer.rps) * 100) / 100 : null;
      r.peerRatios = { ...r.peerRatios, [peer.side]: ratio };
      if (r.peerRatio === undefined) r.peerRatio = ratio;
      r.targets.push({
        name: `≥ ${PEER_TARGET}× ${peer.side}`,
        met: ratio !== null && ratio >= PEER_TARGET,
      });
    }
  }
  return rows;
}

/** Why a row's check failed, in the words a reader of the report needs to find the cause. */
function problemOf(r) {
  if (!(r.requests > 0)) return 'no request was answered';
  const answers = Object.entries(r.codes)
    .filter(([code]) => !r.expected.includes(Number.parseInt(code, 10)))
    .map(([code, n]) => `${n}× ${code}`);
  // Answers without a code of ours (e.g. a 500 with no problem body) are only in `statuses`.
  for (const [status, n] of Object.entries(r.statuses)) {
    if (r.expected.includes(Number(status))) continue;
    const coded = Object.entries(r.codes)
      .filter(([code]) => Number.parseInt(code, 10) === Number(status))
      .reduce((sum, [, k]) => sum + k, 0);
    if (n > coded) answers.push(`${n - coded}× ${status}`);
  }
  if (r.socketErrors > 0) answers.push(`${r.socketErrors} socket errors`);
  return `unexpected: ${answers.join(', ')} (expected ${r.expected.join(', ')})`;
}

/**
 * The bench's last words: how many checks passed, and each failed one with its reason, so a run
 * that exits 1 says why (a failed check used to show only in the exit status).
 */
export function checkLines(checks) {
  const failed = checks.filter((c) => !c.passed);
  return [
    `checks: ${checks.length - failed.length} passed, ${failed.length} failed`,
    ...failed.map((c) => `FAILED ${c.name}${c.detail ? `: ${c.detail}` : ''}`),
  ];
}

const count = (statuses, pred) =>
  Object.entries(statuses)
    .filter(([s]) => pred(Number(s)))
    .reduce((sum, [, n]) => sum + n, 0);
const fmt = (n) => (n === null || n === undefined ? '—' : n.toLocaleString('en-US'));
const mark = (met) => (met ? '✅' : '❌');

/** "0.43 (goal ≥ 0.70 ❌)" — the ratio with its goal beside it, wherever a ratio is printed. */
export function ratioWithGoal(ratio, goal) {
  if (ratio === null || ratio === undefined) return '—';
  if (goal === undefined) return ratio.toFixed(2);
  return `${ratio.toFixed(2)} (goal ≥ ${goal.toFixed(2)} ${mark(ratio >= goal)})`;
}

export function headerLines({ machine: m, mode, options, peers }) {
  return [
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; load average at the start ${m.loadAverage.join(' / ')}`,
    `Run: ${m.date}, storage **${mode}**, ${options.duration} s per scenario, ${options.connections} connections (login: ${options.loginConnections}), ${options.rounds} round(s) per scenario${peers.length ? ` interleaved with ${peers.join(', ')}` : ''}, server logs at ${options.logLevel}, load generator and server on the same machine`,
  ];
}

export function markdown(report) {
  const { rows, conservation, memory, rawDriver, burst, loadAverages } = report;
  const lines = [...headerLines(report), ''];
  const multi = rows.some((r) => r.side !== 'api');
  lines.push(
    `| scenario |${multi ? ' server |' : ''} conns | req/s | ratio to baseline | baseline beside it, req/s | p50 ms | p99 ms | server CPU µs/req | 2xx | 409 | other non-2xx | socket errors / timeouts | goals |`,
  );
  lines.push(`|---|${multi ? '---|' : ''}--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|`);
  for (const r of rows) {
    const other = Object.entries(r.codes)
      .filter(([k]) => !k.startsWith('409'))
      .map(([k, n]) => `${n}× ${k}`)
      .join(', ');
    const goals = [
      ...(r.ok ? [] : [`❌ check failed: ${r.problem}`]),
      ...r.targets.map((t) => `${mark(t.met)} ${t.name}`),
    ].join('<br>');
    const rps =
      r.roundsRps.length > 1 ? `${fmt(r.rps)} (${r.roundsRps.map(fmt).join(' / ')})` : fmt(r.rps);
    lines.push(
      `| ${r.title} |${multi ? ` ${r.side} |` : ''} ${r.connections} | ${rps} | ${ratioWithGoal(r.ratio, r.ratioTarget)} | ${fmt(r.baseRps)} | ${r.latency.p50} | ${r.latency.p99} | ${fmt(r.cpuUsPerRequest)} | ${count(r.statuses, (s) => s < 300)} | ${count(r.statuses, (s) => s === 409)} | ${other || '0'} | ${r.socketErrors} / ${r.timeouts} | ${goals || '—'} |`,
    );
  }
  lines.push('', besideLine(rows), '');
  const floors = floorLine(rows);
  if (floors) lines.push(floors, '');
  if (multi) for (const peer of peerNames(rows)) lines.push(...sideBySide(rows, peer), '');
  if (rawDriver) {
    const ratios = rows
      .filter((r) => r.rawRatio !== undefined)
      .map((r) => `${r.id} ${fmt(r.rps)} req/s = **${r.rawRatio?.toFixed(2)}×**`)
      .join('; ');
    lines.push(
      `Raw-driver floor (same server, same run; per connection: read the latest entry, insert the next under the unique key): ${fmt(rawDriver.opsPerSecond)} appends/s (${rawDriver.conflicts} conflicts). Money requests as a ratio of it (each is one append): ${ratios}`,
      '',
    );
  }
  for (const [side, b] of Object.entries(burst ?? {})) {
    lines.push(
      `Login burst (${side}, ${b.count} logins sent at once, bcrypt 12): first answer ${fmt(b.firstMs)} ms, quartiles ${fmt(b.p25Ms)} / ${fmt(b.medianMs)} / ${fmt(b.p75Ms)} ms, last ${fmt(b.lastMs)} ms; statuses ${JSON.stringify(b.statuses)} — ${mark(b.spread)} spread out (first answer within the first half of the burst)`,
    );
  }
  for (const [side, c] of Object.entries(conservation ?? {})) {
    lines.push(
      `Money conservation (${side}: balance + Σ active subscriptions = 500000.00) over ${c.accounts} accounts: ${c.ok ? '✅ holds' : `❌ broken for ${c.broken.length}`}`,
    );
  }
  for (const [side, m] of Object.entries(memory ?? {})) {
    const rss = m.apiRssMb;
    lines.push(
      `Resident memory after the run (${side}, VmRSS): ${rss ?? '?'} MB ${side === 'api' ? `${mark(rss !== null && rss < RSS_TARGET_MB)} (goal < ${RSS_TARGET_MB} MB)` : ''}` +
        (m.apiStartRssMb ? ` (${m.apiStartRssMb} MB once started)` : '') +
        (m.apiPeakRssMb
          ? `, peak during the run (VmHWM) ${m.apiPeakRssMb} MB${side === 'api' ? ` ${mark(m.apiPeakRssMb < RSS_TARGET_MB)}` : ''}`
          : '') +
        (m.apiHeap
          ? ` — V8 heap ${m.apiHeap.usedMb} MB used of ${m.apiHeap.totalMb} MB` +
            (m.apiHeap.youngMb !== null && m.apiHeap.youngMb !== undefined
              ? ` (young generation ${m.apiHeap.youngMb} MB)`
              : '') +
            (m.heapLimitMb ? `, limit ${m.heapLimitMb} MB (${heapLimitNote(m.heapLimitMb)})` : '') +
            `, external ${m.apiHeap.externalMb} MB` +
            (rss !== null && m.apiHeap.totalMb !== null
              ? `; outside the V8 heap ${Math.round((rss - m.apiHeap.totalMb) * 10) / 10} MB (the node binary, native allocations, buffers)`
              : '')
          : '') +
        (m.loginRssMb ? `; login server ${m.loginRssMb} MB` : ''),
    );
  }
  if (loadAverages?.length) {
    lines.push(`Load average (1 min) sampled during the run: ${loadAverages.join(', ')}`);
  }
  return lines.join('\n');
}

const peerNames = (rows) => [...new Set(rows.filter((r) => r.side !== 'api').map((r) => r.side))];

/** One table per peer: every scenario both servers ran, ours ÷ the peer's, round by round. */
export function sideBySide(rows, peerName) {
  const ours = rows.filter((r) => r.side === 'api' && r.peerRatios?.[peerName] !== undefined);
  const out = [
    `Side by side, same run, same storage (btg-funds ÷ ${peerName}; goal ≥ ${PEER_TARGET}×):`,
    '',
    `| scenario | btg-funds req/s | ${peerName} req/s | btg-funds ÷ ${peerName} | per round (adjacent runs) | p99 ms (btg-funds / ${peerName}) | CPU µs/req (btg-funds / ${peerName}) | CPU per round |`,
    '|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of ours) {
    const p = rows.find((x) => x.id === r.id && x.side === peerName);
    const ratio = r.peerRatios[peerName];
    // Each round ran both servers one after the other: the ratio within a round shares the
    // machine's state of that moment, so its median is steadier than the ratio of the means.
    const pairs = r.rounds.map((a, i) => [a, p.rounds[i]]).filter(([, b]) => b !== undefined);
    const rpsRounds = pairs.map(([a, b]) => (b.rps > 0 ? a.rps / b.rps : null));
    const cpuRounds = pairs.map(([a, b]) => `${fmt(a.cpuUsPerRequest)}/${fmt(b.cpuUsPerRequest)}`);
    const median = medianOf(rpsRounds.filter((x) => x !== null));
    out.push(
      `| ${r.id} | ${fmt(r.rps)} | ${fmt(p.rps)} | ${ratio === null ? '—' : `${ratio.toFixed(2)}× ${mark(ratio >= PEER_TARGET)}`} | ${rpsRounds.map((x) => (x === null ? '—' : x.toFixed(2))).join(' · ')}${pairs.length > 1 ? ` (median ${median.toFixed(2)})` : ''} | ${r.latency.p99} / ${p.latency.p99} | ${fmt(r.cpuUsPerRequest)} / ${fmt(p.cpuUsPerRequest)} | ${cpuRounds.join(' · ')} |`,
    );
  }
  return out;
}

function medianOf(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Each floored scenario's req/s as a share of its floor (bare Hono sending the same bytes), and
 * the floor's own ratio: a goal above the floor's ratio cannot be met with these responses.
 */
export function floorLine(rows) {
  const parts = [];
  for (const floor of rows.filter((r) => r.id.endsWith('-floor'))) {
    const ours = rows.find((r) => r.side === 'api' && r.id === floor.id.replace(/-floor$/, ''));
    if (!ours || !(floor.rps > 0)) continue;
    const goal = ours.ratioTarget === undefined ? '' : `, goal ${ours.ratioTarget.toFixed(2)}`;
    parts.push(
      `${ours.id} ${(ours.rps / floor.rps).toFixed(2)}× its floor (floor ratio ${floor.ratio.toFixed(2)}${goal})`,
    );
  }
  return parts.length === 0
    ? ''
    : `Against the floor (bare Hono answering the same requests with the same bytes, no work): ${parts.join('; ')}`;
}

/**
 * The compact table for the README and docs/performance.md (bench/publish.mjs pastes it between
 * markers): our rows only, each ratio with its goal.
 */
export function summaryTable(report) {
  const rows = report.rows.filter((r) => r.side === 'api' && !isBaseline(r.id));
  const out = [
    '| scenario | req/s | ratio to baseline (goal) | p50 / p99 ms (goal p99 < 25) | server CPU µs/req |',
    '|---|--:|--:|--:|--:|',
  ];
  for (const r of rows) {
    const p99Goal = P99_SCENARIOS.has(r.id) ? ` ${mark(r.latency.p99 < P99_TARGET_MS)}` : '';
    out.push(
      `| ${r.title} | ${fmt(r.rps)} | ${ratioWithGoal(r.ratio, r.ratioTarget)} | ${r.latency.p50} / ${r.latency.p99}${p99Goal} | ${fmt(r.cpuUsPerRequest)} |`,
    );
  }
  const failed = report.rows.filter((r) => !r.ok);
  if (failed.length) {
    out.push('', `❌ Checks failed: ${failed.map((r) => `${r.id} (${r.problem})`).join('; ')}.`);
  }
  out.push('', besideLine(report.rows));
  const floors = floorLine(report.rows);
  if (floors) out.push('', floors);
  return out;
}

/**
 * How the ratios were taken (ADR 0740), and each goal's ratio by the rule before it — the mean of
 * every baseline run — so a run stays comparable with the ones published before.
 */
export function besideLine(rows) {
  const goals = rows.filter(
    (r) => r.side === 'api' && r.ratioTarget !== undefined && r.runMeanRatio !== null,
  );
  const before = goals.map((r) => `${r.id} ${r.runMeanRatio.toFixed(2)}`).join(', ');
  return (
    'Each ratio is to the bare-Hono baseline runs just before and just after its scenario (a ' +
    'slice between two scenarios; ADR 0740).' +
    (before ? ` To the mean of every baseline run of this run instead: ${before}.` : '') +
    driftOf(rows)
  );
}

/**
 * How far the machine's speed moved during the run: the slowest and fastest baseline run. A
 * reader judges a ratio near its goal by it (on this VM the same code moved ±20 % between runs).
 */
function driftOf(rows) {
  const baselines = rows.filter((r) => isBaseline(r.id) && r.side === 'api');
  const rps = baselines.flatMap((r) => r.roundsRps).filter((x) => x > 0);
  if (rps.length < 2) return '';
  const [low, high] = [Math.min(...rps), Math.max(...rps)];
  return (
    ` The ${rps.length} baseline runs answered ${fmt(Math.round(low))}–${fmt(Math.round(high))} req/s (the fastest ${(high / low).toFixed(2)}× the slowest): the machine's speed moved that much during the run.` +
    baselineP99Of(baselines)
  );
}

/**
 * The p99 goal is absolute, so a slow machine can miss it with no work at all: said when bare
 * Hono's own p99 reached it (2026-12-03, s38-7: 27 ms), so a ❌ on a p99 is read with it.
 */
function baselineP99Of(baselines) {
  const worst = Math.max(...baselines.map((r) => r.latency.p99));
  return worst >= P99_TARGET_MS
    ? ` Bare Hono's own p99 reached ${fmt(worst)} ms in this run, over the p99 goal (< ${P99_TARGET_MS} ms) with no work at all.`
    : '';
}

/**
 * The heap limit Node gives the API in each ECS task, measured in a memory cgroup of the task's
 * size on this machine: 560 MB in dev's 1 GB (`task_memory = 1024`), 1,072 MB in the 2 GB that
 * prod runs with (the stack's default). A larger limit lets old garbage grow further before a
 * full collection, so the RSS after a run on a larger host is not a task's (ADR 0739).
 */
export const TASK_HEAP_LIMITS_MB = { dev: 560, prod: 1072 };
export const TASK_MEMORY_GB = { dev: 1, prod: 2 };

function heapLimitNote(limitMb) {
  const tasks = Object.entries(TASK_HEAP_LIMITS_MB);
  const same = tasks.find(([, mb]) => mb === limitMb);
  if (same) return `as in the ${same[0]} task (${TASK_MEMORY_GB[same[0]]} GB)`;
  const each = tasks
    .map(([env, mb]) => `${mb.toLocaleString('en-US')} MB in ${env} (${TASK_MEMORY_GB[env]} GB)`)
    .join(', ');
  return `sized from this host's memory; the tasks get ${each}`;
}
