#!/usr/bin/env node
// `npm run dev`: the API for a developer. Builds once, then keeps two watchers running:
//   - `tsc -b apps/api --watch` recompiles every workspace package a change touches;
//   - `node --watch apps/api/dist/main.js` restarts the server when a compiled file it imports
//     changes (so one save = one rebuild = one restart).
// Reads `.env` when it exists (copy `.env.example`); variables already set in the shell win.
// On a terminal the logs are single human-readable lines (LOG_PRETTY=auto). Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const MAIN = 'apps/api/dist/main.js';
const say = (text) => process.stderr.write(`[dev] ${text}\n`);

say('building (tsc -b apps/api)…');
const first = spawnSync(process.execPath, [TSC, '-b', 'apps/api'], { cwd: ROOT, stdio: 'inherit' });
if (first.status !== 0)
  say('the first build failed; fix the error above and save: the watcher retries');

const children = [];
const run = (args) => {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) stop(`${args.at(-1)} exited (${signal ?? code})`, code ?? 1);
  });
  return child;
};

run([TSC, '-b', 'apps/api', '--watch', '--preserveWatchOutput']);
const envFile = existsSync(join(ROOT, '.env')) ? ['--env-file=.env'] : [];
if (envFile.length > 0) say('reading .env');
run(['--watch', ...envFile, MAIN]);

let stopping = false;
function stop(reason, code = 0) {
  if (stopping) return;
  stopping = true;
  say(`stopping: ${reason}`);
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const deadline = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    process.exit(code);
  }, 12_000);
  deadline.unref();
  Promise.all(
    children.map((child) =>
      child.exitCode !== null || child.signalCode !== null
        ? null
        : new Promise((done) => child.once('exit', done)),
    ),
  ).then(() => process.exit(code));
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
