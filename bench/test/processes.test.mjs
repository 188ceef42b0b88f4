// A peer started from a command is stopped with everything it forked (uvicorn --workers 2 left
// its workers running, and holding the store's connections, after the bench had ended).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startProcess, stopProcess } from '../lib/processes.mjs';

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('stopping a command stops the processes it forked', { timeout: 30_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-peer-'));
  const pidFile = join(dir, 'forked.pid');
  const fixture = fileURLToPath(new URL('./fixtures/forking-server.mjs', import.meta.url));
  const handle = await startProcess({
    name: 'forking',
    command: `"${process.execPath}" "${fixture}"`,
    env: { FORKED_PID_FILE: pidFile },
    readyPath: '/',
    readyTimeoutMs: 20_000,
    cwd: dir,
    logDir: dir,
  });
  const forked = Number(readFileSync(pidFile, 'utf8'));
  assert.ok(alive(forked), 'the forked helper runs while the server runs');
  await stopProcess(handle);
  for (let i = 0; i < 50 && alive(forked); i += 1) await sleep(100);
  const survived = alive(forked);
  if (survived) process.kill(forked, 'SIGKILL');
  assert.equal(survived, false, 'the forked helper was stopped with its server');
});
