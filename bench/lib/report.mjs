// Turns scenario results into the markdown table, the JSON document and the pass/fail checks.
import os from 'node:os';

export const P99_TARGET_MS = 25;
export const RSS_TARGET_MB = 300;

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

/** Adds ratio, unexpected statuses and target verdicts to each result. */
export function evaluate(results) {
  // The baseline runs first and again after the API scenarios; their mean absorbs slow drift of
  // the machine (other load, thermal) over the run.
  const baselines = results.filter((r) => r.id.startsWith('baseline') && r.rps > 0);
  const baseRps = baselines.reduce((sum, r) => sum + r.rps, 0) / (baselines.length || 1);
  for (const r of results) {
    r.ratio = baseRps > 0 ? Math.round((r.rps / baseRps) * 1000) / 1000 : null;
    const unexpected = Object.entries(r.statuses)
      .filter(([status]) => !r.expected.includes(Number(status)))
      .reduce((sum, [, n]) => sum + n, 0);
    r.unexpected = unexpected + r.socketErrors;
    r.ok = r.requests > 0 && r.unexpected === 0;
    r.targets = [];
    if (r.ratioTarget !== undefined) {
      r.targets.push({
        name: `ratio ≥ ${r.ratioTarget.toFixed(2)}`,
        met: r.ratio >= r.ratioTarget,
      });
    }
    if (r.id !== 'login' && !r.id.startsWith('baseline')) {
      r.targets.push({ name: `p99 < ${P99_TARGET_MS} ms`, met: r.latency.p99 < P99_TARGET_MS });
    }
    if (r.targets.length > 0 && r.ratioTarget !== undefined) {
      r.targets.push({ name: 'no unexpected errors', met: r.unexpected === 0 });
    }
  }
  return results;
}

const count = (statuses, pred) =>
  Object.entries(statuses)
    .filter(([s]) => pred(Number(s)))
    .reduce((sum, [, n]) => sum + n, 0);

export function markdown({ machine: m, mode, options, results, conservation, memory, rawDriver }) {
  const lines = [];
  lines.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}`,
  );
  lines.push(
    `Run: ${m.date}, storage **${mode}**, ${options.duration} s per scenario, ${options.connections} connections (login: ${options.loginConnections}), load generator and server on the same machine`,
  );
  lines.push('');
  lines.push(
    '| scenario | conns | req/s | ratio to baseline | p50 ms | p99 ms | 2xx | 409 | other non-2xx | socket errors / timeouts | targets |',
  );
  lines.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|');
  for (const r of results) {
    const other = Object.entries(r.codes)
      .filter(([k]) => !k.startsWith('409'))
      .map(([k, n]) => `${n}× ${k}`)
      .join(', ');
    const targets = r.targets.map((t) => `${t.met ? '✅' : '❌'} ${t.name}`).join('<br>');
    lines.push(
      `| ${r.title} | ${r.connections} | ${r.rps.toLocaleString('en-US')} | ${r.ratio === null ? '—' : r.ratio.toFixed(2)} | ${r.latency.p50} | ${r.latency.p99} | ${count(r.statuses, (s) => s < 300)} | ${count(r.statuses, (s) => s === 409)} | ${other || '0'} | ${r.socketErrors} / ${r.timeouts} | ${targets || (r.id === 'login' ? 'reported separately' : '—')} |`,
    );
  }
  lines.push('');
  if (rawDriver) {
    const ratios = results
      .filter((r) => r.rawRatio !== undefined)
      .map((r) => `${r.id} ${r.rps.toLocaleString('en-US')} req/s = **${r.rawRatio?.toFixed(2)}×**`)
      .join('; ');
    lines.push(
      `Raw-driver floor (same server, same run; per connection: read the latest entry, insert the next under the unique key): ${rawDriver.opsPerSecond.toLocaleString('en-US')} appends/s (${rawDriver.conflicts} conflicts). Money requests as a ratio of it (each is one append): ${ratios}`,
    );
    lines.push('');
  }
  if (conservation) {
    lines.push(
      `Money conservation (balance + Σ active subscriptions = 500000.00) over ${conservation.accounts} accounts: ${conservation.ok ? '✅ holds' : `❌ broken for ${conservation.broken.length}`}`,
    );
  }
  if (memory) {
    const rss = memory.apiRssMb;
    lines.push(
      `Server resident memory after the run (VmRSS): ${rss ?? '?'} MB ${rss !== null && rss < RSS_TARGET_MB ? '✅' : '❌'} (target < ${RSS_TARGET_MB} MB)` +
        (memory.apiHeap
          ? ` — V8 heap ${memory.apiHeap.usedMb} MB used of ${memory.apiHeap.totalMb} MB, external ${memory.apiHeap.externalMb} MB`
          : '') +
        (memory.loginRssMb ? `; login server ${memory.loginRssMb} MB` : ''),
    );
  }
  return lines.join('\n');
}

/** The ratio base: mean requests/s of the baseline runs. */
export function baselineRps(results) {
  const runs = results.filter((r) => r.id.startsWith('baseline') && r.rps > 0);
  return runs.length ? Math.round(runs.reduce((s, r) => s + r.rps, 0) / runs.length) : null;
}
