import { FakeLedger } from '../testing/index.js';
import { Money, type Account } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import { SEEDED_FUNDS } from '../funds/seeded-funds.js';
import {
  LedgerConflict,
  LedgerSequenceGap,
  StorageUnavailable,
  type Ledger,
  type LedgerRecord,
} from '../ports/index.js';
import type { Deadline } from './deadline.js';
import { runLedgerOperation, type LedgerOperation } from './ledger-operation.js';
import { OutcomeUnknown } from './outcome-unknown.js';

const policy = { maxAttempts: 4, baseDelayMs: 0, maxDelayMs: 0 };
const at = new Date('2026-01-15T15:00:00.000Z');

/** A ledger whose first `failures` appends lose a race (or all of them, with Infinity). */
function contendedLedger(failures: number): Ledger {
  const real = new FakeLedger();
  let lost = 0;
  return Object.assign(Object.create(real) as Ledger, {
    append: (record: LedgerRecord) => {
      if (lost >= failures) return real.append(record);
      lost += 1;
      return Promise.reject(new LedgerConflict(record.clientId, record.seq));
    },
  });
}

/**
 * The ledger's reads that check a decision, counted: positions probed, latest entries read,
 * look-ups of a transaction id.
 */
function countingReads(ledger: Ledger) {
  const seen = { probed: [] as number[], latest: 0, lookups: 0 };
  const counted = Object.assign(Object.create(ledger) as Ledger, {
    hasPosition: (clientId: string, seq: number) => {
      seen.probed.push(seq);
      return ledger.hasPosition(clientId, seq);
    },
    latest: (clientId: string) => {
      seen.latest += 1;
      return ledger.latest(clientId);
    },
    findByTransactionId: (clientId: string, transactionId: string) => {
      seen.lookups += 1;
      return ledger.findByTransactionId(clientId, transactionId);
    },
  });
  return { counted, seen };
}

const subscribeTo = (
  fundId: string,
  transactionId = `tx-${fundId}`,
  amount?: string,
): LedgerOperation => ({
  clientId: 'c-1',
  transactionId,
  decide: (account: Account) =>
    account.subscribe({
      fund: SEEDED_FUNDS.find((f) => f.id === fundId)!,
      amount: amount === undefined ? undefined : Money.parse(amount),
      transactionId,
      subscriptionId: `sub-${fundId}`,
      at,
    }),
  notification: () => ({ channel: 'email', destination: 'ana@example.com' }),
});

