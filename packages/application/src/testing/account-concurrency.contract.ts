import { Money } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../ports/index.js';
import { OPENING_BALANCE } from '../shared/account-of.js';
import { aFund } from './builders.js';
import type { Factory } from './ledger.contract.js';
import { givenClientWithFunds, moneyUseCases, type MoneyStorage } from './test-kit.js';

/**
 * Money conservation under concurrency (docs/product/rules.md, "Conservation"), through the
 * real use cases. `makeStorages`
 * may return several storages over one database (separate connections) to race across them.
 */
export function describeAccountConcurrencyContract(
  name: string,
  makeStorages: Factory<readonly MoneyStorage[]>,
): void {
  describe(`Account concurrency contract: ${name}`, () => {
    // Seeded funds 2 and 4 have minimums above 100.000, so five funds that accept 100.000 are
    // created for this scenario: the point is the race, not the minimums.
    it('50 concurrent subscriptions of 100.000 over five funds: 5 succeed, balance 0.00', async () => {
      const storages = await makeStorages();
      const client = await givenClientWithFunds(storages[0]!);
      const funds = [1, 2, 3, 4, 5].map((n) => aFund({ name: `FONDO_${n}`, minimum: '100000' }));
      for (const fund of funds) await storages[0]!.funds.add(fund);
      const attempts = Array.from({ length: 50 }, (_, i) => {
        const { subscribe } = moneyUseCases(storages[i % storages.length]!);
        return subscribe.execute({
          clientId: client.id,
          fundId: funds[i % 5]!.id,
          amount: Money.parse('100000'),
        });
      });
      const results = await Promise.allSettled(attempts);
      const successes = results.filter((r) => r.status === 'fulfilled');
      const codes = results.flatMap((r) =>
        r.status === 'rejected' ? [(r.reason as { code?: string }).code] : [],
      );
      expect(successes).toHaveLength(5);
      expect(codes).toHaveLength(45);
      for (const code of codes)
        expect(['ALREADY_SUBSCRIBED', 'INSUFFICIENT_BALANCE']).toContain(code);
      const entries = await assertGaplessAndConserved(storages[0]!.ledger, client.id);
      expect(entries.at(-1)?.balance).toBe('0.00');
      expect(entries.filter((e) => e.status === 'completed')).toHaveLength(5);
      expect(entries.filter((e) => e.status === 'failed')).toHaveLength(
        codes.filter((c) => c === 'INSUFFICIENT_BALANCE').length,
      );
    });

    it('concurrent cancellations of one subscription refund exactly once', async () => {
      const storages = await makeStorages();
      const client = await givenClientWithFunds(storages[0]!);
      const { result } = await moneyUseCases(storages[0]!).subscribe.execute({
        clientId: client.id,
        fundId: '4',
      });
      const cancels = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          moneyUseCases(storages[i % storages.length]!).cancel.execute({
            clientId: client.id,
            subscriptionId: result.subscription.id,
          }),
        ),
      );
      expect(cancels.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of cancels) {
        if (r.status === 'rejected')
          expect((r.reason as { code?: string }).code).toBe('ALREADY_CANCELLED');
      }
      const entries = await assertGaplessAndConserved(storages[0]!.ledger, client.id);
      expect(entries.map((e) => `${e.type}:${e.status}`)).toEqual([
        'subscription:completed',
        'cancellation:completed',
      ]);
      expect(entries.at(-1)?.balance).toBe('500000.00');
    });

    it('one Idempotency-Key sent ten times at once moves money once', async () => {
      const storages = await makeStorages();
      const client = await givenClientWithFunds(storages[0]!);
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          moneyUseCases(storages[i % storages.length]!).subscribe.execute({
            clientId: client.id,
            fundId: '1',
            idempotencyKey: 'same-key-10x',
          }),
        ),
      );
      for (const r of results) {
        if (r.status === 'rejected')
          expect((r.reason as { code?: string }).code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
      }
      const winners = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      expect(new Set(winners.map((w) => w.result.transaction.id)).size).toBe(1);
      const entries = await assertGaplessAndConserved(storages[0]!.ledger, client.id);
      expect(entries).toHaveLength(1);
      expect(entries[0]?.balance).toBe('425000.00');
    });
  });
}

/**
 * Reads the whole ledger: seq 1..N without gaps, every entry opened with this product's 500.000,
 * and balance + Σ holdings = that opening balance each time.
 */
export async function assertGaplessAndConserved(ledger: Ledger, clientId: string) {
  const listed = [...(await ledger.list(clientId, {}, { limit: 10_000 }))].reverse();
  expect(listed.map((r) => r.seq)).toEqual(listed.map((_, i) => i + 1));
  // A listing has no holdings: each entry is read whole by its transaction id.
  const records = await Promise.all(
    listed.map(async (r) => (await ledger.findByTransactionId(clientId, r.transaction.id))!),
  );
  expect(records.map((r) => r?.seq)).toEqual(listed.map((r) => r.seq));
  for (const record of records) {
    const invested = record.holdings.reduce((sum, h) => sum.add(h.amount), Money.zero());
    expect(record.openingBalance.equals(OPENING_BALANCE)).toBe(true);
    expect(record.transaction.balanceAfter.add(invested).equals(OPENING_BALANCE)).toBe(true);
    expect(record.transaction.balanceAfter.isNegative()).toBe(false);
  }
  return records.map((r) => ({
    type: r.transaction.type,
    status: r.transaction.status,
    balance: r.transaction.balanceAfter.toDecimalString(),
  }));
}
