// Microbenchmark behind docs/performance.md (Mongo mode): the CPU our process spends on ONE storage
// command, outside any of our code — the mongodb driver reading one document by `_id`, one at a
// time, as findOne and as a raw `find` command. With the wall time per read, the difference is
// time spent waiting for the store. Run (a FerretDB or MongoDB on MONGODB_URI; it writes 100
// documents to a database of its own, `driver_command_cost`, and drops it):
//   MONGODB_URI=mongodb://127.0.0.1:27017 node bench/micro/driver-command-cost.mjs
import { MongoClient } from 'mongodb';

const uri = process.env.MONGODB_URI;
if (!uri) throw new Error('MONGODB_URI: the store to measure against');
const client = new MongoClient(uri, { maxPoolSize: 4 });
await client.connect();
const db = client.db('driver_command_cost');
const docs = db.collection('docs');
await docs.deleteMany({});
await docs.insertMany(Array.from({ length: 100 }, (_, i) => ({ _id: `id-${i}`, name: `n${i}` })));

async function measure(label, read, reads = 3000) {
  for (let i = 0; i < 300; i += 1) await read(i); // warm-up (JIT, pool)
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < reads; i += 1) await read(i);
  const used = process.cpuUsage(cpu);
  const wallUs = ((performance.now() - started) * 1000) / reads;
  const cpuUs = (used.user + used.system) / reads;
  console.log(
    `${label.padEnd(26)} CPU ${cpuUs.toFixed(0).padStart(4)} µs/read, wall ${wallUs.toFixed(0).padStart(4)} µs/read`,
  );
}

const filterOf = (i) => ({ _id: `id-${i % 100}` });
for (let round = 0; round < 3; round += 1) {
  await measure('findOne', (i) => docs.findOne(filterOf(i)));
  await measure('find command, singleBatch', (i) =>
    db.command({ find: 'docs', filter: filterOf(i), limit: 1, singleBatch: true }),
  );
}
await db.dropDatabase();
await client.close();
