import { subscriptionRecords, uniqueId } from '@btg-funds/application/testing';
import { describe, expect, it } from 'vitest';
import { collection, COLLECTIONS } from './collections.js';
import { toLedgerDocument } from './ledger-document.js';
import { LedgerHeads, type LedgerHeadDocument } from './ledger-heads.js';
import { MongoLedger } from './mongo-ledger.js';
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
    // Appends do not wait for their head moves (ADR 0715); the tests below edit the heads.
    await storage.current.ledger.headsSettled();
    return clientId;
  }

  it('answers an append without waiting for its head move, which follows in turn', async () => {
    const ledger = new MongoLedger(storage.current.db);
    const clientId = uniqueId('client');
    const records = subscriptionRecords(clientId, ['1', '2']);
    // Head moves held until released: an append that waited for its own would never answer.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const moves = (ledger as unknown as { heads: LedgerHeads }).heads;
    const advance = moves.advance.bind(moves);
    const sent: number[] = [];
    moves.advance = async (entry) => {
      sent.push(entry.seq);
      await held;
      return advance(entry);
    };
    for (const record of records) await ledger.append(record);
    // Both appended while the first move is still unanswered; the second waits its turn.
    expect(sent).toEqual([1]);
    release();
    await ledger.headsSettled();
    expect(sent).toEqual([1, 2]);
    expect((await heads().findOne({ _id: clientId }))?.seq).toBe(2);
  });

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
