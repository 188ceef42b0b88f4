/* eslint-disable @typescript-eslint/no-unsafe-assignment --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { randomBytes } from 'node:crypto';
import { createMongoStorage } from '@btg-funds/adapters-mongo';

/** The server of the Mongo end-to-end tests (CI: FerretDB via .ci/ferretdb.sh). */
export const MONGODB_URI = process.env.MONGODB_URI?.trim() || undefined;

if (MONGODB_URI === undefined) {
  // eslint-disable-next-line no-console -- a skipped end-to-end suite must say why
  console.warn('[apps/api] Mongo end-to-end tests skipped: MONGODB_URI is not set');
}

/** A database of its own per test file, so files never see each other's data. */
export const uniqueDbName = (label: string): string =>
  `btg_e2e_${label}_${randomBytes(4).toString('hex')}`;

export async function dropDatabase(uri: string, dbName: string): Promise<void> {
  const storage = createMongoStorage({ uri, dbName });
  try {
    await storage.db.dropDatabase();
  } finally {
    await storage.close();
  }
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A tiny JSON client for /api/v1 that remembers the bearer token it is given. */
export function apiClient(baseUrl: () => string) {
  let token = '';
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> => {
    const res = await fetch(`${baseUrl()}/api/v1${path}`, {
      method,
      headers: {
        ...(token !== '' && { Authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text === '' ? null : JSON.parse(text),
    };
  };
  return {
    call,
    login: async (email: string, password: string) => {
      const res = await call('POST', '/auth/login', { email, password });
      token = (res.body as { accessToken: string }).accessToken;
      return res;
    },
  };
}
