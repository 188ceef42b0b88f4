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
  /** How many one-time codes the console sender printed so far (verification, ADR 0405). */
  codesSeen(): number;
  /** The first code printed after `seen` were counted: waits (up to 10 s) for the log line. */
  codeAfter(seen: number): Promise<string>;
  stop(): Promise<void>;
}

/** Running APIs by URL, so helpers given only an origin can read that process's log. */
export const runningApis = new Map<string, RealApi>();

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
  // One reader for the whole life of the process: it never blocks on a full pipe, and it keeps
  // the one-time codes the console sender prints.
  const codes: string[] = [];
  const listening = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = parse(line);
      if (entry?.msg === 'listening' && typeof entry.url === 'string') resolve(entry.url);
      const text = typeof entry?.text === 'string' ? entry.text : '';
      const code = text.includes('código') ? /\b(\d{6})\b/.exec(text)?.[1] : undefined;
      if (code !== undefined) codes.push(code);
    });
    void exited.then(() =>
      reject(new Error(`the API exited before listening (code ${String(child.exitCode)})`)),
    );
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  try {
    const url = await listening;
    const api: RealApi = {
      url,
      codesSeen: () => codes.length,
      codeAfter: async (seen) => {
        for (let waited = 0; waited < 10_000; waited += 50) {
          const code = codes[seen];
          if (code !== undefined) return code;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error('no new verification code in the API log within 10 s');
      },
      stop: async () => {
        runningApis.delete(url);
        child.kill('SIGTERM');
        await exited;
      },
    };
    runningApis.set(url, api);
    return api;
  } finally {
    clearTimeout(timer);
  }
}

function parse(line: string): { msg?: unknown; url?: unknown; text?: unknown } | null {
  try {
    return JSON.parse(line) as { msg?: unknown; url?: unknown; text?: unknown };
  } catch {
    return null;
  }
}
