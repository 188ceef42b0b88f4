import { SEEDED_FUNDS } from '@btg-funds/application';
import {
  aClient,
  aNotification,
  registered,
  seededFund,
  subscriptionRecords,
  uniqueId,
} from '@btg-funds/application/testing';
import type { Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEXES } from './indexes.js';
import { MongoLedger } from './mongo-ledger.js';
import { connectMongo, type MongoStorage } from './mongo-storage.js';
import { queriesOf, servedByIndex, type SentQuery } from './testing/index-coverage.js';
import { testMongo, uniqueDbName } from './testing/test-mongo.js';

const mongo = await testMongo();
const QUERY_COMMANDS = new Set(['find', 'count', 'update', 'delete', 'aggregate']);
/** Reads that may scan, and why: the fund catalogue is a handful of documents read whole. */
const SMALL_COLLECTIONS = new Set(['funds']);

/**
 * Issue 11 §6: every query the adapters send is served by an index. Each adapter operation runs
 * once against the server with command monitoring on; every filter it sent is then checked
 * against INDEXES (any server) and explained by the server itself where explain reports index
 * use (MongoDB, DocumentDB). FerretDB v1 plans no index at all, so there the explain half is
 * skipped with a printed reason.
 */
describe.skipIf(!mongo.available)('hot queries use indexes', () => {
  const dbName = uniqueDbName('indexes');
  let storage: MongoStorage;
  const sent: SentQuery[] = [];

  beforeAll(async () => {
    if (!mongo.available) return;
    storage = await connectMongo({ uri: mongo.uri, dbName, monitorCommands: true });
    storage.client.on('commandStarted', (event) => {
      if (event.databaseName !== dbName || !QUERY_COMMANDS.has(event.commandName)) return;
      sent.push(...queriesOf(event.command, event.commandName));
    });
    await exerciseEveryAdapter(storage);
  }, 60_000);
  afterAll(async () => {
    await storage?.db.dropDatabase();
    await storage?.close();
  });

  it('sends only filters an index serves', () => {
    const unserved = sent
      .filter((q) => !SMALL_COLLECTIONS.has(q.collection))
      .filter((q) => !servedByIndex(q, INDEXES[q.collection as keyof typeof INDEXES] ?? []));
    expect(sent.length).toBeGreaterThan(25);
    expect(unserved).toEqual([]);
  });

  it('is planned with an index by the server (explain), where the server plans with indexes', async () => {
    const build = await storage.db.admin().command({ buildInfo: 1 });
    if (typeof build.ferretdbVersion === 'string') {
      // eslint-disable-next-line no-console -- a skipped check must say why
      console.warn(
        `[adapters-mongo] explain check skipped: FerretDB ${build.ferretdbVersion} uses no index for any query (STACK.md); the INDEXES rule above still ran`,
      );
      return;
    }
    const scans: string[] = [];
    for (const query of sent.filter((q) => !SMALL_COLLECTIONS.has(q.collection))) {
      const plan = await storage.db.command({
        explain: explainable(query),
        verbosity: 'queryPlanner',
      });
      const planner = (plan as { queryPlanner?: { winningPlan?: unknown } }).queryPlanner;
      if (JSON.stringify(planner?.winningPlan ?? plan).includes('COLLSCAN')) {
        scans.push(`${query.command} ${query.collection} ${JSON.stringify(query.filter)}`);
      }
    }
    expect(scans).toEqual([]);
  });
});

function explainable(query: SentQuery): Document {
  if (query.command === 'update') {
    return { update: query.collection, updates: [{ q: query.filter, u: { $set: { _x: 1 } } }] };
  }
  if (query.command === 'delete') {
    return { delete: query.collection, deletes: [{ q: query.filter, limit: 0 }] };
  }
  if (query.command === 'count') return { count: query.collection, query: query.filter };
  return { find: query.collection, filter: query.filter, ...(query.sort && { sort: query.sort }) };
}

