import { LedgerSequenceGap } from '@btg-funds/application';
import { subscriptionRecords, uniqueId } from '@btg-funds/application/testing';
import { describe, expect, it } from 'vitest';
import { collection, COLLECTIONS } from './collections.js';
import { toLedgerDocument, type LedgerDocument } from './ledger-document.js';
import { MongoLedger } from './mongo-ledger.js';
import { testMongo } from './testing/test-mongo.js';
import { useTestStorage } from './testing/test-storage.js';

const mongo = await testMongo();

// What the contract cannot see from one instance: the gap check across processes (each has
// its own KnownPositions), and entries written before the opening balance was recorded.
describe.skipIf(!mongo.available)('Mongo ledger positions and stored entries', () => {
  const storage = useTestStorage('ledger_sequence');
  const raw = () => collection<LedgerDocument>(storage.current.db, COLLECTIONS.ledger);

  it('lets another process append after entries it never read (it probes the one before)', async () => {
    const clientId = uniqueId('client');
    const [first, second, third] = subscriptionRecords(clientId, ['1', '2', '3']);
    await storage.current.ledger.append(first!);
    const other = new MongoLedger(storage.current.db);
    await other.append(second!);
    await storage.current.ledger.append(third!);
    expect((await other.latest(clientId))?.seq).toBe(3);
  });

  it('refuses a gap in a process that knows nothing of the client, writing nothing', async () => {
    const clientId = uniqueId('client');
    const [first, , third] = subscriptionRecords(clientId, ['1', '2', '3']);
    await storage.current.ledger.append(first!);
    const fresh = new MongoLedger(storage.current.db);
    await expect(fresh.append(third!)).rejects.toBeInstanceOf(LedgerSequenceGap);
    expect(await raw().countDocuments({ clientId })).toBe(1);
  });

  it('reads an entry written before entries recorded their opening balance as 500.000', async () => {
    const clientId = uniqueId('client');
    const [first] = subscriptionRecords(clientId, ['1']);
    const { openingBalance: _recorded, ...legacy } = toLedgerDocument(first!);
    await raw().insertOne(legacy);
    const read = await storage.current.ledger.latest(clientId);
    expect(read?.openingBalance.toDecimalString()).toBe('500000.00');
    expect(read?.transaction.balanceAfter.toDecimalString()).toBe('425000.00');
  });

  it('never passes on a stored rejection code that no rule gives', async () => {
    const clientId = uniqueId('client');
    const [first] = subscriptionRecords(clientId, ['1']);
    const doc = toLedgerDocument(first!);
    await raw().insertOne({
      ...doc,
      status: 'failed',
      subscriptionId: null,
      holdings: [],
      reason: { code: 'MADE_UP', message: 'x' },
    });
    await expect(storage.current.ledger.latest(clientId)).rejects.toMatchObject({
      code: 'LEDGER_INVARIANT_BROKEN',
    });
  });
});
