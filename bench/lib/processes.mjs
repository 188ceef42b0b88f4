// Child processes of the bench: started on 127.0.0.1 with a free port, waited for, measured, and
// always stopped — on normal exit, on errors and on signals. Their output goes to a file (a log
// line per request at LOG_LEVEL=info would otherwise cost the bench process a parse per line).
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
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

/**
 * Spawns `node [nodeArgs] script`, or `command` through the shell (any server: the peer of the
 * comparison), with env plus HOST/PORT. stdout and stderr go to `<logDir>/<name>-<port>.log`.
 */
export async function startProcess({
  name,
  script,
  command,
  env,
  nodeArgs = [],
  readyPath,
  readyTimeoutMs = 60_000,
  cwd,
  logDir,
}) {
  const port = await freePort();
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}-${port}.log`);
  const out = openSync(logFile, 'w');
  const childEnv = { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) };
  // `exec`: the shell becomes the server, so the pid measured (CPU, memory) is the server's.
  // `detached`: a process group of its own, so that stopping it also stops what it forked (a
  // peer's worker processes, e.g. `uvicorn --workers 2`, would otherwise outlive the bench).
  const child = command
    ? spawn('/bin/sh', ['-c', `exec ${command}`], {
        cwd,
        env: childEnv,
        stdio: ['ignore', out, out],
        detached: true,
      })
    : spawn(process.execPath, [...nodeArgs, script], {
        cwd,
        env: childEnv,
        stdio: ['ignore', out, out],
      });
  closeSync(out);
  const handle = {
    name,
    child,
    pid: child.pid,
    group: Boolean(command),
    port,
    url: `http://127.0.0.1:${port}`,
    logFile,
  };
  children.add(handle);
  // A group stays listed until stopProcess has cleared it: its leader may exit before the rest.
  if (!handle.group) child.on('exit', () => children.delete(handle));
  await waitReady(handle, readyPath, readyTimeoutMs);
  return handle;
}

async function waitReady(handle, path, timeoutMs) {
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
  await stopProcess(handle);
  throw new Error(
    `${handle.name} did not become ready at ${path} within ${timeoutMs} ms:\n${outputTail(handle)}`,
  );
}

/** The signal to the process, or to its whole group when it has one (a command's). */
function signal(handle, name) {
  if (handle.group) {
    try {
      process.kill(-handle.pid, name);
      return;
    } catch {
      // the group is gone already (ESRCH): fall back to the process itself
    }
  }
  const { child } = handle;
  if (child.exitCode === null && child.signalCode === null) child.kill(name);
}

/**
 * SIGTERM, a bounded wait (so --cpu-prof can write its file), then SIGKILL. A command's group
 * gets a last SIGKILL once its leader is gone: nothing it forked outlives it.
 */
export async function stopProcess(handle, graceMs = 5000) {
  const { child } = handle;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    signal(handle, 'SIGTERM');
    const timer = setTimeout(() => signal(handle, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
  if (handle.group) {
    signal(handle, 'SIGKILL');
    children.delete(handle);
  }
}

/** The pid and every descendant (a server may fork workers), from /proc. */
function processTree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length && pids.length < 256; i += 1) {
    try {
      for (const task of readdirSync(`/proc/${pids[i]}/task`)) {
        const kids = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
        if (kids) pids.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      // gone, or no /proc (not Linux): what was read so far
    }
  }
  return pids;
}

export function residentMemoryMb(pid) {
  return statusMb(pid, 'VmRSS');
}

/**
 * The most each process of the tree has held resident since it started (VmHWM, summed): unlike
 * the RSS at one instant, it does not depend on whether the collector has just given memory back.
 */
export function peakResidentMemoryMb(pid) {
  return statusMb(pid, 'VmHWM');
}

function statusMb(pid, field) {
  let kb = 0;
  let found = false;
  for (const p of processTree(pid)) {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const n = Number(new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status)?.[1]);
      if (Number.isFinite(n)) {
        kb += n;
        found = true;
      }
    } catch {
      // exited meanwhile
    }
  }
  return found ? Math.round(kb / 102.4) / 10 : null;
}

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux build in practice.
const TICKS_PER_S = 100;

/**
 * CPU time (user + system, ms) the server and its descendants have used so far. The difference
 * over a run, per request, is the cost of a request — a figure that other load on the machine
 * hardly moves, unlike requests/s.
 */
export function cpuTimeMs(pid) {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    } catch {
      // exited meanwhile
    }
  }
  return (ticks * 1000) / TICKS_PER_S;
}

function outputTail(handle, lines = 40) {
  try {
    return readFileSync(handle.logFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(-lines)
      .map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l))
      .join('\n');
  } catch {
    return '(no output)';
  }
}

/** The last output lines of every child still running, for the error report. */
export function childOutputTails() {
  return [...children].map(
    (h) => `--- ${h.name} (pid ${h.pid}, ${h.logFile}) ---\n${outputTail(h)}`,
  );
}

function killAll() {
  for (const handle of children) signal(handle, 'SIGKILL');
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}
