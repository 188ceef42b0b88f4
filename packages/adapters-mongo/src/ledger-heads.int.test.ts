import { subscriptionRecords, uniqueId } from '@btg-funds/application/testing';
import { describe, expect, it } from 'vitest';
import { collection, COLLECTIONS } from './collections.js';
import { toLedgerDocument } from './ledger-document.js';
import { LedgerHeads, type LedgerHeadDocument } from './ledger-heads.js';
import { testMongo } from './testing/test-mongo.js';
import { useTestStorage } from './testing/test-storage.js';

const mongo = await testMongo();

// The heads are a hint (ADR 0305): whatever state they are left in — missing, behind, two
// writers racing — the batch read gives the ledger's real latest entry.
describe.skipIf(!mongo.available)('ledger heads', () => {
  const storage = useTestStorage('heads');
  const heads = () => collection<LedgerHeadDocument>(storage.current.db, COLLECTIONS.ledgerHeads);

  async function clientWithEntries(funds: readonly string[]) {
    const clientId = uniqueId('client');
    for (const record of subscriptionRecords(clientId, funds)) {
      await storage.current.ledger.append(record);
    }
    return clientId;
  }

  it('moves the head with every append', async () => {
    const clientId = await clientWithEntries(['1', '2', '3']);
    expect((await heads().findOne({ _id: clientId }))?.seq).toBe(3);
  });

  it('reads past a head left behind, and repairs it', async () => {
    const clientId = await clientWithEntries(['1', '2', '3']);
    // As if the writers of entries 2 and 3 died between their entry and their head.
    await heads().updateOne({ _id: clientId }, { $set: { seq: 1, 'entry.seq': 1 } });
    const latest = (await storage.current.ledger.latestOf([clientId])).get(clientId);
    expect(latest?.seq).toBe(3);
    expect(latest?.transaction.balanceAfter.toDecimalString()).toBe('250000.00');
    expect((await heads().findOne({ _id: clientId }))?.seq).toBe(3);
  });

  it('reads a client whose head was never written', async () => {
    const clientId = await clientWithEntries(['1', '2']);
    await heads().deleteOne({ _id: clientId });
    const latest = await storage.current.ledger.latestOf([clientId, uniqueId('nobody')]);
    expect(latest.get(clientId)?.seq).toBe(2);
    expect([...latest.values()].filter((r) => r === null)).toHaveLength(1);
    expect((await heads().findOne({ _id: clientId }))?.seq).toBe(2);
  });

  it('never moves a head backwards', async () => {
    const clientId = await clientWithEntries(['1', '2', '3']);
    const [first] = subscriptionRecords(clientId, ['1']);
    // The slow writer of entry 1 moving the head after the writer of entry 3 did: ignored.
    await new LedgerHeads(storage.current.db).advance(toLedgerDocument(first!));
    expect((await heads().findOne({ _id: clientId }))?.seq).toBe(3);
  });
});
