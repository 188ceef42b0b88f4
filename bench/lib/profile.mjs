// Reads a V8 .cpuprofile (written by `node --cpu-prof`) and ranks functions by self time:
// each node's hitCount × the mean sampling interval, summed per functionName + url.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function newestProfile(dir) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return files[0];
}

/**
 * Self time per function. `window` (CLOCK_MONOTONIC µs, the clock V8 stamps samples with, the
 * same as process.hrtime) keeps only the samples taken while the load ran, not start-up/setup.
 */
export function selfTimes(file, root, window) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const hits = new Map();
  let inWindow = 0;
  if (window && profile.samples && profile.timeDeltas) {
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i];
      if (t < window.startUs || t > window.endUs) continue;
      hits.set(profile.samples[i], (hits.get(profile.samples[i]) ?? 0) + 1);
      inWindow++;
    }
  }
  const windowed = inWindow > 0;
  const samples = profile.samples?.length ?? 0;
  const intervalUs = samples > 0 ? (profile.endTime - profile.startTime) / samples : 0;
  const byFunction = new Map();
  const byPackage = new Map();
  let totalUs = 0;
  for (const node of profile.nodes) {
    const count = windowed ? (hits.get(node.id) ?? 0) : (node.hitCount ?? 0);
    const us = count * intervalUs;
    if (us === 0) continue;
    totalUs += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = shorten(url, root);
    const name = functionName || '(anonymous)';
    const key = `${name} ${where}:${lineNumber}`;
    const entry = byFunction.get(key) ?? {
      functionName: name,
      url: where,
      line: lineNumber + 1,
      ms: 0,
    };
    entry.ms += us / 1000;
    byFunction.set(key, entry);
    const pkg = packageOf(url, functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us / 1000);
  }
  const pct = (ms) => Math.round((ms / (totalUs / 1000)) * 1000) / 10;
  const functions = [...byFunction.values()]
    .sort((a, b) => b.ms - a.ms)
    .map((f) => ({ ...f, ms: Math.round(f.ms), pct: pct(f.ms) }));
  const packages = [...byPackage.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => ({ name, ms: Math.round(ms), pct: pct(ms) }));
  return {
    file,
    windowed,
    intervalUs: Math.round(intervalUs),
    totalMs: Math.round(totalUs / 1000),
    functions,
    packages,
  };
}

export function shorten(url, root) {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  return path.startsWith(root) ? relative(root, path) : path;
}

/** Where a sample's code lives: a workspace package, an npm package, node internals or V8. */
export function packageOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native/V8)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const ws = /\/(packages|apps)\/([^/]+)\//.exec(url);
  if (ws) return `${ws[1]}/${ws[2]}`;
  if (url.startsWith('node:')) return 'node core';
  // Another script of this repository (the bench's baseline): its folder and name, not the
  // machine's path.
  return url.startsWith('file://') ? url.split('/').slice(-2).join('/') : url;
}

export function profileMarkdown(summary, top = 25) {
  const lines = [
    `Profile: ${summary.file} — ${summary.totalMs} ms sampled ${summary.windowed ? 'while the load ran' : 'over the whole process life'}, interval ≈ ${summary.intervalUs} µs`,
    '',
    '| self ms | % | function | where |',
    '|--:|--:|---|---|',
    ...summary.functions
      .slice(0, top)
      .map(
        (f) =>
          `| ${f.ms} | ${f.pct} | \`${f.functionName}\` | ${f.url ? `${f.url}:${f.line}` : ''} |`,
      ),
    '',
    '| self ms | % | package |',
    '|--:|--:|---|',
    ...summary.packages.slice(0, 15).map((p) => `| ${p.ms} | ${p.pct} | ${p.name} |`),
  ];
  return lines.join('\n');
}