describe('runLedgerOperation', () => {
  it('appends the next entry with its notification intent', async () => {
    const ledger = new FakeLedger();
    const outcome = await runLedgerOperation(ledger, policy, subscribeTo('1'));
    expect(outcome.kind).toBe('applied');
    const latest = await ledger.latest('c-1');
    expect(latest).toMatchObject({ seq: 1, notification: { channel: 'email' } });
    expect(latest?.transaction.balanceAfter.toDecimalString()).toBe('425000.00');
  });

  it('records no notification intent on a failed attempt', async () => {
    const ledger = new FakeLedger();
    const outcome = await runLedgerOperation(ledger, policy, subscribeTo('4', 'tx-4', '600000'));
    expect(outcome.kind === 'applied' && outcome.decision.kind).toBe('rejected');
    expect(
      outcome.kind === 'applied' &&
        outcome.decision.kind === 'rejected' &&
        outcome.decision.refusal.code,
    ).toBe('INSUFFICIENT_BALANCE');
    expect(await ledger.latest('c-1')).toMatchObject({ seq: 1, notification: null });
  });

  it('re-reads and retries after losing a race, then applies once', async () => {
    const ledger = contendedLedger(2);
    const outcome = await runLedgerOperation(ledger, policy, subscribeTo('1'));
    expect(outcome.kind).toBe('applied');
    expect(await ledger.list('c-1', {}, { limit: 10 })).toHaveLength(1);
  });

  it('gives up with CONCURRENT_MODIFICATION when every attempt loses', async () => {
    const ledger = contendedLedger(Infinity);
    await expect(runLedgerOperation(ledger, policy, subscribeTo('1'))).rejects.toMatchObject({
      code: 'CONCURRENT_MODIFICATION',
    });
    expect(await ledger.latest('c-1')).toBeNull();
  });

  it('answers already-applied when its own transaction is in the ledger', async () => {
    const ledger = new FakeLedger();
    await runLedgerOperation(ledger, policy, subscribeTo('1', 'tx-same'));
    const again = await runLedgerOperation(ledger, policy, subscribeTo('1', 'tx-same'));
    expect(again.kind).toBe('already-applied');
    expect(again.kind === 'already-applied' && again.record.transaction.id).toBe('tx-same');
    expect(await ledger.list('c-1', {}, { limit: 10 })).toHaveLength(1);
  });

  it('passes a refusal through when its transaction is not in the ledger, writing nothing', async () => {
    const ledger = new FakeLedger();
    await runLedgerOperation(ledger, policy, subscribeTo('1', 'tx-a'));
    await expect(
      runLedgerOperation(ledger, policy, subscribeTo('1', 'tx-b')),
    ).resolves.toMatchObject({ kind: 'refused', refusal: { code: 'ALREADY_SUBSCRIBED' } });
    expect(await ledger.list('c-1', {}, { limit: 10 })).toHaveLength(1);
  });

  it('refuses a new transaction id without looking for it in the ledger (ADR 0721)', async () => {
    const ledger = new FakeLedger();
    await runLedgerOperation(ledger, policy, subscribeTo('1', 'tx-a'));
    const { counted, seen } = countingReads(ledger);
    const outcome = await runLedgerOperation(counted, policy, {
      ...subscribeTo('1', 'tx-b'),
      resumed: false,
    });
    expect(outcome).toMatchObject({ kind: 'refused', refusal: { code: 'ALREADY_SUBSCRIBED' } });
    expect(seen.lookups).toBe(0);
    // Resumed, or not said: the refusal may be its own transaction's effect, so it looks.
    for (const resumed of [true, undefined]) {
      await runLedgerOperation(counted, policy, { ...subscribeTo('1', 'tx-b'), resumed });
    }
    expect(seen.lookups).toBe(2);
  });

  it('still finds a new id written by an append that answered a lost race', async () => {
    // The driver retried an insert that had landed: the retry meets the entry and reports a
    // conflict. The operation is done, not to be redone on the next position.
    const real = new FakeLedger();
    const ledger = Object.assign(Object.create(real) as Ledger, {
      append: async (record: LedgerRecord) => {
        await real.append(record);
        throw new LedgerConflict(record.clientId, record.seq);
      },
    });
    const outcome = await runLedgerOperation(ledger, policy, {
      ...subscribeTo('1', 'tx-new'),
      resumed: false,
    });
    expect(outcome.kind === 'already-applied' && outcome.record.transaction.id).toBe('tx-new');
    expect(await real.list('c-1', {}, { limit: 10 })).toHaveLength(1);
  });

  it('passes a gap the ledger refused through as it is, even after a lost race', async () => {
    let appends = 0;
    const gapped = Object.assign(Object.create(new FakeLedger()) as Ledger, {
      // The first append loses a race; the second is refused as a gap (a bug; nothing written).
      append: (record: LedgerRecord) => {
        appends += 1;
        return Promise.reject(
          appends === 1
            ? new LedgerConflict(record.clientId, record.seq)
            : new LedgerSequenceGap(record.clientId, record.seq),
        );
      },
    });
    await expect(runLedgerOperation(gapped, policy, subscribeTo('1'))).rejects.toBeInstanceOf(
      LedgerSequenceGap,
    );
    expect(appends).toBe(2);
  });

  it('does not retry an append that failed otherwise: its outcome is unknown', async () => {
    const real = new FakeLedger();
    let appends = 0;
    const broken = Object.assign(Object.create(real) as Ledger, {
      append: () => {
        appends += 1;
        return Promise.reject(new StorageUnavailable());
      },
    });
    const failure = runLedgerOperation(broken, policy, subscribeTo('1'));
    await expect(failure).rejects.toBeInstanceOf(OutcomeUnknown);
    const error = await failure.catch((reason: unknown) => reason);
    expect((error as OutcomeUnknown).cause).toBeInstanceOf(StorageUnavailable);
    expect(appends).toBe(1);
  });

  it('answers OutcomeUnknown when the store fails after an append was sent', async () => {
    const real = contendedLedger(1);
    const failing = Object.assign(Object.create(real) as Ledger, {
      // The race was lost; then the store stops answering while we check whose entry won.
      findByTransactionId: () => Promise.reject(new StorageUnavailable()),
    });
    await expect(runLedgerOperation(failing, policy, subscribeTo('1'))).rejects.toBeInstanceOf(
      OutcomeUnknown,
    );
  });

  it('passes a store failure through as it is when nothing was sent yet', async () => {
    const real = new FakeLedger();
    const down = Object.assign(Object.create(real) as Ledger, {
      latest: () => Promise.reject(new StorageUnavailable()),
    });
    await expect(runLedgerOperation(down, policy, subscribeTo('1'))).rejects.toBeInstanceOf(
      StorageUnavailable,
    );
  });
});

