// The floor of Mongo mode: the minimal storage work of one subscription done with the raw driver
// — read the client's latest ledger entry, insert the next under the unique (clientId, seq) key —
// in a loop per connection, against the same server and in the same run as the API scenarios.
import { MongoClient } from 'mongodb';

const COLLECTION = 'bench_raw_ledger';

/** Runs `connections` loops (one client each) for `durationS` seconds; returns ops/s. */
export async function rawDriverLoop({ uri, connections, durationS }) {
  const client = new MongoClient(uri, { maxPoolSize: Math.max(connections, 20) });
  try {
    const entries = client.db().collection(COLLECTION);
    await entries.createIndex({ clientId: 1, seq: -1 });
    const run = `${Date.now().toString(36)}`;
    const deadline = Date.now() + durationS * 1000;
    let operations = 0;
    let conflicts = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: connections }, async (_, i) => {
        const clientId = `raw-${run}-${i}`;
        while (Date.now() < deadline) {
          const [latest] = await entries.find({ clientId }).sort({ seq: -1 }).limit(1).toArray();
          const seq = (latest?.seq ?? 0) + 1;
          try {
            await entries.insertOne({
              _id: `${clientId}:${seq}`,
              clientId,
              seq,
              balanceAfter: 500_000_00n - BigInt(seq % 2) * 50_000_00n,
              createdAt: new Date(),
            });
            operations += 1;
          } catch (error) {
            if (error?.code !== 11000) throw error;
            conflicts += 1;
          }
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    await entries.drop().catch(() => undefined);
    return {
      opsPerSecond: Math.round((operations / seconds) * 10) / 10,
      operations,
      conflicts,
      seconds,
    };
  } finally {
    await client.close();
  }
}
