import { dropDatabase, MONGODB_URI, uniqueDbName } from '../mongo-support.js';
import { buildApi, spawnApi, type SpawnedApi } from '../spawn-api.js';
import { WireFaultProxy } from './wire-fault-proxy.js';

/**
 * Several real API processes on one MongoDB-wire store (CI: FerretDB), reached through a
 * WireFaultProxy so a test can lose a command or its reply. Signed tokens are valid on every
 * instance (one JWT_SECRET), as behind a load balancer.
 */
export interface ApiFleet {
  readonly apis: readonly SpawnedApi[];
  readonly proxy: WireFaultProxy;
  stop(): Promise<void>;
}

export async function startFleet(
  size: number,
  label: string,
  env: Record<string, string> = {},
): Promise<ApiFleet> {
  if (MONGODB_URI === undefined) throw new Error('MONGODB_URI is not set');
  buildApi();
  const upstream = new URL(MONGODB_URI);
  const proxy = await WireFaultProxy.start(Number(upstream.port || 27017), upstream.hostname);
  const dbName = uniqueDbName(label);
  const apis: SpawnedApi[] = [];
  const stop = async () => {
    await Promise.all(apis.filter((api) => api.child.exitCode === null).map((api) => api.stop()));
    await proxy.close();
    await dropDatabase(MONGODB_URI!, dbName);
  };
  try {
    // One after the other: the first creates the collections and indexes.
    for (let i = 0; i < size; i += 1) {
      apis.push(
        await spawnApi({
          RATE_LIMITS: 'off',
          MONGODB_URI: `mongodb://127.0.0.1:${proxy.port}/`,
          MONGODB_DB: dbName,
          JWT_SECRET: 'fleet-test-secret-of-at-least-32-bytes!!',
          ...env,
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { apis, proxy, stop };
}
