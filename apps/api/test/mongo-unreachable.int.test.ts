import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from './spawn-api.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** A port nothing listens on: bound, read, released. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('an unreachable MONGODB_URI at start-up', () => {
  beforeAll(() => buildApi(), 120_000);

  it('logs the host, the cause and the timeout for the operator, never the credentials', async () => {
    const port = await closedPort();
    const result = spawnSync(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        MONGODB_URI: `mongodb://operator:s3cret-pw@127.0.0.1:${port}/btg_unreachable`,
        MONGODB_TIMEOUT_MS: '700',
      },
      encoding: 'utf8',
      timeout: 20_000,
      killSignal: 'SIGKILL',
    });
    expect(result.status).toBe(1);
    const lines = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const unreachable = lines.find((line) => String(line.msg).startsWith('mongo: cannot reach'));
    expect(unreachable, result.stdout + result.stderr).toMatchObject({
      hosts: [`127.0.0.1:${port}`],
      db: 'btg_unreachable',
      timeoutMs: 700,
      cause: expect.stringContaining('ECONNREFUSED') as unknown,
    });
    expect(unreachable?.msg).toBe(
      `mongo: cannot reach 127.0.0.1:${port} (db btg_unreachable) within 700 ms: ` +
        `Error: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    expect(lines.some((line) => line.msg === 'start-up failed' && line.level === 60)).toBe(true);
    expect(result.stdout + result.stderr).not.toContain('s3cret-pw');
  });
});
