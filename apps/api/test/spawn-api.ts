import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** Builds apps/api (and its references) once; a no-op when dist/ is up to date. */
export function buildApi(): void {
  execFileSync('npx', ['tsc', '-b', 'apps/api'], { cwd: ROOT, stdio: 'inherit' });
}

export interface SpawnedApi {
  readonly child: ChildProcess;
  readonly url: string;
  readonly logs: string[];
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the real process on a free port (PORT=0) and waits for its "listening" line. */
export function spawnApi(env: Record<string, string> = {}): Promise<SpawnedApi> {
  // Storage is each test's explicit choice: a MONGODB_URI exported for the Mongo suites must not
  // turn the in-memory tests into Mongo tests that share (and collide in) one database.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('MONGODB_')),
  );
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', BCRYPT_COST: '4', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "listening" line:\n${logs.join('\n')}`)),
      15_000,
    );
    child.stderr.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        logs.push(line);
        const entry = parse(line);
        if (entry?.msg === 'listening' && typeof entry.url === 'string') {
          clearTimeout(timer);
          resolve({
            child,
            url: entry.url,
            logs,
            stop: () => {
              child.kill('SIGTERM');
              return exited;
            },
          });
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)}:\n${logs.join('\n')}`));
    });
  });
}

function parse(line: string): Record<string, unknown> | null {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}
