/* eslint-disable no-console -- a command-line report: printing is its job */
// Prints the initial-JS measurement the build wrote (dist/initial-js.json) for the CI log, and
// fails when it is missing or over budget: `node apps/web/build/report-initial-js.mjs`.
import { readFileSync } from 'node:fs';

const path = new URL('../dist/initial-js.json', import.meta.url);
let report;
try {
  report = JSON.parse(readFileSync(path, 'utf8'));
} catch (error) {
  console.error(`web: no ${path.pathname} (build the app first): ${error.message}`);
  process.exit(1);
}
const kb = (bytes) => (bytes / 1000).toFixed(1);
for (const file of report.files) console.log(`  ${file.name}: ${kb(file.gzipBytes)} kB gzipped`);
const verdict = report.totalBytes <= report.limitBytes ? 'within' : 'OVER';
console.log(
  `web: initial JS ${kb(report.totalBytes)} kB gzipped, ${verdict} the ${kb(report.limitBytes)} kB budget`,
);
process.exit(report.totalBytes <= report.limitBytes ? 0 : 1);
