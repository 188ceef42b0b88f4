// Child processes of the bench: started on 127.0.0.1 with a free port, waited for, measured, and
// always stopped — on normal exit, on errors and on signals.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const children = new Set();

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Spawns `node [nodeArgs] script` with env; keeps the last lines of its output for diagnosis. */
export async function startProcess({ name, script, env, nodeArgs = [], readyPath, cwd }) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = [];
  const keep = (chunk) => {
    for (const line of String(chunk).split('\n')) {
      if (line.trim() === '') continue;
      tail.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
      if (tail.length > 40) tail.shift();
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const handle = { name, child, pid: child.pid, port, url: `http://127.0.0.1:${port}`, tail };
  children.add(handle);
  child.on('exit', () => children.delete(handle));
  await waitReady(handle, readyPath);
  return handle;
}

async function waitReady(handle, path, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (handle.child.exitCode !== null || handle.child.signalCode !== null) break;
    try {
      const res = await fetch(handle.url + path, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  const out = handle.tail.join('\n');
  await stopProcess(handle);
  throw new Error(`${handle.name} did not become ready at ${path} within ${timeoutMs} ms:\n${out}`);
}

/** SIGTERM, a bounded wait (so --cpu-prof can write its file), then SIGKILL. */
export async function stopProcess(handle, graceMs = 5000) {
  const { child } = handle;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export function residentMemoryMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

/** The last output lines of every child still running, for the error report. */
export function childOutputTails() {
  return [...children].map(
    ({ name, pid, tail }) => `--- ${name} (pid ${pid}) ---\n${tail.join('\n')}`,
  );
}

function killAll() {
  for (const { child } of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}
