import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface RealApi {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The real API process (apps/api, in memory, PORT=0), started by path: the client's only
 * boundary is HTTP, so its tests import nothing from the server's packages.
 */
export async function startRealApi(env: Record<string, string> = {}): Promise<RealApi> {
  execFileSync('npx', ['tsc', '-b', 'apps/api'], { cwd: ROOT, stdio: 'inherit' });
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('MONGODB_')),
  );
  const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: ROOT,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', BCRYPT_COST: '4', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      const entry = parse(line);
      if (entry?.msg === 'listening' && typeof entry.url === 'string') {
        const url = entry.url;
        child.stdout.resume(); // keep draining the log so the process never blocks on it
        return {
          url,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        };
      }
    }
    throw new Error(`the API exited before listening (code ${String(child.exitCode)})`);
  } finally {
    clearTimeout(timer);
  }
}

function parse(line: string): { msg?: unknown; url?: unknown } | null {
  try {
    return JSON.parse(line) as { msg?: unknown; url?: unknown };
  } catch {
    return null;
  }
}
