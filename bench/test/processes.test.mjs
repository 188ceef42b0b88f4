// A peer started from a command is stopped with everything it forked (uvicorn --workers 2 left
// its workers running, and holding the store's connections, after the bench had ended).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import {
  peakResidentMemoryMb,
  residentMemoryMb,
  startProcess,
  stopProcess,
} from '../lib/processes.mjs';

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

test(
  'the peak resident memory remembers what the process gave back',
  { timeout: 30_000 },
  async () => {
    // 96 MB touched, then released (a large buffer is its own mapping, returned to the system).
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '-e',
        "let b = Buffer.alloc(96 * 1024 * 1024, 1); b = null; gc(); console.log('ready'); setInterval(() => {}, 1000);",
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise((resolve) => child.stdout.once('data', resolve));
      await sleep(200);
      const now = residentMemoryMb(child.pid);
      const peak = peakResidentMemoryMb(child.pid);
      assert.ok(now !== null && peak !== null);
      assert.ok(
        peak - now > 64,
        `peak ${peak} MB should exceed the current ${now} MB by the buffer`,
      );
    } finally {
      child.kill();
    }
  },
);
