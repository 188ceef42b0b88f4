import { LedgerConflict } from '@btg-funds/application';
import { subscriptionRecords, uniqueId } from '@btg-funds/application/testing';
import { describe, expect, it } from 'vitest';
import type { LedgerHeads } from './ledger-heads.js';
import type { MongoLedger } from './mongo-ledger.js';
import { testMongo } from './testing/test-mongo.js';
import { useTestStorage } from './testing/test-storage.js';

const mongo = await testMongo();

/** Holds the ledger's head moves until the returned function is called. */
function holdHeadMoves(ledger: MongoLedger): () => void {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const moves = (ledger as unknown as { heads: LedgerHeads }).heads;
  const advance = moves.advance.bind(moves);
  moves.advance = async (entry) => {
    await held;
    return advance(entry);
  };
  return release;
}

// ADR 0720: money operations decide on `latestHint`; two processes (two clients, two pools) on
// one database, as two API instances would be.
describe.skipIf(!mongo.available)('ledger hint (Mongo)', () => {
  const storage = useTestStorage('hint');

  it('is never ahead of the ledger; an append decided on one left behind loses its race', async () => {
    const mine = storage.current.ledger;
    const other = (await storage.open()).ledger;
    const clientId = uniqueId('client');
    const [first, second, third] = subscriptionRecords(clientId, ['1', '2', '3']);
    await mine.append(first!);
    await mine.append(second!);
    await mine.headsSettled();
    const release = holdHeadMoves(mine);
    await mine.append(third!);

    // The head still says 2: the other process is behind, never ahead; this one knows its own 3.
    expect((await other.latestHint(clientId))?.seq).toBe(2);
    expect(await mine.latestHint(clientId)).toEqual(third);

    // The other process decides on entry 2 and appends its own entry 3: refused, nothing written.
    const [, , elsewhere] = subscriptionRecords(clientId, ['1', '2', '4']);
    await expect(other.append(elsewhere!)).rejects.toBeInstanceOf(LedgerConflict);
    expect((await mine.latest(clientId))?.transaction.id).toBe(third!.transaction.id);

    // It now knows position 3 exists without having seen it: the head (2) would only lose again,
    // so its hint is the latest entry, read from the ledger.
    expect(await other.latestHint(clientId)).toEqual(await mine.latest(clientId));

    release();
    await mine.headsSettled();
    expect((await other.latestHint(clientId))?.seq).toBe(3);
  });

  it('is null for a client with no entries and no head', async () => {
    expect(await storage.current.ledger.latestHint(uniqueId('nobody'))).toBeNull();
  });
});
