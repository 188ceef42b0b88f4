import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from './spawn-api.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const run = (env: Record<string, string>) =>
  spawnSync(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 10_000,
    // A process that starts when it should have refused must not outlive the test.
    killSignal: 'SIGKILL',
  });

describe('start-up configuration of the real process', () => {
  beforeAll(() => buildApi(), 120_000);

  it('refuses to start in production without a JWT key, naming the variable', () => {
    const result = run({ NODE_ENV: 'production' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('JWT_PRIVATE_KEY or JWT_SECRET');
  });

  it('refuses to start in production on in-memory storage unless told so', () => {
    const result = run({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MONGODB_URI is required when NODE_ENV=production');
    expect(result.stderr).toContain('ALLOW_MEMORY_STORAGE=true');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ BCRYPT_COST: '3' }, 'BCRYPT_COST'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ JWT_PRIVATE_KEY: 'not a pem' }, 'JWT_PRIVATE_KEY'],
    [{ CORS_ORIGINS: 'not a url' }, 'CORS_ORIGINS'],
    [{ ADMIN_EMAIL: 'admin@example.com' }, 'ADMIN_PASSWORD'],
  ])('stops on a bad value %j with a message naming %s', (env, variable) => {
    const result = run(env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(variable);
  });

  it('accepts an Ed25519 PEM key in production', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
    // Start, then stop right away: the process must reach "listening".
    const out = execFileSync(
      process.execPath,
      [
        '-e',
        `const {spawn}=require('node:child_process');const c=spawn(process.execPath,[${JSON.stringify(MAIN)}],{env:{...process.env}});c.stdout.on('data',d=>{if(String(d).includes('"listening"')){c.kill('SIGTERM')}});c.on('exit',code=>{process.stdout.write('exit:'+code)})`,
      ],
      {
        env: {
          PATH: process.env.PATH ?? '',
          PORT: '0',
          NODE_ENV: 'production',
          ALLOW_MEMORY_STORAGE: 'true',
          METRICS_PORT: '0',
          JWT_PRIVATE_KEY: pem.toString(),
        },
        encoding: 'utf8',
        timeout: 15_000,
      },
    );
    expect(out).toBe('exit:0');
  });
});
