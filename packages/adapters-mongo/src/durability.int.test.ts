import { OutcomeUnknown } from '@btg-funds/application';
import { givenClientWithFunds, moneyUseCases } from '@btg-funds/application/testing';
import { MongoClient, type CommandStartedEvent } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTIONS } from './collections.js';
import { MongoLedger } from './mongo-ledger.js';
import { connectMongo, type MongoStorage } from './mongo-storage.js';
import { ledgerWriteConcernFor } from './server-profile.js';
import { WireProxy } from './testing/wire-proxy.js';
import { testMongo } from './testing/test-mongo.js';
import { useTestStorage } from './testing/test-storage.js';

const mongo = await testMongo();
const isLedgerInsert = (c: { name: string; collection: string | null }) =>
  c.name === 'insert' && c.collection === COLLECTIONS.ledger;

describe('ledgerWriteConcernFor', () => {
  it('waits for a journaled majority on a replica set, the server default elsewhere', () => {
    expect(ledgerWriteConcernFor({ replicaSet: true })).toEqual({ w: 'majority', j: true });
    expect(ledgerWriteConcernFor({ replicaSet: false })).toBeUndefined();
  });
});

describe.skipIf(!mongo.available)('durability and a stalled store (ADR 0304)', () => {
  const storage = useTestStorage('durability');
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('sends every ledger append with the configured write concern', async () => {
    const client = new MongoClient(storage.uri, { monitorCommands: true });
    cleanup.push(() => client.close());
    const sent: CommandStartedEvent[] = [];
    client.on('commandStarted', (event) => sent.push(event));
    const ledger = new MongoLedger(client.db(storage.dbName));
    ledger.useWriteConcern(ledgerWriteConcernFor({ replicaSet: true }));
    const account = await givenClientWithFunds(storage.current);
    await moneyUseCases({ ...storage.current, ledger }).subscribe.execute({
      clientId: account.id,
      fundId: '3',
    });
    const inserts = sent.filter((e) => e.commandName === 'insert');
    expect(inserts.map((e) => e.command.insert as unknown)).toEqual([COLLECTIONS.ledger]);
    expect(inserts[0]!.command.writeConcern).toEqual({ w: 'majority', j: true });
  });

  it('asks the server what it is: this one is not a replica set, so the default applies', async () => {
    const profile = await storage.current.configureDurability();
    const isReplicaSet =
      typeof (await storage.current.db.command({ hello: 1 })).setName === 'string';
    expect(profile.replicaSet).toBe(isReplicaSet);
    expect(storage.current.ledger.appendWriteConcern).toEqual(
      ledgerWriteConcernFor({ replicaSet: isReplicaSet }),
    );
  });

  it('notices a stalled store within the socket timeout, as StorageUnavailableError', async () => {
    const proxy = await WireProxy.start(storage.uri);
    cleanup.push(() => proxy.close());
    const stalled = await open(proxy, storage.dbName, cleanup);
    proxy.freeze();
    await expect(stalled.funds.findById('1')).rejects.toMatchObject({
      name: 'StorageUnavailableError',
    });
    proxy.release();
  });

  it('answers OutcomeUnknown when an append reached the store but its answer did not come back', async () => {
    const proxy = await WireProxy.start(storage.uri);
    cleanup.push(() => proxy.close());
    const stalled = await open(proxy, storage.dbName, cleanup);
    const account = await givenClientWithFunds(storage.current);
    proxy.holdRepliesTo(isLedgerInsert);
    const attempt = moneyUseCases(stalled).subscribe.execute({ clientId: account.id, fundId: '3' });
    await expect(attempt).rejects.toBeInstanceOf(OutcomeUnknown);
    // Exactly one append was sent and none after it; the store did write that one.
    expect(proxy.count(isLedgerInsert)).toBe(1);
    proxy.release();
    const latest = await storage.current.ledger.latest(account.id);
    expect(latest?.transaction.status).toBe('completed');
  });
});

async function open(
  proxy: WireProxy,
  dbName: string,
  cleanup: Array<() => Promise<void>>,
): Promise<MongoStorage> {
  const storage = await connectMongo({
    uri: proxy.uri(dbName),
    socketTimeoutMs: 500,
    serverSelectionTimeoutMs: 2_000,
  });
  cleanup.push(() => storage.close());
  return storage;
}
