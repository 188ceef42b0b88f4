#!/usr/bin/env node
// Pastes the latest full bench run into the README (the compact table) and docs/performance.md
// (the whole report), between markers, so refreshing the published figures is one command:
//
//   npm run bench && node bench/publish.mjs            # in-memory run (bench/results/latest.json)
//   MONGODB_URI=… npm run bench && node bench/publish.mjs bench/results/latest-mongo.json
//
// Markers: <!-- bench:<mode>:summary --> … <!-- /bench:<mode>:summary --> (README) and
// <!-- bench:<mode>:full --> … <!-- /bench:<mode>:full --> (docs/performance.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { headerLines, markdown, summaryTable } from './lib/report.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] ?? join(ROOT, 'bench', 'results', 'latest.json');
const report = JSON.parse(readFileSync(file, 'utf8'));
if (report.options.smoke || report.options.duration < 5) {
  console.error(`publish: ${file} is a smoke or short run; publish a full run (npm run bench)`);
  process.exit(1);
}

const summary = [...headerLines(report), '', ...summaryTable(report), '', ...notes(report)].join(
  '\n',
);
const full = markdown(report);
const changed = [
  await replace(join(ROOT, 'README.md'), `bench:${report.mode}:summary`, summary),
  await replace(join(ROOT, 'docs', 'performance.md'), `bench:${report.mode}:full`, full),
].filter(Boolean);
console.log(
  changed.length ? `publish: updated ${changed.join(', ')}` : 'publish: no markers found',
);

/** The lines under the table: conservation, memory, the login burst. */
function notes({ conservation, memory, burst }) {
  const out = [];
  const c = conservation?.api;
  if (c) out.push(`Money conserved on all ${c.accounts} accounts: ${c.ok ? '✅' : '❌'}.`);
  const m = memory?.api;
  if (m?.apiRssMb) {
    out.push(
      `Resident memory after the run: ${m.apiRssMb} MB (goal < 300 MB ${m.apiRssMb < 300 ? '✅' : '❌'})${m.apiPeakRssMb ? `, at most ${m.apiPeakRssMb} MB during it (${m.apiPeakRssMb < 300 ? '✅' : '❌'})` : ''}${m.apiHeap ? `, V8 heap ${m.apiHeap.usedMb} MB used of ${m.apiHeap.totalMb} MB` : ''}.`,
    );
  }
  const b = burst?.api;
  if (b) {
    out.push(
      `Burst of ${b.count} logins at once (bcrypt 12): first answer ${b.firstMs} ms, median ${b.medianMs} ms, last ${b.lastMs} ms (${b.spread ? '✅ spread out' : '❌ all together'}).`,
    );
  }
  return out;
}

/** Replaces what is between the markers, then formats the file as `prettier --check` wants it. */
async function replace(path, marker, body) {
  const text = readFileSync(path, 'utf8');
  const open = `<!-- ${marker} -->`;
  const close = `<!-- /${marker} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) return null;
  const next = `${text.slice(0, start + open.length)}\n\n${body}\n\n${text.slice(end)}`;
  const options = (await prettier.resolveConfig(path)) ?? {};
  writeFileSync(path, await prettier.format(next, { ...options, filepath: path }));
  return path.slice(ROOT.length + 1);
}