/** Every storage operation of the process, at least once. */
async function exerciseEveryAdapter(storage: MongoStorage): Promise<void> {
  const { clients, funds, ledger, idempotency, refreshTokens, notifications } = storage;
  await storage.deleteExpired(new Date());
  await funds.seed(SEEDED_FUNDS);
  await funds.findById('1');
  await funds.update(seededFund('2'));
  await funds.list();

  const client = aClient();
  await clients.add(registered(client));
  await clients.add(registered(aClient({ email: client.email }))).catch(() => undefined);
  await clients.findById(client.id);
  await clients.findByEmail(client.email);
  await clients.update(client);
  await clients.markVerified(client.id, 'email', client.email);
  const [first] = await clients.list({ limit: 10 });
  await clients.list({
    limit: 10,
    after: { createdAt: first!.client.toSnapshot().createdAt, id: first!.client.id },
  });

  const records = subscriptionRecords(client.id, ['1', '2', '3']);
  for (const record of records.slice(0, 2)) await ledger.append(record);
  // Another process, which never read this client: it probes the position before its append.
  await new MongoLedger(storage.db).append(records[2]!);
  await ledger.append(records[0]!).catch(() => undefined);
  await ledger.latest(client.id);
  await ledger.latestOf([client.id, uniqueId('nobody')]);
  await ledger.findByTransactionId(client.id, records[1]!.transaction.id);
  await ledger.findBySubscriptionId(client.id, records[1]!.transaction.subscriptionId!);
  await ledger.subscriptionHistory(client.id);
  await ledger.findBySubscriptionIds(
    client.id,
    records.map((r) => r.transaction.subscriptionId!),
  );
  await ledger.list(client.id, {}, { limit: 20 });
  await ledger.list(
    client.id,
    { type: 'subscription', fundId: '1', status: 'completed' },
    { limit: 5, beforeSeq: 3 },
  );
  await ledger.withNotificationsAfter({ createdAt: new Date(0), clientId: '', seq: 0 }, 100);

  const now = new Date();
  const later = new Date(now.getTime() + 60_000);
  const key = {
    clientId: client.id,
    key: uniqueId('key'),
    fingerprint: 'f',
    transactionId: uniqueId('tx'),
    state: 'in-flight' as const,
    outcome: null,
    createdAt: now,
    expiresAt: later,
    lockedUntil: later,
  };
  await idempotency.insertIfAbsent(key);
  await idempotency.insertIfAbsent({ ...key, transactionId: uniqueId('tx') });
  await idempotency.relock(key, later);
  await idempotency.complete(key, { kind: 'success', value: 1 });
  await idempotency.remove(key);
  await idempotency.deleteExpired(now);

  const token = {
    digest: uniqueId('digest'),
    clientId: client.id,
    familyId: uniqueId('family'),
    createdAt: now,
    expiresAt: later,
    sessionExpiresAt: later,
  };
  await refreshTokens.save(token);
  await refreshTokens.find(token.digest);
  await refreshTokens.consume(token.digest, now);
  await refreshTokens.revokeFamily(token.familyId, now);
  await refreshTokens.isFamilyRevoked(token.familyId);
  await refreshTokens.save({ ...token, digest: uniqueId('digest'), expiresAt: new Date(0) });
  await refreshTokens.deleteExpired(now);

  const notification = aNotification({ clientId: client.id, transactionId: uniqueId('tx') });
  await notifications.ensure(notification);
  await notifications.due(now, 10);
  const claim = { notificationId: notification.id, attempt: 1, claimedAt: now, leaseUntil: later };
  await notifications.claimAttempt(claim);
  await notifications.claimAttempt(claim);
  await notifications.knownTransactionIds([notification.transactionId]);
  await notifications.advanceRecoveryCheckpoint(now);
  await notifications.recoveryCheckpoint();
  const window = { start: now, end: later };
  await storage.rateLimits.increment('login:x', window, 5);
  await storage.rateLimits.count('login:x', window);
  await notifications.update({ ...notification, status: 'sent', attempts: 1, sentAt: now });
  await notifications.listByClient(client.id, 100);
  await notifications.findByTransactionId(notification.transactionId);
  await notifications.countByStatus('pending');

  const challenge = {
    id: uniqueId('challenge'),
    clientId: client.id,
    channel: 'email' as const,
    destination: client.email,
    codeHash: 'hash',
    createdAt: now,
    expiresAt: later,
  };
  await storage.verifications.save(challenge);
  await storage.verifications.latest(client.id, 'email');
  await storage.verifications.consume(challenge.id, now);
  await storage.verifications.deleteExpired(now);
}
