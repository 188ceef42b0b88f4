import type { MongoStorageConfig } from './mongo-storage.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** Invalid Mongo settings; lists every problem at once and never echoes the URI (credentials). */
export class MongoConfigError extends Error {
  override readonly name = 'MongoConfigError';
  constructor(readonly issues: readonly string[]) {
    super(`Invalid MongoDB configuration: ${issues.join('; ')}`);
  }
}

const DB_NAME = /^[A-Za-z0-9_-]{1,63}$/;

/**
 * MONGODB_URI switches storage to MongoDB (absent or blank → undefined: in-memory storage).
 * MONGODB_DB (default: the URI's database, else "btg"), MONGODB_POOL_SIZE (default 20),
 * MONGODB_TIMEOUT_MS (server selection, default 5000), MONGODB_SOCKET_TIMEOUT_MS (an operation's
 * wait for an answer or a pooled connection, default 5000).
 */
export function mongoConfigFromEnv(env: Env): MongoStorageConfig | undefined {
  const uri = read(env, 'MONGODB_URI');
  if (uri === undefined) return undefined;
  const issues: string[] = [];
  if (!/^mongodb(\+srv)?:\/\/[^/?#]+/.test(uri)) {
    issues.push('MONGODB_URI must be a mongodb:// or mongodb+srv:// connection string');
  }
  const dbName = read(env, 'MONGODB_DB');
  if (dbName !== undefined && !DB_NAME.test(dbName)) {
    issues.push('MONGODB_DB must be 1-63 letters, digits, "_" or "-"');
  }
  const maxPoolSize = integer(env, 'MONGODB_POOL_SIZE', 1, 1000, issues);
  const timeout = integer(env, 'MONGODB_TIMEOUT_MS', 100, 120_000, issues);
  const socketTimeout = integer(env, 'MONGODB_SOCKET_TIMEOUT_MS', 100, 120_000, issues);
  if (issues.length > 0) throw new MongoConfigError(issues);
  return {
    uri,
    ...(dbName !== undefined && { dbName }),
    ...(maxPoolSize !== undefined && { maxPoolSize }),
    ...(timeout !== undefined && { serverSelectionTimeoutMs: timeout }),
    ...(socketTimeout !== undefined && { socketTimeoutMs: socketTimeout }),
  };
}

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(
  env: Env,
  name: string,
  min: number,
  max: number,
  issues: string[],
): number | undefined {
  const text = read(env, name);
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    issues.push(`${name} must be an integer from ${min} to ${max}`);
    return undefined;
  }
  return value;
}
