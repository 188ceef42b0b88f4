import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from './spawn-api.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const REQUESTS = 2_000;
const IN_FLIGHT = 50;

/**
 * ADR 0701: log lines leave the process asynchronously. The server's stdout here is a FIFO that
 * holds 64 KB (about 250 access-log lines) and that nobody reads during the load. Node makes a
 * pipe on stdout non-blocking, so pino's default synchronous write meets EAGAIN: it puts the event
 * loop to sleep for 100 ms and retries, and lines came out torn or lost (9–18 of 2,000 here).
 * Asynchronous, the server keeps serving and, once the reader is back, every line arrives — the
 * one written right before the exit included. A server that stopped answering fails too.
 */
describe('the access log on a stdout nobody reads for a while', () => {
  let dir = '';
  let child: ChildProcess | undefined;
  let reader: Socket | undefined;

  beforeAll(() => buildApi(), 120_000);
  afterAll(() => {
    reader?.destroy();
    if (child?.exitCode === null) child.kill('SIGKILL');
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('keeps answering, and loses no line on the way out', async () => {
    dir = mkdtempSync(join(tmpdir(), 'btg-logs-'));
    const fifo = join(dir, 'stdout');
    execFileSync('mkfifo', [fifo]);
    // The read end first (non-blocking, so opening does not wait for a writer), then the child's.
    reader = new Socket({
      fd: openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK),
      readable: true,
      writable: false,
    });
    const writeEnd = openSync(fifo, 'w');
    child = spawn(process.execPath, [MAIN], {
      env: {
        ...withoutMongo(),
        PORT: '0',
        HOST: '127.0.0.1',
        BCRYPT_COST: '4',
        LOG_LEVEL: 'info',
        LOG_PRETTY: 'false',
        RATE_LIMITS: 'off',
      },
      stdio: ['ignore', writeEnd, 'inherit'],
    });
    closeSync(writeEnd);
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));

    const lines: { msg?: string; route?: string; url?: string }[] = [];
    let partial = '';
    reader.setEncoding('utf8');
    const listening = new Promise<string>((resolve) => {
      reader!.on('data', (chunk: string) => {
        const text = partial + chunk;
        const cut = text.lastIndexOf('\n') + 1;
        partial = text.slice(cut);
        for (const line of text.slice(0, cut).split('\n').filter(Boolean)) {
          const entry = parse(line);
          lines.push(entry);
          if (entry.msg === 'listening' && entry.url !== undefined) resolve(entry.url);
        }
      });
    });
    const url = await listening;
    reader.pause(); // from here the FIFO fills up: nobody reads the log

    const statuses: number[] = [];
    for (let sent = 0; sent < REQUESTS; sent += IN_FLIGHT) {
      const batch = await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          // A server blocked on its stdout never answers: the abort turns that into a failure.
          const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(20_000) });
          await res.arrayBuffer();
          return res.status;
        }),
      );
      statuses.push(...batch);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(REQUESTS);

    const ended = new Promise((resolve) => reader!.once('end', resolve));
    reader.resume();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await ended;
    const health = lines.filter((l) => l.msg === 'request' && l.route === '/api/v1/health');
    expect(health).toHaveLength(REQUESTS);
    // The line written right before process.exit is there: the buffer was flushed first.
    expect(lines.at(-1)?.msg).toBe('stopped');
  }, 120_000);
});

/** A line that is not JSON (a torn write) counts as a line with no message. */
function parse(line: string): { msg?: string; route?: string; url?: string } {
  try {
    return JSON.parse(line) as { msg?: string; route?: string; url?: string };
  } catch {
    return {};
  }
}

/** A MONGODB_URI exported for the Mongo suites must not move this process onto Mongo. */
function withoutMongo(): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MONGODB_')));
}
