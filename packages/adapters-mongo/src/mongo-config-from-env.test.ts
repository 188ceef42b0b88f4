import { describe, expect, it } from 'vitest';
import { MongoConfigError, mongoConfigFromEnv } from './mongo-config-from-env.js';
import { databaseFromUri } from './mongo-storage.js';

function issues(env: Record<string, string>): readonly string[] {
  try {
    mongoConfigFromEnv(env);
  } catch (error) {
    if (error instanceof MongoConfigError) return error.issues;
    throw error;
  }
  return [];
}

describe('mongoConfigFromEnv', () => {
  it('means in-memory storage when MONGODB_URI is absent or blank', () => {
    expect(mongoConfigFromEnv({})).toBeUndefined();
    expect(mongoConfigFromEnv({ MONGODB_URI: '  ', MONGODB_DB: 'x' })).toBeUndefined();
  });

  it('reads the URI and the optional tuning', () => {
    expect(mongoConfigFromEnv({ MONGODB_URI: 'mongodb://127.0.0.1:27017/btg' })).toEqual({
      uri: 'mongodb://127.0.0.1:27017/btg',
    });
    expect(
      mongoConfigFromEnv({
        MONGODB_URI: 'mongodb+srv://u:p@cluster0.example.net/?retryWrites=true',
        MONGODB_DB: 'btg_prod',
        MONGODB_POOL_SIZE: '50',
        MONGODB_TIMEOUT_MS: '3000',
        MONGODB_SOCKET_TIMEOUT_MS: '2500',
      }),
    ).toEqual({
      uri: 'mongodb+srv://u:p@cluster0.example.net/?retryWrites=true',
      dbName: 'btg_prod',
      maxPoolSize: 50,
      serverSelectionTimeoutMs: 3000,
      socketTimeoutMs: 2500,
    });
  });

  it('lists every problem at once without echoing the URI', () => {
    const found = issues({
      MONGODB_URI: 'postgres://secret@host/db',
      MONGODB_DB: 'a.b',
      MONGODB_POOL_SIZE: '0',
      MONGODB_TIMEOUT_MS: '5s',
      MONGODB_SOCKET_TIMEOUT_MS: '-1',
    });
    expect(found).toHaveLength(5);
    expect(found.join(' ')).not.toContain('secret');
  });

  it('takes the database from the URI path, else "btg"', () => {
    expect(databaseFromUri('mongodb://h:1/shop?tls=true')).toBe('shop');
    expect(databaseFromUri('mongodb+srv://u:p@h/')).toBe('btg');
    expect(databaseFromUri('mongodb://h1,h2/?replicaSet=rs0')).toBe('btg');
  });
});
