import { InMemoryLedger } from '@btg-funds/adapters-memory';
import { Money, SEEDED_FUNDS, type Account } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import { LedgerConflict, type Ledger, type LedgerRecord } from '../ports/index.js';
import { runLedgerOperation, type LedgerOperation } from './ledger-operation.js';

const policy = { maxAttempts: 4, baseDelayMs: 0, maxDelayMs: 0 };
const at = new Date('2026-01-15T15:00:00.000Z');

/** A ledger whose first `failures` appends lose a race (or all of them, with Infinity). */
function contendedLedger(failures: number): Ledger {
  const real = new InMemoryLedger();
  let lost = 0;
  return Object.assign(Object.create(real) as Ledger, {
    append: (record: LedgerRecord) => {
      if (lost >= failures) return real.append(record);
      lost += 1;
      return Promise.reject(new LedgerConflict(record.clientId, record.seq));
    },
  });
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
    const ledger = new InMemoryLedger();
    const outcome = await runLedgerOperation(ledger, policy, subscribeTo('1'));
    expect(outcome.kind).toBe('applied');
    const latest = await ledger.latest('c-1');
    expect(latest).toMatchObject({ seq: 1, notification: { channel: 'email' } });
    expect(latest?.transaction.balanceAfter.toDecimalString()).toBe('425000.00');
  });

  it('records no notification intent on a failed attempt', async () => {
    const ledger = new InMemoryLedger();
    const outcome = await runLedgerOperation(ledger, policy, subscribeTo('4', 'tx-4', '600000'));
    expect(outcome.kind === 'applied' && outcome.change.rejection?.code).toBe(
      'INSUFFICIENT_BALANCE',
    );
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
    const ledger = new InMemoryLedger();
    await runLedgerOperation(ledger, policy, subscribeTo('1', 'tx-same'));
    const again = await runLedgerOperation(ledger, policy, subscribeTo('1', 'tx-same'));
    expect(again.kind).toBe('already-applied');
    expect(again.record.transaction.id).toBe('tx-same');
    expect(await ledger.list('c-1', {}, { limit: 10 })).toHaveLength(1);
  });

  it('passes a business rejection through when its transaction is not in the ledger', async () => {
    const ledger = new InMemoryLedger();
    await runLedgerOperation(ledger, policy, subscribeTo('1', 'tx-a'));
    await expect(
      runLedgerOperation(ledger, policy, subscribeTo('1', 'tx-b')),
    ).rejects.toMatchObject({ code: 'ALREADY_SUBSCRIBED' });
  });

  it('does not retry an error that is not a lost race', async () => {
    const real = new InMemoryLedger();
    const broken = Object.assign(Object.create(real) as Ledger, {
      append: () => Promise.reject(new Error('disk full')),
    });
    await expect(runLedgerOperation(broken, policy, subscribeTo('1'))).rejects.toThrow('disk full');
  });
});
