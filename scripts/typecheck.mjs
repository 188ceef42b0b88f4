// `npm run typecheck`: every TypeScript program of the repository, two at a time (ADR 0113).
// The server workspaces are one program (tsconfig.test.json at the root); the typed client, the
// web app (as the browser runs it, and with its tests and build scripts) and the Postman tests
// have programs of their own. Exits non-zero when any program has an error, after all have run.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const PROGRAMS = [
  'tsconfig.test.json',
  'apps/web/tsconfig.json',
  'apps/web/tsconfig.test.json',
  'packages/client/tsconfig.test.json',
  'postman/tsconfig.test.json',
];

/** Runs tsc on one program; resolves with its exit code, its output printed in one piece. */
function check(program) {
  const began = Date.now();
  return new Promise((resolve) => {
    const tsc = spawn(process.execPath, [TSC, '-p', program, '--noEmit', '--pretty', 'false'], {
      cwd: ROOT,
    });
    let output = '';
    tsc.stdout.on('data', (chunk) => (output += chunk));
    tsc.stderr.on('data', (chunk) => (output += chunk));
    tsc.on('close', (code) => {
      const seconds = ((Date.now() - began) / 1000).toFixed(1);
      console.log(`${code === 0 ? 'ok' : 'FAILED'}: ${program} (${seconds} s)`);
      if (output.trim() !== '') console.log(output.trimEnd());
      resolve(code ?? 1);
    });
  });
}

const queue = [...PROGRAMS];
const codes = [];
const lanes = Array.from({ length: Math.min(2, availableParallelism()) }, async () => {
  for (let program = queue.shift(); program !== undefined; program = queue.shift()) {
    codes.push(await check(program));
  }
});
await Promise.all(lanes);
process.exitCode = codes.every((code) => code === 0) ? 0 : 1;
