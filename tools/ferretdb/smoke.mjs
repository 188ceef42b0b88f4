#!/usr/bin/env node
// Smoke test + behaviour probe for the MongoDB-wire server used in tests (FerretDB v1.24.x, SQLite).
// See docs/adr/0110-ferretdb-in-ci.md.
//
//   source .ci/ferretdb.sh && ferretdb_start && node tools/ferretdb/smoke.mjs; ferretdb_stop
//
// Needs MONGODB_URI (exported by ferretdb_start). Works in a throw-away database that it drops at
// the end. "check" lines are assertions (any failure => exit code 1); "probe" lines only report
// what the server does, for the people designing the Mongo adapter. SMOKE_JSON=1 prints the
// probe results as one JSON document instead.
import { MongoClient, Long, MongoServerError } from 'mongodb';

const uri = process.env.MONGODB_URI;
if (!uri) {
  console.error('smoke: MONGODB_URI is not set (source .ci/ferretdb.sh && ferretdb_start)');
  process.exit(2);
}
const asJson = process.env.SMOKE_JSON === '1';

const failures = [];
const probes = {};
const log = (...a) => {
  if (!asJson) console.log(...a);
};

function check(name, cond, detail = '') {
  if (cond) log(`check ok   ${name}`);
  else {
    failures.push(name);
    log(`check FAIL ${name}${detail ? `: ${detail}` : ''}`);
  }
}

const errInfo = (e) => ({
  error: e?.constructor?.name,
  code: e?.code,
  codeName: e?.codeName,
  message: String(e?.message ?? e).slice(0, 300),
});

const show = (v) =>
  JSON.stringify(v, (_k, x) =>
    typeof x === 'bigint' ? `${x}n` : x instanceof Long ? `Long(${x})` : x,
  );

// Runs fn; records and prints its result or its error under `name`.
async function probe(name, fn) {
  let out;
  try {
    out = { ok: true, result: await fn() };
  } catch (e) {
    out = { ok: false, ...errInfo(e) };
  }
  probes[name] = out;
  log(`probe      ${name}: ${show(out.ok ? out.result : { error: out })}`);
  return out;
}

