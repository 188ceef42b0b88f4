import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from './spawn-api.js';

const OPENAPI_DOCUMENT = new URL('../dist/openapi-document.js', import.meta.url).href;

/**
 * Builds the whole composition root in memory mode, serves one request through it, and lists
 * which storage and provider SDKs the process then holds (Node's CommonJS module cache, which
 * also records CommonJS packages reached through `import`).
 */
const probe = `
import { createRequire } from 'node:module';
const { openApiJson } = await import(${JSON.stringify(OPENAPI_DOCUMENT)});
await openApiJson();
const cached = Object.keys(createRequire(import.meta.url).cache);
const loaded = (name) => cached.some((path) => path.includes('/node_modules/' + name + '/'));
console.log(JSON.stringify({ mongodb: loaded('mongodb'), nodemailer: loaded('nodemailer'), twilio: loaded('twilio'), pino: loaded('pino') }));
`;

describe('an in-memory process without SMTP or Twilio', () => {
  beforeAll(() => buildApi(), 120_000);

  // ~30 MB resident each for the Mongo driver (with bson's buffer) and for nodemailer + twilio
  // + axios: a process that never uses them must not pay for them (docs/performance.md, Memory).
  it('never loads the Mongo driver, nodemailer or twilio', () => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
      timeout: 30_000,
      killSignal: 'SIGKILL',
    });
    expect(result.stderr).toBe('');
    const loaded = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<
      string,
      boolean
    >;
    // pino (CommonJS, always used) shows the probe sees what the process loaded.
    expect(loaded).toEqual({ mongodb: false, nodemailer: false, twilio: false, pino: true });
  });
});