// ADR 0720: the first attempt decides on the caller's hint, which may be behind the ledger.
describe('runLedgerOperation on a hint left behind', () => {
  const cancelOf = (subscriptionId: string, transactionId: string): LedgerOperation => ({
    clientId: 'c-1',
    transactionId,
    decide: (account: Account) =>
      account.cancel({ subscriptionId, transactionId, at, history: [] }),
    notification: () => null,
  });

  /** Fund 1 subscribed (seq 1), then cancelled (seq 2): the hint is entry 1. */
  async function cancelledAfterTheHint() {
    const ledger = new FakeLedger();
    await runLedgerOperation(ledger, policy, subscribeTo('1', 'tx-open'));
    const hint = await ledger.latest('c-1');
    await runLedgerOperation(ledger, policy, cancelOf('sub-1', 'tx-cancel'));
    return { ledger, hint };
  }

  it('appends nothing on it: the append loses its race and the retry decides on the latest', async () => {
    const { ledger, hint } = await cancelledAfterTheHint();
    const outcome = await runLedgerOperation(ledger, policy, {
      ...subscribeTo('2', 'tx-2'),
      latest: hint,
    });
    expect(outcome.kind === 'applied' && outcome.record.seq).toBe(3);
    // 500.000 − 75.000 (fund 1) + 75.000 (refunded) − 125.000 (fund 2).
    expect((await ledger.latest('c-1'))?.transaction.balanceAfter.toDecimalString()).toBe(
      '375000.00',
    );
    expect(await ledger.list('c-1', {}, { limit: 10 })).toHaveLength(3);
  });

  it('refuses only what the latest entry refuses: fund 1 was cancelled since the hint', async () => {
    const { ledger, hint } = await cancelledAfterTheHint();
    // On the hint fund 1 is still held (ALREADY_SUBSCRIBED); on the ledger it is free again.
    const outcome = await runLedgerOperation(ledger, policy, {
      ...subscribeTo('1', 'tx-again'),
      latest: hint,
    });
    expect(outcome.kind === 'applied' && outcome.record.seq).toBe(3);
    expect((await ledger.latest('c-1'))?.holdings.map((h) => h.fundId)).toEqual(['1']);
  });

  it('cancels a subscription opened after the hint (no entries yet on the hint)', async () => {
    const ledger = new FakeLedger();
    await runLedgerOperation(ledger, policy, subscribeTo('1', 'tx-open'));
    const outcome = await runLedgerOperation(ledger, policy, {
      ...cancelOf('sub-1', 'tx-cancel'),
      latest: null,
    });
    expect(outcome.kind === 'applied' && outcome.record.seq).toBe(2);
    expect((await ledger.latest('c-1'))?.transaction.balanceAfter.toDecimalString()).toBe(
      '500000.00',
    );
  });

  it('refuses on a hint that is current after probing the position after it, no more', async () => {
    const ledger = new FakeLedger();
    await runLedgerOperation(ledger, policy, subscribeTo('1', 'tx-open'));
    const { counted, seen } = countingReads(ledger);
    const outcome = await runLedgerOperation(counted, policy, {
      ...subscribeTo('1', 'tx-twice'),
      latest: await ledger.latest('c-1'),
    });
    expect(outcome).toMatchObject({ kind: 'refused', refusal: { code: 'ALREADY_SUBSCRIBED' } });
    // Position 2 is free, so entry 1 is the latest: no read of the latest entry. The id is not
    // said to be new, so the refusal looks for it once.
    expect(seen).toEqual({ probed: [2], latest: 0, lookups: 1 });
    expect(await ledger.list('c-1', {}, { limit: 10 })).toHaveLength(1);
  });

  it('reads the latest entry only when the position after the hint is taken', async () => {
    const { ledger, hint } = await cancelledAfterTheHint();
    const { counted, seen } = countingReads(ledger);
    await runLedgerOperation(counted, policy, { ...subscribeTo('1', 'tx-again'), latest: hint });
    expect(seen).toEqual({ probed: [2], latest: 1, lookups: 0 });
  });
});

describe('runLedgerOperation with a deadline', () => {
  const patient = { maxAttempts: 64, baseDelayMs: 0, maxDelayMs: 0 };

  /** A deadline that passes once `appends()` reaches `after`. */
  const passesAfter = (after: number, appends: () => number): Deadline => ({
    remainingMs: () => (appends() >= after ? 0 : 1_000),
  });

  it('starts no ledger attempt after it: a hot account ends in a clean 409', async () => {
    let appends = 0;
    const real = contendedLedger(Infinity);
    const hot = Object.assign(Object.create(real) as Ledger, {
      append: (record: LedgerRecord) => {
        appends += 1;
        return real.append(record);
      },
    });
    const operation = { ...subscribeTo('1'), deadline: passesAfter(3, () => appends) };
    await expect(runLedgerOperation(hot, patient, operation)).rejects.toMatchObject({
      code: 'CONCURRENT_MODIFICATION',
    });
    expect(appends).toBe(3);
  });

  it('sends nothing once it has passed, and says the store was too slow', async () => {
    let appends = 0;
    const real = new FakeLedger();
    const counted = Object.assign(Object.create(real) as Ledger, {
      append: (record: LedgerRecord) => {
        appends += 1;
        return real.append(record);
      },
    });
    const late = { ...subscribeTo('1'), deadline: { remainingMs: () => 0 } };
    await expect(runLedgerOperation(counted, patient, late)).rejects.toBeInstanceOf(
      StorageUnavailable,
    );
    expect(appends).toBe(0);
    expect(await real.latest('c-1')).toBeNull();
  });
});