const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000, maxPoolSize: 20 });
const dbName = `smoke_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;

try {
  await client.connect();
  const admin = client.db('admin');
  const db = client.db(dbName);

  // ---------------------------------------------------------------- core checks
  const ping = await admin.command({ ping: 1 });
  check('ping', ping.ok === 1, show(ping));

  const bi = await admin.command({ buildInfo: 1 });
  check(
    'buildInfo.ferretdbVersion is v1.24.x',
    /^v1\.24\./.test(String(bi.ferretdbVersion)),
    show(bi.ferretdbVersion),
  );
  probes.buildInfo = {
    version: bi.version,
    ferretdbVersion: bi.ferretdbVersion,
    maxBsonObjectSize: bi.maxBsonObjectSize,
  };
  log(`info       buildInfo: ${show(probes.buildInfo)}`);

  const accounts = db.collection('accounts');
  const idx = await accounts.createIndex({ key: 1 }, { unique: true, name: 'key_unique' });
  check('createIndex unique', idx === 'key_unique', show(idx));
  const idxAgain = await accounts.createIndex({ key: 1 }, { unique: true, name: 'key_unique' });
  check('createIndex is idempotent', idxAgain === 'key_unique', show(idxAgain));

  await accounts.insertOne({
    _id: 'acc-1',
    key: 'a',
    balance: Long.fromNumber(100),
    createdAt: new Date(),
  });
  const inc = await accounts.updateOne(
    { _id: 'acc-1' },
    { $inc: { balance: Long.fromNumber(50) } },
  );
  check('$inc Long matched+modified', inc.matchedCount === 1 && inc.modifiedCount === 1, show(inc));
  const asBig = await accounts.findOne({ _id: 'acc-1' }, { useBigInt64: true });
  check(
    'Long read back as bigint 150n (useBigInt64)',
    asBig?.balance === 150n,
    show(asBig?.balance),
  );
  const asLong = await accounts.findOne({ _id: 'acc-1' }, { promoteLongs: false });
  check(
    'Long read back as Long (promoteLongs:false)',
    asLong?.balance instanceof Long && asLong.balance.equals(150),
    show(asLong?.balance),
  );

  let dupErr;
  try {
    await accounts.insertOne({ _id: 'acc-2', key: 'a', balance: Long.fromNumber(1) });
  } catch (e) {
    dupErr = e;
  }
  check(
    'duplicate key => MongoServerError code 11000',
    dupErr instanceof MongoServerError && dupErr.code === 11000,
    show(dupErr && errInfo(dupErr)),
  );
  probes.duplicateKeyError = dupErr
    ? { ...errInfo(dupErr), keyPattern: dupErr.keyPattern, keyValue: dupErr.keyValue }
    : null;
  log(`info       duplicate key error: ${show(probes.duplicateKeyError)}`);

  let dupId;
  try {
    await accounts.insertOne({ _id: 'acc-1', key: 'zz' });
  } catch (e) {
    dupId = e;
  }
  check('duplicate _id => code 11000', dupId?.code === 11000, show(dupId && errInfo(dupId)));

  // ---------------------------------------------------------------- probes
  await probe('hello', async () => {
    const h = await admin.command({ hello: 1 });
    return Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'localTime'));
  });

  await probe('insertMany ordered:false with a duplicate in the middle', async () => {
    const c = db.collection('im');
    await c.createIndex({ k: 1 }, { unique: true });
    try {
      const r = await c.insertMany([{ k: 1 }, { k: 2 }, { k: 1 }, { k: 3 }, { k: 4 }], {
        ordered: false,
      });
      return { threw: false, insertedCount: r.insertedCount };
    } catch (e) {
      return {
        threw: e.constructor.name,
        code: e.code,
        insertedCount: e.result?.insertedCount,
        writeErrors: (e.writeErrors ?? []).map((w) => ({ index: w.index, code: w.code })),
        storedKs: (
          await c
            .find({}, { projection: { _id: 0, k: 1 } })
            .sort({ k: 1 })
            .toArray()
        ).map((d) => d.k),
      };
    }
  });

  await probe('insertMany ordered:true with a duplicate in the middle', async () => {
    const c = db.collection('im2');
    await c.createIndex({ k: 1 }, { unique: true });
    try {
      const r = await c.insertMany([{ k: 1 }, { k: 2 }, { k: 1 }, { k: 3 }]);
      return { threw: false, insertedCount: r.insertedCount };
    } catch (e) {
      return {
        threw: e.constructor.name,
        code: e.code,
        insertedCount: e.result?.insertedCount,
        writeErrors: (e.writeErrors ?? []).map((w) => ({ index: w.index, code: w.code })),
        storedKs: (
          await c
            .find({}, { projection: { _id: 0, k: 1 } })
            .sort({ k: 1 })
            .toArray()
        ).map((d) => d.k),
      };
    }
  });

  await probe('compound index + find().sort({a:-1}).limit(3)', async () => {
    const c = db.collection('tx');
    const name = await c.createIndex({ owner: 1, a: -1 }, { name: 'owner_a' });
    const docs = [];
    for (let i = 0; i < 20; i++) docs.push({ owner: i % 2 ? 'o1' : 'o2', a: (i * 7) % 20, n: i });
    await c.insertMany(docs);
    const got = await c.find({ owner: 'o1' }).sort({ a: -1 }).limit(3).toArray();
    const want = docs
      .filter((d) => d.owner === 'o1')
      .sort((x, y) => y.a - x.a)
      .slice(0, 3);
    const indexes = (await c.listIndexes().toArray()).map((i) => i.name);
    const exp = await c.find({ owner: 'o1' }).sort({ a: -1 }).limit(3).explain();
    return {
      index: name,
      indexes,
      got: got.map((d) => d.a),
      correct: show(got.map((d) => d.a)) === show(want.map((d) => d.a)),
      explain: {
        sortPushdown: exp.sortPushdown,
        limitPushdown: exp.limitPushdown,
        filterPushdown: exp.filterPushdown,
      },
    };
  });

  await probe('find skip+limit+sort by two keys', async () => {
    const c = db.collection('tx');
    const got = await c.find({ owner: 'o2' }).sort({ a: 1, n: -1 }).skip(2).limit(3).toArray();
    return got.map((d) => d.a);
  });

  await probe('findOneAndUpdate upsert (missing doc, returnDocument:after)', async () => {
    const c = db.collection('fou');
    const r = await c.findOneAndUpdate(
      { _id: 'u1' },
      { $setOnInsert: { createdAt: new Date(0) }, $inc: { n: Long.fromNumber(1) } },
      { upsert: true, returnDocument: 'after', includeResultMetadata: true },
    );
    const r2 = await c.findOneAndUpdate(
      { _id: 'u1' },
      { $inc: { n: Long.fromNumber(1) } },
      { upsert: true, returnDocument: 'after' },
    );
    return { first: { value: r.value, lastErrorObject: r.lastErrorObject }, second: r2 };
  });

  await probe('findOneAndUpdate upsert on a non-_id filter (unique key)', async () => {
    const c = db.collection('fou2');
    await c.createIndex({ key: 1 }, { unique: true });
    const r = await c.findOneAndUpdate(
      { key: 'k1' },
      { $set: { v: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    return { key: r?.key, v: r?.v, hasObjectId: typeof r?._id?.toHexString === 'function' };
  });

  await probe('findOneAndUpdate with projection', async () => {
    const c = db.collection('fou');
    return c.findOneAndUpdate(
      { _id: 'u1' },
      { $set: { p: 1 } },
      { projection: { n: 1 }, returnDocument: 'after' },
    );
  });

  await probe('findOneAndUpdate returnDocument:before on a miss (no upsert)', async () => {
    return db.collection('fou').findOneAndUpdate({ _id: 'nope' }, { $set: { x: 1 } });
  });

  await probe('updateOne upsert', async () => {
    const r = await db
      .collection('uu')
      .updateOne({ _id: 'x' }, { $set: { a: 1 } }, { upsert: true });
    return {
      matchedCount: r.matchedCount,
      modifiedCount: r.modifiedCount,
      upsertedCount: r.upsertedCount,
      upsertedId: r.upsertedId,
    };
  });

  await probe('countDocuments / estimatedDocumentCount', async () => {
    const c = db.collection('tx');
    return {
      all: await c.countDocuments(),
      filtered: await c.countDocuments({ owner: 'o1', a: { $gte: 10 } }),
      withLimit: await c.countDocuments({}, { limit: 5 }),
      estimated: await c.estimatedDocumentCount(),
    };
  });

  await probe('TTL index (expireAfterSeconds)', async () => {
    const c = db.collection('ttl');
    const name = await c.createIndex({ createdAt: 1 }, { expireAfterSeconds: 60 });
    const idx = (await c.listIndexes().toArray()).find((i) => i.name === name);
    return { created: name, listed: idx ?? null };
  });

  await probe('partial index (partialFilterExpression)', async () => {
    const c = db.collection('partial');
    return c.createIndex({ a: 1 }, { partialFilterExpression: { a: { $exists: true } } });
  });

  await probe('sparse index', async () =>
    db.collection('sparse').createIndex({ a: 1 }, { sparse: true }),
  );

  await probe('unique index: documents missing the field', async () => {
    const c = db.collection('uniqmissing');
    await c.createIndex({ email: 1 }, { unique: true });
    await c.insertOne({ n: 1 });
    try {
      await c.insertOne({ n: 2 });
      return { secondMissingInserted: true, count: await c.countDocuments() };
    } catch (e) {
      return { secondMissingInserted: false, ...errInfo(e) };
    }
  });

  await probe('createIndex same key+name, unique:false (index stays unique?)', async () => {
    const c = db.collection('accounts');
    const r = await c.createIndex({ key: 1 }, { unique: false, name: 'key_unique' });
    const i = (await c.listIndexes().toArray()).find((x) => x.name === 'key_unique');
    return { returned: r, listedUnique: i?.unique ?? false };
  });

  await probe('createIndex same key, another name', async () =>
    db.collection('accounts').createIndex({ key: 1 }, { name: 'other' }),
  );

  await probe('sparse index listed as', async () =>
    (await db.collection('sparse').listIndexes().toArray()).find((i) => i.name !== '_id_'),
  );

  await probe('unique violation by updateOne $set (no upsert)', async () => {
    const c = db.collection('uv');
    await c.createIndex({ a: 1, b: 1 }, { unique: true });
    await c.insertMany([
      { _id: 1, a: 1, b: 1 },
      { _id: 2, a: 1, b: 2 },
    ]);
    return c.updateOne({ _id: 2 }, { $set: { b: 1 } });
  });
  await probe('unique violation by findOneAndUpdate $set (no upsert)', async () =>
    db.collection('uv').findOneAndUpdate({ _id: 2 }, { $set: { b: 1 } }),
  );
  await probe('unique violation by replaceOne', async () =>
    db.collection('uv').replaceOne({ _id: 2 }, { a: 1, b: 1 }),
  );
  await probe('unique violation by updateOne upsert (insert path)', async () =>
    db.collection('uv').updateOne({ _id: 3 }, { $set: { a: 1, b: 1 } }, { upsert: true }),
  );
  await probe('unique violation by findOneAndUpdate upsert (insert path)', async () =>
    db.collection('uv').findOneAndUpdate({ _id: 3 }, { $set: { a: 1, b: 1 } }, { upsert: true }),
  );

  // Long values, including beyond 2^53.
  const big = 2n ** 62n;
  const longs = db.collection('longs');
  const lvals = [-5n, 0n, 7n, 100n, 2n ** 53n + 1n, big, -big];
  await longs.insertMany(lvals.map((v, i) => ({ _id: i, v: Long.fromBigInt(v) })));
  await longs.insertMany([
    { _id: 'int32-7', v: 7 },
    { _id: 'double-7.5', v: 7.5 },
  ]);
  const vs = (docs) => docs.map((d) => (typeof d.v === 'bigint' ? `${d.v}n` : d.v));
  const opt = { useBigInt64: true };

  await probe('Long $in', async () =>
    vs(
      await longs
        .find({ v: { $in: [Long.fromBigInt(7n), Long.fromBigInt(big)] } }, opt)
        .sort({ _id: 1 })
        .toArray(),
    ),
  );
  await probe('Long $lt Long(100)', async () =>
    vs(
      await longs
        .find({ v: { $lt: Long.fromNumber(100) } }, opt)
        .sort({ v: 1 })
        .toArray(),
    ),
  );
  await probe('Long $gt Long(2^53)', async () =>
    vs(
      await longs
        .find({ v: { $gt: Long.fromBigInt(2n ** 53n) } }, opt)
        .sort({ v: 1 })
        .toArray(),
    ),
  );
  await probe('Long field $eq int32 7 (cross-type numeric equality)', async () =>
    vs(await longs.find({ v: 7 }, opt).sort({ _id: 1 }).toArray()),
  );
  await probe('Long $lt plain number 8', async () =>
    vs(
      await longs
        .find({ v: { $lt: 8 } }, opt)
        .sort({ v: 1 })
        .toArray(),
    ),
  );
  await probe('bigint filter value (useBigInt64 client-side)', async () =>
    vs(
      await longs
        .find({ v: { $in: [7n, big] } }, opt)
        .sort({ _id: 1 })
        .toArray(),
    ),
  );
  await probe('sort on Long ascending (mixed with int32/double)', async () =>
    vs(await longs.find({}, opt).sort({ v: 1 }).toArray()),
  );
  await probe('sort on Long descending + limit 3', async () =>
    vs(await longs.find({}, opt).sort({ v: -1 }).limit(3).toArray()),
  );
  await probe('default read of Long > 2^53 (no useBigInt64)', async () => {
    const d = await longs.findOne({ _id: 5 });
    return { type: d.v?.constructor?.name ?? typeof d.v, value: String(d.v) };
  });
  await probe('$inc Long overflow', async () => {
    await longs.insertOne({ _id: 'max', v: Long.MAX_VALUE });
    await longs.updateOne({ _id: 'max' }, { $inc: { v: Long.fromNumber(1) } });
    return (await longs.findOne({ _id: 'max' }, opt)).v;
  });
  await probe('$inc int32 by plain JS 1 past 2^31-1', async () => {
    await longs.insertOne({ _id: 'i32', v: 2147483647 });
    await longs.updateOne({ _id: 'i32' }, { $inc: { v: 1 } });
    const d = await longs.findOne({ _id: 'i32' }, { promoteValues: false });
    return { type: d.v?._bsontype ?? typeof d.v, value: String(d.v?.valueOf?.() ?? d.v) };
  });
  await probe('$group with two accumulators {$sum:"$v"} then {$sum:1}', async () =>
    longs
      .aggregate(
        [
          { $match: { _id: { $in: [0, 1, 2, 3] } } },
          { $group: { _id: null, total: { $sum: '$v' }, n: { $sum: 1 } } },
        ],
        opt,
      )
      .toArray(),
  );
  await probe('$group with two accumulators {$sum:1} then {$sum:"$v"}', async () =>
    longs
      .aggregate(
        [
          { $match: { _id: { $in: [0, 1, 2, 3] } } },
          { $group: { _id: null, n: { $sum: 1 }, total: { $sum: '$v' } } },
        ],
        opt,
      )
      .toArray(),
  );
  await probe('$sum of Long in aggregate $group (single accumulator)', async () => {
    const r = await longs
      .aggregate(
        [
          { $match: { _id: { $in: [0, 1, 2, 3] } } },
          { $group: { _id: null, total: { $sum: '$v' } } },
        ],
        opt,
      )
      .toArray();
    return r;
  });

  // Dates.
  const dates = db.collection('dates');
  const base = Date.UTC(2026, 0, 1);
  const dvals = [5, -3, 0, 1, 86400000, -86400000 * 400, 2].map((ms, i) => ({
    _id: i,
    at: new Date(base + ms),
  }));
  await dates.insertMany(dvals);
  await probe('sort on Date ascending', async () =>
    (await dates.find().sort({ at: 1 }).toArray()).map((d) => d.at.toISOString()),
  );
  await probe('sort on Date descending + limit 2', async () =>
    (await dates.find().sort({ at: -1 }).limit(2).toArray()).map((d) => d.at.toISOString()),
  );
  await probe('Date range $gte/$lt', async () =>
    (
      await dates
        .find({ at: { $gte: new Date(base), $lt: new Date(base + 3) } })
        .sort({ at: 1 })
        .toArray()
    ).map((d) => d._id),
  );
  await probe('Date millisecond round trip', async () => {
    const d = await dates.findOne({ _id: 0 });
    return d.at.getTime() === base + 5;
  });

  // Concurrency (the adapter's balance/idempotency logic depends on this).
  await probe('50 concurrent $inc +1 on one doc (lost updates?)', async () => {
    const c = db.collection('conc');
    await c.insertOne({ _id: 'c', n: Long.fromNumber(0) });
    await Promise.all(
      Array.from({ length: 50 }, () =>
        c.updateOne({ _id: 'c' }, { $inc: { n: Long.fromNumber(1) } }),
      ),
    );
    return { final: (await c.findOne({ _id: 'c' }, opt)).n, expected: '50n' };
  });
  await probe('same 50 concurrent $inc through a client with maxPoolSize:1', async () => {
    const one = new MongoClient(uri, { maxPoolSize: 1 });
    try {
      const c = one.db(dbName).collection('conc');
      await c.insertOne({ _id: 'c1', n: Long.fromNumber(0) });
      await Promise.all(
        Array.from({ length: 50 }, () =>
          c.updateOne({ _id: 'c1' }, { $inc: { n: Long.fromNumber(1) } }),
        ),
      );
      return { final: (await c.findOne({ _id: 'c1' }, opt)).n, expected: '50n' };
    } finally {
      await one.close();
    }
  });
  await probe('20 concurrent guarded debits {balance:{$gte:10}} $inc -10 from 100', async () => {
    const c = db.collection('conc');
    await c.insertOne({ _id: 'g', balance: Long.fromNumber(100) });
    const rs = await Promise.all(
      Array.from({ length: 20 }, () =>
        c.updateOne(
          { _id: 'g', balance: { $gte: Long.fromNumber(10) } },
          { $inc: { balance: Long.fromNumber(-10) } },
        ),
      ),
    );
    return {
      succeeded: rs.filter((r) => r.modifiedCount === 1).length,
      finalBalance: (await c.findOne({ _id: 'g' }, opt)).balance,
      expected: { succeeded: 10, finalBalance: '0n' },
    };
  });
  await probe('20 concurrent optimistic findOneAndUpdate {v:0} -> {v:1}', async () => {
    const c = db.collection('conc');
    await c.insertOne({ _id: 'o', v: 0, hits: 0 });
    const rs = await Promise.all(
      Array.from({ length: 20 }, () =>
        c.findOneAndUpdate(
          { _id: 'o', v: 0 },
          { $set: { v: 1 }, $inc: { hits: 1 } },
          { returnDocument: 'after' },
        ),
      ),
    );
    const d = await c.findOne({ _id: 'o' });
    return {
      winners: rs.filter((r) => r !== null).length,
      hits: d.hits,
      expected: { winners: 1, hits: 1 },
    };
  });
  await probe('20 concurrent inserts of the same unique key', async () => {
    const c = db.collection('concuniq');
    await c.createIndex({ key: 1 }, { unique: true });
    const rs = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => c.insertOne({ key: 'same', i })),
    );
    return {
      fulfilled: rs.filter((r) => r.status === 'fulfilled').length,
      rejectedCodes: [
        ...new Set(rs.filter((r) => r.status === 'rejected').map((r) => r.reason?.code)),
      ],
      stored: await c.countDocuments({ key: 'same' }),
    };
  });

  await probe('transaction (session.withTransaction)', async () => {
    const s = client.startSession();
    try {
      await s.withTransaction(async () => {
        await db.collection('txn').insertOne({ a: 1 }, { session: s });
      });
      return { committed: true, count: await db.collection('txn').countDocuments() };
    } finally {
      await s.endSession().catch(() => {});
    }
  });

  await probe('bulkWrite mixed ops', async () => {
    const r = await db
      .collection('bulk')
      .bulkWrite([
        { insertOne: { document: { _id: 1, a: 1 } } },
        { updateOne: { filter: { _id: 1 }, update: { $set: { a: 2 } } } },
        { updateOne: { filter: { _id: 2 }, update: { $set: { a: 3 } }, upsert: true } },
        { deleteOne: { filter: { _id: 1 } } },
      ]);
    return {
      inserted: r.insertedCount,
      matched: r.matchedCount,
      modified: r.modifiedCount,
      upserted: r.upsertedCount,
      deleted: r.deletedCount,
    };
  });

  await probe('$push + $addToSet + $pull', async () => {
    const c = db.collection('arr');
    await c.insertOne({ _id: 1, tags: [] });
    await c.updateOne({ _id: 1 }, { $push: { tags: 'a' }, $addToSet: { set: 'x' } });
    await c.updateOne(
      { _id: 1 },
      { $push: { tags: { $each: ['b', 'c'] } }, $addToSet: { set: 'x' } },
    );
    await c.updateOne({ _id: 1 }, { $pull: { tags: 'b' } });
    return c.findOne({ _id: 1 });
  });
} catch (e) {
  failures.push(`unexpected error: ${e?.stack ?? e}`);
  if (!asJson) console.error(`smoke: unexpected error: ${e?.stack ?? e}`);
} finally {
  await client
    .db(dbName)
    .dropDatabase()
    .catch(() => {});
  await client.close().catch(() => {});
}

if (asJson)
  console.log(
    JSON.stringify({ failures, probes }, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x), 2),
  );
else
  console.log(
    failures.length
      ? `smoke: ${failures.length} check(s) FAILED`
      : `smoke: all checks passed against ${uri}`,
  );
process.exit(failures.length ? 1 : 0);
