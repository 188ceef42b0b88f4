import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const WEB_DIST = `${ROOT}apps/web/dist`;
export const ADMIN = { email: 'admin@btg.example', password: 'clave-del-admin-123' };

export interface RealApi {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The built app and API, once per test run: `npm test` builds both through turbo first; a lone
 * `npx vitest run apps/web` builds what is missing.
 */
function ensureBuilt(): void {
  execFileSync('npx', ['tsc', '-b', 'apps/api', 'packages/client'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (!existsSync(`${WEB_DIST}/index.html`)) {
    // eslint-disable-next-line no-console -- says why the first test takes longer
    console.warn('apps/web/dist missing: building the web app (vite build)');
    execFileSync('npx', ['vite', 'build'], { cwd: `${ROOT}apps/web`, stdio: 'inherit' });
  }
}

/**
 * The real API process (apps/api, in memory, PORT=0) serving the built web app, started by path:
 * the web app's only boundary is HTTP.
 */
export async function startRealApi(env: Record<string, string> = {}): Promise<RealApi> {
  ensureBuilt();
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('MONGODB_')),
  );
  const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: ROOT,
    env: {
      ...inherited,
      PORT: '0',
      HOST: '127.0.0.1',
      BCRYPT_COST: '4',
      RATE_LIMITS: 'off',
      NOTIFY_INTERVAL_MS: '200',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      WEB_DIST_DIR: WEB_DIST,
      ...env,
    },
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
