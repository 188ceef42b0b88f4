import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Account } from './account.js';
import { Money } from './money.js';
import { OPENING, OPENING_BALANCE, TEST_FUNDS } from './testing/funds.js';

type Step =
  | { kind: 'subscribe'; fund: number; amount: bigint | null; active: boolean }
  | { kind: 'cancel'; pick: number };

/** Amounts in centavos: below the minimum, around it, anywhere up to the balance, or huge. */
const amount = fc.option(
  fc.oneof(
    fc.bigInt({ min: 1n, max: 25_000_000n }),
    fc.bigInt({ min: 5_000_000n, max: 60_000_000n }),
    fc.bigInt({ min: 50_000_001n, max: 10n ** 17n }),
  ),
  { nil: null },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('subscribe' as const),
      fund: fc.integer({ min: 0, max: 4 }),
      amount,
      // Mostly open funds, so that the money rules (not only FUND_INACTIVE) get exercised.
      active: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(9) }) },
);

const INITIAL = OPENING_BALANCE.toMinorUnits();
const at = new Date('2026-01-15T15:00:00.000Z');

function apply(account: Account, s: Step, i: number) {
  if (s.kind === 'subscribe') {
    const base = TEST_FUNDS[s.fund]!;
    return account.subscribe({
      fund: s.active ? base : base.update({ active: false }),
      amount: s.amount === null ? undefined : Money.fromMinorUnits(s.amount),
      transactionId: `tx-${i}`,
      subscriptionId: `sub-${i}`,
      at,
    });
  }
  const holding = account.holdings[s.pick % Math.max(1, account.holdings.length)];
  return account.cancel({
    subscriptionId: holding?.subscriptionId ?? `missing-${i}`,
    transactionId: `tx-${i}`,
    at,
    history: [],
  });
}

describe('Account under random subscribe/cancel sequences (five funds)', () => {
  it('conserves money, never goes negative, and appends seq + 1; failures move nothing', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 40 }), (steps) => {
        let account = Account.open('c-1', OPENING);
        steps.forEach((s, i) => {
          // Never thrown: every expected refusal comes back in the decision.
          const decision = apply(account, s, i);
          if (decision.kind === 'refused') {
            // Conflicts (already subscribed, nothing to cancel) write no entry at all.
            expect(['ALREADY_SUBSCRIBED', 'SUBSCRIPTION_NOT_FOUND']).toContain(
              decision.refusal.code,
            );
            return;
          }
          const change = decision.change;
          const next = change.account;
          const invested = next.holdings.reduce((sum, h) => sum + h.amount.toMinorUnits(), 0n);
          expect(next.balance.toMinorUnits() + invested).toBe(INITIAL);
          expect(next.balance.isNegative()).toBe(false);
          expect(change.entry.seq).toBe(account.seq + 1);
          expect(next.seq).toBe(account.seq + 1);
          expect(change.entry.transaction.balanceAfter.equals(next.balance)).toBe(true);
          expect(Account.fromLatestEntry(change.entry).balance.equals(next.balance)).toBe(true);
          expect(change.entry.openingBalance.equals(OPENING_BALANCE)).toBe(true);
          if (change.transaction.status === 'failed') {
            expect(decision.kind).toBe('rejected');
            expect(next.balance.equals(account.balance)).toBe(true);
            expect(next.holdings).toEqual(account.holdings);
          }
          account = next;
        });
      }),
      { numRuns: 100 },
    );
  });
});
