import { readFileSync } from 'node:fs';
import { createMongoStorage, mongoConfigFromEnv } from '@btg-funds/adapters-mongo';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';

const EXAMPLE = new URL('../../../.env.example', import.meta.url);
type Env = Record<string, string>;

/** `# NAME=value` lines: every variable, commented out, with its default (blank: unset). */
function listed(): Env {
  const entries = readFileSync(EXAMPLE, 'utf8')
    .split('\n')
    .map((line) => /^# ?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => [match[1]!, match[2]!] as const);
  const names = entries.map(([name]) => name);
  expect(names.length, 'each variable once').toBe(new Set(names).size);
  return Object.fromEntries(entries);
}

/** The names the configuration code asks the environment for. */
function namesRead(): string[] {
  const read = new Set<string>();
  const spy = (base: Env) =>
    new Proxy(base, {
      get(target, name) {
        if (typeof name === 'string' && /^[A-Z][A-Z0-9_]*$/.test(name)) read.add(name);
        return target[name as string];
      },
    });
  loadConfig(spy({}));
  mongoConfigFromEnv(spy({ MONGODB_URI: 'mongodb://127.0.0.1/btg' }));
  return [...read].sort();
}

const withoutKeys = (config: ReturnType<typeof loadConfig>) => ({
  ...config,
  jwt: { ...config.jwt, keys: undefined },
});

describe('.env.example', () => {
  it('lists every variable the process reads, and nothing else', () => {
    expect(Object.keys(listed()).sort()).toEqual(namesRead());
  });

  it('shows the real defaults', async () => {
    const given = Object.fromEntries(Object.entries(listed()).filter(([, value]) => value !== ''));
    expect(withoutKeys(loadConfig(given))).toEqual(withoutKeys(loadConfig({})));

    // Mongo tunables apply only with a URI: the driver ends up with the same settings.
    const uri = 'mongodb://127.0.0.1:1/btg';
    const driver = (env: Env) => {
      const storage = createMongoStorage(mongoConfigFromEnv({ ...env, MONGODB_URI: uri })!);
      const { maxPoolSize, serverSelectionTimeoutMS } = storage.db.client.options;
      return { storage, settings: { maxPoolSize, serverSelectionTimeoutMS } };
    };
    const fromExample = driver(given);
    const fromDefaults = driver({});
    expect(fromExample.settings).toEqual(fromDefaults.settings);
    await Promise.all([fromExample.storage.close(), fromDefaults.storage.close()]);
  });
});
