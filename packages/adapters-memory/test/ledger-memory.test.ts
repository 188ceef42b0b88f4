import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { OPENING_BALANCE, type LedgerRecord } from '@btg-funds/application';
import { seededFund } from '@btg-funds/application/testing';
import { Account } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import { InMemoryLedger, microtaskTurn } from '../src/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ENTRIES = 8000;
const CLIENTS = 8;
/**
 * Live heap the ledger may keep per entry. Compact rows measure ~330–360 bytes here (the row, its
 * two ids, the indexes, and code compiled during the run; Node 20 and 24; ~365 before ADR 0731);
 * entries kept as records with Money and Date objects measured ~890 (ADR 0714). The balance kept
 * as a Money again would add ~200. `ledger-row.test.ts` pins the row's own fields.
 */
const BYTES_PER_ENTRY_AT_MOST = 480;
/** A flat id, as the production id generator gives (randomUUID's own result is a rope). */
const newId = (): string => Buffer.from(randomUUID(), 'latin1').toString('latin1');

function liveHeap(): number {
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

/** A client's subscribe + cancel cycles as the account writes them, one entry at a time. */
function* cycles(clientId: string, count: number): Generator<LedgerRecord> {
  let account = Account.open(clientId, { openingBalance: OPENING_BALANCE });
  const notification = { channel: 'email', destination: `${clientId}@example.com` } as const;
  let at = Date.parse('2026-03-01T12:00:00.000Z');
  for (let i = 0; i < count; i += 2) {
    const opened = account.subscribe({
      fund: seededFund('3'),
      transactionId: newId(),
      subscriptionId: newId(),
      at: new Date((at += 1000)),
    });
    if (opened.kind !== 'completed') throw new Error('the fund minimum fits the balance');
    yield { ...opened.change.entry, notification };
    const closed = opened.change.account.cancel({
      subscriptionId: opened.subscription.id,
      transactionId: newId(),
      at: new Date((at += 1000)),
      history: [],
    });
    if (closed.kind !== 'completed') throw new Error('the subscription was just opened');
    yield { ...closed.change.entry, notification };
    account = closed.change.account;
  }
}

// Issue 11 §6 / issue 16: the ledger is kept whole in memory, so what one entry costs is what a
// long-running process grows by. Measured after forced collections; no timing involved.
describe('in-memory ledger memory', () => {
  it(`keeps at most ${BYTES_PER_ENTRY_AT_MOST} bytes of live heap per entry`, async () => {
    const ledger = new InMemoryLedger(microtaskTurn);
    const clients = Array.from({ length: CLIENTS }, () => `client-${newId()}`);
    const before = liveHeap();
    for (const clientId of clients) {
      for (const record of cycles(clientId, ENTRIES / CLIENTS)) await ledger.append(record);
    }
    const perEntry = (liveHeap() - before) / ENTRIES;
    // Still all there (and the ledger is still reachable when the heap was measured).
    for (const clientId of clients) {
      expect((await ledger.latest(clientId))?.seq).toBe(ENTRIES / CLIENTS);
    }
    expect(perEntry).toBeGreaterThan(0);
    expect(perEntry).toBeLessThan(BYTES_PER_ENTRY_AT_MOST);
  });
});
