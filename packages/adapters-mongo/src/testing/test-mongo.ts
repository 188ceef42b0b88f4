import { randomBytes } from 'node:crypto';

/** Where the integration suites find a MongoDB-wire server, or why they cannot. */
export type TestMongo =
  | {
      readonly available: true;
      readonly uri: string;
      readonly source: string;
      stop(): Promise<void>;
    }
  | { readonly available: false; readonly reason: string };

const MONGO_IMAGE = 'mongo:8.0';
let resolved: Promise<TestMongo> | undefined;

/**
 * MONGODB_URI when set (CI: FerretDB), else testcontainers' MongoDB when a container engine
 * answers, else unavailable with the reason. Resolved once per test file (vitest isolates
 * files), and the reason is printed once so a skipped suite never passes silently.
 */
export function testMongo(): Promise<TestMongo> {
  resolved ??= resolve().then((mongo) => {
    if (!mongo.available) {
      // eslint-disable-next-line no-console -- a skipped integration suite must say why
      console.warn(`[adapters-mongo] integration tests skipped: ${mongo.reason}`);
    }
    return mongo;
  });
  return resolved;
}

async function resolve(): Promise<TestMongo> {
  const uri = process.env.MONGODB_URI;
  if (uri !== undefined && uri !== '') {
    return { available: true, uri, source: 'MONGODB_URI', stop: () => Promise.resolve() };
  }
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
  } catch (error) {
    return {
      available: false,
      reason: `MONGODB_URI is not set and no container engine answers (${firstLine(error)})`,
    };
  }
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const container = await new MongoDBContainer(MONGO_IMAGE).start();
  return {
    available: true,
    // The container runs a one-node replica set announced under an internal host name.
    uri: `${container.getConnectionString()}/?directConnection=true`,
    source: `testcontainers ${MONGO_IMAGE}`,
    stop: async () => {
      await container.stop();
    },
  };
}

/** A database name no other test file (or earlier run) uses. */
export function uniqueDbName(label: string): string {
  return `btg_test_${label}_${randomBytes(4).toString('hex')}`.slice(0, 60);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
