import { spawn } from 'node:child_process';
import { readFileSync, utimesSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from './spawn-api.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const COMPILED = fileURLToPath(new URL('../dist/start.js', import.meta.url));

describe('npm run dev', () => {
  beforeAll(() => buildApi(), 120_000);

  it('is scripts/dev.mjs', () => {
    const manifest = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.dev).toBe('node scripts/dev.mjs');
  });

  it('serves, restarts when a compiled file changes, and stops with its watchers', async () => {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('MONGODB_')),
    );
    const dev = spawn(process.execPath, ['scripts/dev.mjs'], {
      cwd: ROOT,
      env: { ...inherited, PORT: '0', HOST: '127.0.0.1', BCRYPT_COST: '4' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const urls: string[] = [];
    const waiters: (() => void)[] = [];
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        output.push(line);
        const match = /"url":"(http:\/\/[^"]+)","storage":"memory","msg":"listening"/.exec(line);
        if (match?.[1] !== undefined) urls.push(match[1]);
        for (const wake of waiters.splice(0)) wake();
      }
    };
    dev.stdout.on('data', collect);
    dev.stderr.on('data', collect);
    const exited = new Promise<number | null>((done) => dev.once('exit', done));
    const until = async (what: string, test: () => boolean, ms = 45_000) => {
      const deadline = Date.now() + ms;
      while (!test()) {
        if (Date.now() > deadline || dev.exitCode !== null) {
          throw new Error(`no ${what} in:\n${output.join('\n')}`);
        }
        await new Promise<void>((wake) => {
          waiters.push(wake);
          setTimeout(wake, 500);
        });
      }
    };
    try {
      await until('"listening" line', () => urls.length === 1);
      await until('tsc watcher', () => output.some((line) => line.includes('Watching for file')));
      expect((await fetch(`${urls[0]!}/api/v1/funds`)).status).toBe(200);

      // Same content, new mtime: what a rebuild of that file looks like to `node --watch`.
      const now = new Date();
      utimesSync(COMPILED, now, now);
      await until('restart', () => urls.length === 2);
      expect(output.some((line) => line.startsWith('Restarting'))).toBe(true);
      expect((await fetch(`${urls[1]!}/health`)).status).toBe(200);
    } finally {
      dev.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('[dev] stopping: SIGTERM');
    // Both watchers are gone with it: the server's port no longer answers.
    await expect(fetch(`${urls.at(-1)!}/health`)).rejects.toThrow();
  }, 90_000);
});
